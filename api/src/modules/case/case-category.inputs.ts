import { IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DepartmentField } from '../../common/enums';

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
