import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, ScopedEntity } from '../../common/base.entity';
import { AssignmentState } from './case.enums';

/**
 * One department a case is dispatched to (联合执法: several, one of them the lead). Rows of
 * earlier dispatches stay, marked inactive, so the record shows every dispatch and return.
 * Each partner department works its own assignment (受理, 反馈, its own deadline); the lead's
 * follows the case's own steps.
 */
@ObjectType('CaseAssignment', { implements: BaseEntity, description: '派遣: 案件与责任部门 (联合执法时含牵头部门与配合部门, 各自受理、反馈)' })
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

  @Field(() => Int, { description: '版本号: 配合部门受理、反馈时带上, 防止并发覆盖' })
  @Property({ type: 'integer', version: true })
  version!: number;

  @Field(() => AssignmentState, { description: '本部门办理状态' })
  @Enum({ items: () => AssignmentState, nativeEnumName: 'assignment_state', default: AssignmentState.DISPATCHED })
  state: AssignmentState = AssignmentState.DISPATCHED;

  /** The department's own deadline: the handling limit (处置时限) counted from the dispatch. */
  @Field(() => Date, { nullable: true, description: '本部门办理时限 (按处置时限与工作日历计算)' })
  @Property({ type: 'timestamptz', nullable: true })
  dueAt?: Date | null;

  @Field(() => Boolean, { description: '时限暂定 (尚未导入节假日安排的年份)' })
  @Property({ type: 'boolean', default: false })
  dueProvisional: boolean = false;

  @Field(() => Date, { nullable: true, description: '受理时间' })
  @Property({ type: 'timestamptz', nullable: true })
  acceptedAt?: Date | null;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'accepted_by_id', nullable: true })
  acceptedById?: number | null;

  /** The person's name as it was when they acted (the account may be renamed or closed later). */
  @Field(() => String, { nullable: true, description: '受理人' })
  @Property({ type: 'string', length: 60, nullable: true })
  acceptedByName?: string | null;

  @Field(() => Date, { nullable: true, description: '反馈时间' })
  @Property({ type: 'timestamptz', nullable: true })
  fedBackAt?: Date | null;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'fed_back_by_id', nullable: true })
  fedBackById?: number | null;

  @Field(() => String, { nullable: true, description: '反馈人' })
  @Property({ type: 'string', length: 60, nullable: true })
  fedBackByName?: string | null;

  @Field(() => String, { nullable: true, description: '本部门办理结果' })
  @Property({ type: 'text', nullable: true })
  feedback?: string | null;
}
