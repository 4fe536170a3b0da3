import { NotFoundError } from '../../common/errors';
import { fromGlobalId } from '../../common/global-id';
import { assertCan } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { CaseCategory } from '../department/case-category.entity';
import type { UpdateCaseCategoryInput } from './case-category.inputs';

export const caseCategoryService = {
  /** The city's routing table: a category's default field of duty, after-photo rule, active flag. */
  async update(ctx: RequestContext, id: string, input: UpdateCaseCategoryInput): Promise<CaseCategory> {
    const category = await ctx.em.findOne(CaseCategory, { id: fromGlobalId('CaseCategory', id) });
    if (!category) throw new NotFoundError('CaseCategory', id);
    assertCan(ctx, 'update', category);
    Object.assign(category, Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)));
    await ctx.em.flush();
    return category;
  },
};
