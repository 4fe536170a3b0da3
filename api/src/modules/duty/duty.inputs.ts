import { ArrayMaxSize, IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DepartmentField, GridLevel } from '../../common/enums';

@InputType('SetDutyCellInput', { description: '设置法定职责矩阵的一格 (整格替换)' })
export class SetDutyCellInput {
  @Field(() => ID, { description: '案件类别' })
  categoryId!: string;

  @Field(() => GridLevel, { description: '办理单位层级: 市、县区或乡镇街道' })
  level!: GridLevel;

  @Field(() => DepartmentField, { description: '牵头 (责任) 部门职能' })
  responsible!: DepartmentField;

  @Field(() => [DepartmentField], { nullable: true, description: '配合部门职能' })
  @IsOptional()
  @ArrayMaxSize(20)
  coResponsible?: DepartmentField[];
}
