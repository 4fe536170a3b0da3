import type { FilterQuery } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../context/request-context';
import { Department } from '../department/department.entity';
import { CaseCategory } from './case-category.entity';
import type { Case } from './case.entity';

/**
 * Routing by legal duty (根据法定职责派遣): the active departments of the case's handling unit
 * whose field is the category's responsible field (set by the city on the category) or which
 * list the category among their duties. Only departments of that unit are ever suggested.
 */
export async function suggestDepartments(ctx: RequestContext, kase: Case): Promise<Department[]> {
  if (kase.handlingUnitId == null) return [];
  const category = await ctx.em.findOneOrFail(CaseCategory, { id: kase.categoryId });
  const where: FilterQuery<Department> = {
    unitId: kase.handlingUnitId,
    active: true,
    $or: [{ field: category.defaultField }, { categories: category.id }],
  };
  return ctx.em.find(Department, where, { orderBy: { id: 'asc' } });
}
