import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Requires } from '../../auth/requires';
import type { RequestContext } from '../../context/request-context';
import { CaseCategory } from '../department/case-category.entity';
import { UpdateCaseCategoryInput } from './case-category.inputs';
import { caseCategoryService } from './case-category.service';

/** The city keeps the routing table: which field of duty each category goes to by default. */
@Resolver(() => CaseCategory)
export class CaseCategoryResolver {
  @Mutation(() => CaseCategory, { description: '修改案件类别 (市级): 派遣路由表' })
  @Requires('update', 'CaseCategory')
  updateCaseCategory(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCaseCategoryInput) input: UpdateCaseCategoryInput,
  ): Promise<CaseCategory> {
    return caseCategoryService.update(ctx, id, input);
  }
}
