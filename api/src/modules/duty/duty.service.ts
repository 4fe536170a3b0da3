import { DepartmentField, GridLevel } from '../../common/enums';
import { BadInputError, NotFoundError } from '../../common/errors';
import { fromGlobalId } from '../../common/global-id';
import { assertCan } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { CaseCategory } from '../department/case-category.entity';
import type { Department } from '../department/department.entity';
import { DutyAssignment, DutyRole } from './duty.entity';
import type { SetDutyCellInput } from './duty.inputs';
import type { DutyCell } from './duty.types';

/** The levels whose units handle cases (a village escalates; it never dispatches). */
export const DUTY_LEVELS: readonly GridLevel[] = [GridLevel.CITY, GridLevel.COUNTY, GridLevel.TOWNSHIP];

/** The level of a department's unit, from its scope columns (no unit load needed). */
export function levelOf(department: Pick<Department, 'countyId' | 'townshipId'>): GridLevel {
  if (department.townshipId != null) return GridLevel.TOWNSHIP;
  return department.countyId != null ? GridLevel.COUNTY : GridLevel.CITY;
}

/** Only a township office sits at township level, and only there (reference/departments.ts of the seed). */
function fieldProblem(level: GridLevel, field: DepartmentField): string | null {
  if (!DUTY_LEVELS.includes(level)) return 'village units dispatch no cases';
  const office = field === DepartmentField.TOWNSHIP_OFFICE;
  if (level === GridLevel.TOWNSHIP && !office) return 'at township level the township office answers';
  if (level !== GridLevel.TOWNSHIP && office) return 'township offices exist at township level only';
  return null;
}

function cellOf(category: CaseCategory, level: GridLevel, rows: readonly DutyAssignment[]): DutyCell {
  const here = rows.filter((r) => r.categoryId === category.id && r.level === level);
  return {
    category,
    level,
    responsible: here.find((r) => r.role === DutyRole.RESPONSIBLE)?.field ?? null,
    coResponsible: here.filter((r) => r.role === DutyRole.CO_RESPONSIBLE).map((r) => r.field).sort(),
  };
}

async function categoryById(ctx: RequestContext, id: string): Promise<CaseCategory> {
  const category = await ctx.em.findOne(CaseCategory, { id: fromGlobalId('CaseCategory', id) });
  if (!category) throw new NotFoundError('CaseCategory', id);
  return category;
}

/** Every cell of the active categories, category by category, levels top-down. */
async function allCells(ctx: RequestContext): Promise<DutyCell[]> {
  const categories = await ctx.em.find(CaseCategory, { active: true }, { orderBy: { id: 'asc' } });
  const rows = await ctx.em.find(DutyAssignment, { categoryId: { $in: categories.map((c) => c.id) } });
  return categories.flatMap((c) => DUTY_LEVELS.map((level) => cellOf(c, level, rows)));
}

export const dutyService = {
  matrix: allCells,

  /** The holes: cells of active categories with no lead (the invariant: there are none). */
  async gaps(ctx: RequestContext): Promise<DutyCell[]> {
    return (await allCells(ctx)).filter((cell) => cell.responsible == null);
  },

  /** The cells at the department's level that name its field, one matrix read per request. */
  departmentDuties(ctx: RequestContext, department: Department): Promise<DutyCell[]> {
    const loader = ctx.loaders.get<string, DutyCell[]>('Department.duties', async (keys) => {
      const cells = await allCells(ctx);
      return keys.map((key) => {
        const [level, field] = key.split(':') as [GridLevel, DepartmentField];
        return cells.filter((c) => c.level === level && (c.responsible === field || c.coResponsible.includes(field)));
      });
    });
    return loader.load(`${levelOf(department)}:${department.field}`);
  },

  /** Replaces one cell: its lead and partners (the city's routing decision for that category and level). */
  async setCell(ctx: RequestContext, input: SetDutyCellInput): Promise<DutyCell> {
    const category = await categoryById(ctx, input.categoryId);
    const partners = [...new Set(input.coResponsible ?? [])];
    if (partners.includes(input.responsible)) {
      throw new BadInputError('The lead is not also a partner', [{ field: 'coResponsible', message: `repeats the lead ${input.responsible}` }]);
    }
    const problems = [
      ...[input.responsible].map((f) => ({ field: 'responsible', f })),
      ...partners.map((f) => ({ field: 'coResponsible', f })),
    ].flatMap(({ field, f }) => {
      const message = fieldProblem(input.level, f);
      return message ? [{ field, message: `${f}: ${message}` }] : [];
    });
    if (problems.length) throw new BadInputError('A department of that field cannot answer at this level', problems);

    const lines = [
      { field: input.responsible, role: DutyRole.RESPONSIBLE },
      ...partners.map((field) => ({ field, role: DutyRole.CO_RESPONSIBLE })),
    ].map((line) => Object.assign(new DutyAssignment(), { categoryId: category.id, level: input.level, ...line }));
    for (const line of lines) assertCan(ctx, 'update', line);
    // Old lines go first: the one-lead and one-field-per-cell indexes hold at every statement.
    await ctx.em.nativeDelete(DutyAssignment, { categoryId: category.id, level: input.level });
    await ctx.em.persistAndFlush(lines);
    return cellOf(category, input.level, lines);
  },

  /** Empties one cell; the gaps check then lists it until the city names a lead again. */
  async clearCell(ctx: RequestContext, categoryId: string, level: GridLevel): Promise<DutyCell> {
    const category = await categoryById(ctx, categoryId);
    const rows = await ctx.em.find(DutyAssignment, { categoryId: category.id, level });
    for (const row of rows) assertCan(ctx, 'update', row);
    ctx.em.remove(rows);
    await ctx.em.flush();
    return cellOf(category, level, []);
  },
};
