import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, ScopedEntity } from '../../common/base.entity';

/**
 * One department a case is dispatched to (联合执法: several, one of them the lead). Rows of
 * earlier dispatches stay, marked inactive, so the record shows every dispatch and return.
 */
@ObjectType('CaseAssignment', { implements: BaseEntity, description: '派遣: 案件与责任部门 (联合执法时含牵头部门)' })
@Entity({ tableName: 'case_assignment' })
@Index({ properties: ['caseId', 'id'] })
export class CaseAssignment extends ScopedEntity {
  @ManyToOne({ entity: 'Case', mapToPk: true, fieldName: 'case_id' })
  caseId!: number;

  @ManyToOne({ entity: 'Department', mapToPk: true, fieldName: 'department_id', index: true })
  departmentId!: number;

  @Field(() => Date, { description: '派遣时间' })
  @Property({ type: 'timestamptz' })
  at!: Date;

  @Field(() => Boolean, { description: '牵头部门' })
  @Property({ type: 'boolean', default: false })
  lead: boolean = false;

  /** Whether routing suggested this department; false records the dispatcher's override (准确派遣率). */
  @Field(() => Boolean, { description: '是否为派遣建议中的部门 (否 = 人工改派)' })
  @Property({ type: 'boolean' })
  suggested!: boolean;

  @Field(() => Boolean, { description: '当前有效 (回退或重新派遣后失效)' })
  @Property({ type: 'boolean', default: true })
  active: boolean = true;
}
