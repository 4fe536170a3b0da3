import { PartnersPendingError } from '../../common/errors';
import { toGlobalId } from '../../common/global-id';
import { loadChildren, loadVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Department } from '../department/department.entity';
import { CaseAssignment } from './case-assignment.entity';
import { AssignmentState, type CaseAction } from './case.enums';
import type { Case } from './case.entity';
import { assignmentActionsFrom } from './case.workflow';

// 联合执法: what partner departments may do on their assignments, and what the case's own steps do to them.

/** The partner steps the caller may take on this assignment now (its table x the caller's rule). */
export function assignmentActions(ctx: RequestContext, assignment: CaseAssignment, kase: Pick<Case, 'status'>): CaseAction[] {
  if (!ctx.ability.can('assist', assignment)) return [];
  return assignmentActionsFrom(assignment.state, kase.status);
}

/** The partner steps the caller may take on any of the case's assignments (for `Case.availableActions`). */
export async function partnerActions(ctx: RequestContext, kase: Case): Promise<CaseAction[]> {
  const assignments = await loadChildren(ctx, CaseAssignment, 'caseId', kase.id);
  return assignments.flatMap((a) => assignmentActions(ctx, a, kase));
}

export async function departmentName(ctx: RequestContext, id: number): Promise<string | null> {
  return (await loadVisible(ctx, Department, id))?.name ?? null;
}

/**
 * The lead feeds back for the case once every partner has, or its own deadline has passed
 * (a silent partner must not hold the case past its limit): those still in time block it.
 * Returns what the case's feedback event records of the partners.
 */
export async function partnersBeforeFeedback(ctx: RequestContext, kase: Case, now: Date): Promise<Record<string, unknown>> {
  const partners = await ctx.em.find(CaseAssignment, { caseId: kase.id, active: true, lead: false }, { orderBy: { id: 'asc' } });
  const open = partners.filter((a) => a.state !== AssignmentState.FED_BACK);
  const pending = open.filter((a) => a.dueAt == null || a.dueAt > now);
  const names = async (list: CaseAssignment[]) => Promise.all(list.map(async (a) => (await departmentName(ctx, a.departmentId)) ?? toGlobalId('Department', a.departmentId)));
  if (pending.length) throw new PartnersPendingError(await names(pending));
  return open.length ? { latePartners: await names(open) } : {};
}

/** The lead's own assignment follows the case's steps (受理, 结果反馈, 返工). */
export async function followLead(ctx: RequestContext, kase: Case, state: AssignmentState, result: string | null, now: Date): Promise<void> {
  const [lead] = await ctx.em.find(CaseAssignment, { caseId: kase.id, active: true, lead: true });
  if (!lead) return;
  lead.state = state;
  const by = { id: ctx.principal?.accountId ?? null, name: ctx.principal?.displayName ?? null };
  if (state === AssignmentState.ACCEPTED && !lead.acceptedAt) Object.assign(lead, { acceptedAt: now, acceptedById: by.id, acceptedByName: by.name });
  if (state === AssignmentState.FED_BACK) Object.assign(lead, { fedBackAt: now, fedBackById: by.id, fedBackByName: by.name, feedback: result });
}
