import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, ScopedEntity } from '../../common/base.entity';
import { GridLevel } from '../../common/enums';
import { CaseStatus } from '../case/case.enums';

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
  /** A partner department's own deadline on a joint case (its assignment's due_at). */
  PARTNER = 'PARTNER',
}
registerEnumType(AlertDeadline, { name: 'AlertDeadline', description: '针对的时限: 当前环节时限, 投诉答复时限, 协办部门的协办时限' });

export enum AlertSubject {
  CASE = 'CASE',
  TASK = 'TASK',
  RECOMMENDATION = 'RECOMMENDATION',
}
registerEnumType(AlertSubject, { name: 'AlertSubject', description: '提醒对象: 案件, 任务, 督查整改意见' });

/**
 * A reminder raised by the deadline sweep for one deadline of a case, a task or an audit
 * recommendation. The unique keys make the sweep idempotent: running it twice, or on two
 * replicas, raises each alert once. Acknowledging (签收) is once per alert, for its unit;
 * reading is per person (alert_read, supervision.sql.ts).
 */
@ObjectType('CaseAlert', { implements: BaseEntity, description: '催办、督办、通报 (案件、任务或督查整改意见)' })
@Entity({ tableName: 'case_alert' })
// Partial unique indexes (Migration20261207080000_partner_alerts): a case's own alerts once per
// kind, due instant and deadline; a partner's once per assignment, kind and due instant.
@Unique({ name: 'case_alert_case_id_kind_due_at_deadline_unique', expression: 'create unique index "case_alert_case_id_kind_due_at_deadline_unique" on "case_alert" ("case_id", "kind", "due_at", "deadline") where "assignment_id" is null' })
@Unique({ name: 'case_alert_assignment_id_kind_due_at_unique', expression: 'create unique index "case_alert_assignment_id_kind_due_at_unique" on "case_alert" ("assignment_id", "kind", "due_at") where "assignment_id" is not null' })
@Unique({ properties: ['taskId', 'kind', 'dueAt'] })
@Unique({ properties: ['recommendationId', 'kind', 'dueAt'] })
@Index({ properties: ['handlingUnitId', 'kind', 'at'] })
export class CaseAlert extends ScopedEntity {
  // No single-column indexes: the inbox's (scope column, at, id) indexes lead with them
  // (legacy Migration20261207020000_alert_inbox; Migration20261211000000_scope_prefix_indexes).
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'city_id' })
  override cityId!: number;

  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'county_id', nullable: true })
  override countyId?: number | null;

  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'township_id', nullable: true })
  override townshipId?: number | null;

  @Field(() => AlertSubject, { description: '提醒对象类型' })
  @Enum({ items: () => AlertSubject, nativeEnumName: 'alert_subject', default: AlertSubject.CASE })
  subjectKind: AlertSubject = AlertSubject.CASE;

  /** The subject's grid (a case's or task's grid, the audited unit): where officers and grid workers read it. */
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'grid_id' })
  gridId!: number;

  @ManyToOne({ entity: 'Case', mapToPk: true, fieldName: 'case_id', nullable: true })
  caseId?: number | null;

  /** A partner's assignment whose own deadline this alert is about (deadline PARTNER). */
  @ManyToOne({ entity: 'CaseAssignment', mapToPk: true, fieldName: 'assignment_id', nullable: true })
  assignmentId?: number | null;

  @ManyToOne({ entity: 'WorkTask', mapToPk: true, fieldName: 'task_id', nullable: true })
  taskId?: number | null;

  @ManyToOne({ entity: 'AuditRecommendation', mapToPk: true, fieldName: 'recommendation_id', nullable: true })
  recommendationId?: number | null;

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

  /**
   * Whom it addresses: the handling unit (the task's grid, the audited unit; a partner's own unit)
   * and the lead department at the time (for a partner's deadline, that partner department).
   */
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'handling_unit_id', nullable: true })
  handlingUnitId?: number | null;

  /** The addressed unit's level, kept as it was when raised (a township's alert stays a township's). */
  @Field(() => GridLevel, { nullable: true, description: '提醒的单位层级' })
  @Enum({ items: () => GridLevel, nativeEnumName: 'grid_level', nullable: true })
  unitLevel?: GridLevel | null;

  @ManyToOne({ entity: 'Department', mapToPk: true, fieldName: 'lead_department_id', nullable: true })
  leadDepartmentId?: number | null;

  /** A task's person: its officer or grid worker. */
  @ManyToOne({ entity: 'Officer', mapToPk: true, fieldName: 'officer_id', nullable: true })
  officerId?: number | null;

  @ManyToOne({ entity: 'GridWorker', mapToPk: true, fieldName: 'grid_worker_id', nullable: true })
  gridWorkerId?: number | null;

  @Field(() => CaseStatus, { nullable: true, description: '案件提醒针对的环节' })
  @Enum({ items: () => CaseStatus, nativeEnumName: 'case_status', nullable: true })
  caseStatus?: CaseStatus | null;

  @Field(() => Date, { nullable: true, description: '签收时间' })
  @Property({ type: 'timestamptz', nullable: true })
  acknowledgedAt?: Date | null;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'acknowledged_by_id', nullable: true })
  acknowledgedById?: number | null;

  @Field(() => String, { nullable: true, description: '签收说明' })
  @Property({ type: 'string', length: 500, nullable: true })
  acknowledgementNote?: string | null;
}
