import { Field, ObjectType } from 'type-graphql';
import { DepartmentField, GridLevel } from '../../common/enums';
import { CaseCategory } from '../department/case-category.entity';

/** One cell of the matrix: who leads and who joins, for one category at one level. */
@ObjectType('DutyCell', { description: '法定职责矩阵的一格: 案件类别 × 单位层级 → 牵头部门职能与配合部门职能' })
export class DutyCell {
  @Field(() => CaseCategory, { description: '案件类别' })
  category!: CaseCategory;

  @Field(() => GridLevel, { description: '办理单位层级 (市、县区、乡镇街道)' })
  level!: GridLevel;

  @Field(() => DepartmentField, { nullable: true, description: '牵头 (责任) 部门职能; 空值即缺口' })
  responsible!: DepartmentField | null;

  @Field(() => [DepartmentField], { description: '配合 (共同责任) 部门职能' })
  coResponsible!: DepartmentField[];
}
