import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, ScopedEntity } from '../../common/base.entity';

export enum AlertKind {
  URGE = 'URGE',
  SUPERVISE = 'SUPERVISE',
  NOTICE = 'NOTICE',
}
registerEnumType(AlertKind, { name: 'AlertKind', description: '催办 (到期前), 督办 (超时后), 通报 (超时仍未办结)' });

/** Which deadline of the case an alert is about: the current step's (dueAt) or the complainant's answer (answerDueAt). */
export enum AlertDeadline {
  STEP = 'STEP',
  ANSWER = 'ANSWER',
}
registerEnumType(AlertDeadline, { name: 'AlertDeadline', description: '针对的时限: 当前环节时限, 投诉答复时限' });

/**
 * A reminder raised by the deadline sweep for one deadline of a case. The unique key makes
 * the sweep idempotent: running it twice, or on two replicas, raises each alert once.
 */
@ObjectType('CaseAlert', { implements: BaseEntity, description: '催办、督办、通报' })
@Entity({ tableName: 'case_alert' })
@Unique({ properties: ['caseId', 'kind', 'dueAt', 'deadline'] })
@Index({ properties: ['handlingUnitId', 'kind', 'at'] })
export class CaseAlert extends ScopedEntity {
  @ManyToOne({ entity: 'Case', mapToPk: true, fieldName: 'case_id' })
  caseId!: number;

  @Field(() => AlertKind)
  @Enum({ items: () => AlertKind, nativeEnumName: 'alert_kind' })
  kind!: AlertKind;

  @Field(() => Date, { description: '针对的时限' })
  @Property({ type: 'timestamptz' })
  dueAt!: Date;

  @Field(() => AlertDeadline, { description: '针对哪个时限' })
  @Enum({ items: () => AlertDeadline, nativeEnumName: 'alert_deadline', default: AlertDeadline.STEP })
  deadline: AlertDeadline = AlertDeadline.STEP;

  @Field(() => Date, { description: '发出时间' })
  @Property({ type: 'timestamptz' })
  at!: Date;

  /** Whom it addresses: the handling unit and the lead department at the time. */
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'handling_unit_id', nullable: true })
  handlingUnitId?: number | null;

  @ManyToOne({ entity: 'Department', mapToPk: true, fieldName: 'lead_department_id', nullable: true })
  leadDepartmentId?: number | null;
}
