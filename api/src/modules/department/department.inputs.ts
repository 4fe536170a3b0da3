import { NameText } from '../../common/name-text';
import { ArrayMaxSize, IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DepartmentField } from '../../common/enums';

@InputType('CreateDepartmentInput')
export class CreateDepartmentInput {
  @Field(() => ID, { description: '所属单位 (市、县区或乡镇街道网格)' })
  unitId!: string;

  @Field(() => String)
  @NameText()
  @Length(1, 100)
  name!: string;

  @Field(() => DepartmentField)
  field!: DepartmentField;

  @Field(() => [ID], { nullable: true, description: '法定职责范围内的案件类别; 默认为该职能的全部类别' })
  @IsOptional()
  @ArrayMaxSize(100)
  categoryIds?: string[];
}

@InputType('UpdateDepartmentInput')
export class UpdateDepartmentInput {
  @Field(() => String, { nullable: true })
  @NameText()
  @IsOptional()
  @Length(1, 100)
  name?: string;

  @Field(() => DepartmentField, { nullable: true })
  field?: DepartmentField;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  categoryIds?: string[];
}

@InputType('DepartmentFilter')
export class DepartmentFilter {
  @Field(() => ID, { nullable: true, description: '所属单位' })
  unitId?: string;

  @Field(() => DepartmentField, { nullable: true })
  field?: DepartmentField;

  @Field(() => ID, { nullable: true, description: '负责该类别的部门' })
  categoryId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  search?: string;

  @Field(() => Boolean, { nullable: true })
  active?: boolean;
}
