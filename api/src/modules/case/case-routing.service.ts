import type { RequestContext } from '../../context/request-context';
import { Department } from '../department/department.entity';
import { DutyAssignment, DutyRole } from '../duty/duty.entity';
import type { Case } from './case.entity';
import { handlingLevel } from './case-units';

/** A dispatch proposal: the lead department and its partners in joint handling (联合执法). */
export interface DispatchSuggestion {
  lead: Department | null;
  partners: Department[];
}

/**
 * Routing by legal duty (根据法定职责派遣): the city's duty matrix names, for the case's
 * category at the level of its handling unit, the field that leads and the fields that join;
 * the active departments of the handling unit in those fields are proposed. Only departments
 * of that unit are ever suggested.
 */
export async function suggestDispatch(ctx: RequestContext, kase: Case): Promise<DispatchSuggestion> {
  const level = await handlingLevel(ctx, kase);
  if (level == null) return { lead: null, partners: [] };
  const duties = await ctx.em.find(DutyAssignment, { categoryId: kase.categoryId, level });
  // An empty cell (a gap the city left) suggests nobody rather than guessing.
  if (!duties.length) return { lead: null, partners: [] };
  const leadField = duties.find((d) => d.role === DutyRole.RESPONSIBLE)?.field;
  const partnerFields = duties.filter((d) => d.role === DutyRole.CO_RESPONSIBLE).map((d) => d.field);
  const departments = await ctx.em.find(
    Department,
    { unitId: kase.handlingUnitId, active: true, field: { $in: duties.map((d) => d.field) } },
    { orderBy: { id: 'asc' } },
  );
  return {
    lead: departments.find((d) => d.field === leadField) ?? null,
    partners: departments.filter((d) => partnerFields.includes(d.field)),
  };
}

/** The suggested departments as one list, the lead first. */
export async function suggestDepartments(ctx: RequestContext, kase: Case): Promise<Department[]> {
  const { lead, partners } = await suggestDispatch(ctx, kase);
  return lead ? [lead, ...partners] : partners;
}
