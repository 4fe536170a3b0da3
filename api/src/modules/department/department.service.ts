import type { FilterQuery } from '@mikro-orm/postgresql';
import { paginate, type Connection, type ConnectionArgs } from '../../common/connection';
import { GridLevel } from '../../common/enums';
import { BadInputError } from '../../common/errors';
import { fromGlobalId, fromGlobalIds } from '../../common/global-id';
import { assertCan, assertPermittedFields, findVisible, likeEscape } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { CaseCategory } from './case-category.entity';
import { Grid } from '../grid/grid.entity';
import { Department } from './department.entity';
import type { CreateDepartmentInput, DepartmentFilter, UpdateDepartmentInput } from './department.inputs';
import { categoryLinks, staffedDepartments } from './department.sql';

async function categoriesFor(ctx: RequestContext, department: Department, ids?: string[]): Promise<CaseCategory[]> {
  const where = ids ? { id: { $in: fromGlobalIds('CaseCategory', ids) } } : { defaultField: department.field };
  const categories = await ctx.em.find(CaseCategory, where);
  if (ids && categories.length !== new Set(ids).size) {
    throw new BadInputError('Unknown case category', [{ field: 'categoryIds', message: 'unknown category' }]);
  }
  return categories;
}

export const departmentService = {
  byId: (ctx: RequestContext, id: string): Promise<Department> => findVisible(ctx, Department, id),

  list(ctx: RequestContext, filter: DepartmentFilter = {}, args: ConnectionArgs): Promise<Connection<Department>> {
    const where: FilterQuery<Department>[] = [];
    if (filter.unitId) where.push({ unitId: fromGlobalId('Grid', filter.unitId) });
    if (filter.field) where.push({ field: filter.field });
    if (filter.active != null) where.push({ active: filter.active });
    if (filter.categoryId) where.push({ categories: { id: fromGlobalId('CaseCategory', filter.categoryId) } });
    if (filter.search) where.push({ name: { $ilike: `%${likeEscape(filter.search)}%` } });
    return paginate(ctx.em, Department, { $and: where }, [{ unitId: 'asc' }, { id: 'asc' }], args);
  },

  /** Categories per department, one statement for all departments on the page. */
  /** Whether anyone can act for the department (one question per request, batched). */
  staffed(ctx: RequestContext, department: Department): Promise<boolean> {
    const loader = ctx.loaders.get<number, boolean>('Department.staffed', async (ids) => {
      const staffed = await staffedDepartments(ctx, ids);
      return ids.map((id) => staffed.has(id));
    });
    return loader.load(department.id);
  },

  categories(ctx: RequestContext, department: Department): Promise<CaseCategory[]> {
    const loader = ctx.loaders.get<number, CaseCategory[]>('Department.categories', async (ids) => {
      const rows = await categoryLinks(ctx, ids);
      const categories = await ctx.em.find(CaseCategory, { id: { $in: rows.map((r) => r.case_category_id) } });
      const byId = new Map(categories.map((c) => [c.id, c]));
      return ids.map((id) =>
        rows.filter((r) => r.department_id === id).map((r) => byId.get(r.case_category_id)).filter((c): c is CaseCategory => !!c),
      );
    });
    return loader.load(department.id);
  },

  async create(ctx: RequestContext, input: CreateDepartmentInput): Promise<Department> {
    const unit = await findVisible(ctx, Grid, input.unitId);
    if (unit.level === GridLevel.VILLAGE) {
      throw new BadInputError('Departments belong to a city, county or township unit', [{ field: 'unitId', message: 'village level' }]);
    }
    const department = Object.assign(new Department(), { ...unit.scope, unitId: unit.id, name: input.name, field: input.field });
    assertCan(ctx, 'create', department);
    department.categories.set(await categoriesFor(ctx, department, input.categoryIds));
    await ctx.em.persistAndFlush(department);
    return department;
  },

  async update(ctx: RequestContext, id: string, input: UpdateDepartmentInput): Promise<Department> {
    const department = await findVisible(ctx, Department, id);
    assertCan(ctx, 'update', department);
    assertPermittedFields(ctx, 'update', department, input);
    if (input.name != null) department.name = input.name;
    if (input.field != null) department.field = input.field;
    if (input.categoryIds) {
      await department.categories.init();
      department.categories.set(await categoriesFor(ctx, department, input.categoryIds));
    }
    await ctx.em.flush();
    return department;
  },

  async deactivate(ctx: RequestContext, id: string): Promise<Department> {
    const department = await findVisible(ctx, Department, id);
    assertCan(ctx, 'deactivate', department);
    department.active = false;
    await ctx.em.flush();
    return department;
  },
};
