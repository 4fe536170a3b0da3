import { Field, ObjectType } from 'type-graphql';
import { Department } from '../department/department.entity';

@ObjectType('DispatchSuggestion', { description: '派遣建议 (依法定职责矩阵): 牵头部门与配合部门' })
export class DispatchSuggestionType {
  @Field(() => Department, { nullable: true, description: '牵头部门 (矩阵中的责任部门)' })
  lead!: Department | null;

  @Field(() => [Department], { description: '配合部门 (矩阵中的共同责任部门)' })
  partners!: Department[];
}
