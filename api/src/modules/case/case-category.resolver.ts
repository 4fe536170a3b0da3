import { IsOptional, Length } from 'class-validator';
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { Requires } from '../../auth/requires';
import { DepartmentField } from '../../common/enums';
import type { RequestContext } from '../../context/request-context';
import { CaseCategory } from './case-category.entity';
import { caseCategoryService } from './case-category.service';

@InputType('UpdateCaseCategoryInput', { description: '修改案件类别: 名称, 默认责任部门职能 (派遣建议), 核实是否须照片, 是否在用' })
export class UpdateCaseCategoryInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 60)
  name?: string;

  @Field(() => DepartmentField, { nullable: true, description: '派遣建议所依据的法定职责' })
  defaultField?: DepartmentField;

  @Field(() => Boolean, { nullable: true })
  requiresAfterPhoto?: boolean;

  @Field(() => Boolean, { nullable: true })
  active?: boolean;
}

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
