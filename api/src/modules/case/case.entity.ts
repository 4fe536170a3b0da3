import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DepartmentField } from '../../common/enums';
import { BaseEntity, VersionedScopedEntity } from '../../common/base.entity';
import { CaseComplexity } from '../deadline/deadline.enums';
import { CaseAssignment } from './case-assignment.entity';
import { AnswerMethod, AnswerSatisfaction, CaseChannel, CaseOrigin, CaseStatus, CaseUrgency } from './case.enums';

@ObjectType('Case', { implements: BaseEntity, description: '案件: 巡查发现或投诉、交办、移送的环境问题' })
@Entity({ tableName: 'case' })
@Index({ properties: ['gridId', 'id'] })
@Index({ properties: ['sourceId', 'id'] })
@Index({ properties: ['countyId', 'status', 'dueAt', 'id'] })
@Index({ properties: ['handlingUnitId', 'status'] })
// Under row-level security an enum filter (status) is never an index condition (enum equality
// is not leakproof), so lists by deadline need an index that gives the order without it.
@Index({ properties: ['countyId', 'dueAt', 'id'] })
// The newest cases first (REPORTED_DESC, every list's default) for a city or a county.
@Index({ properties: ['cityId', 'reportedAt', 'id'] })
@Index({ properties: ['countyId', 'reportedAt', 'id'] })
// A phone that resubmits after a timeout sends the same key: one case per reporter and key.
@Unique({ properties: ['reportedById', 'idempotencyKey'] })
// A hotline's ticket number (工单号) names one case city-wide, whoever's territory it fell in.
@Unique({ properties: ['channel', 'externalTicket'] })
// 对账: a channel's tickets of some days.
@Index({ properties: ['channel', 'reportedAt', 'id'] })
// The dashboard's live edge beside its rollups (statistics.service.ts): deadlines later today and
// closures today, at any level of scope (a time range selects a handful of rows city-wide).
@Index({ name: 'case_due_at_index', expression: `create index "case_due_at_index" on "case" ("due_at") where "due_at" is not null` })
@Index({ name: 'case_closed_at_index', expression: `create index "case_closed_at_index" on "case" ("closed_at") where "closed_at" is not null` })
// The deadline sweep's unanswered complaints, by answer limit.
@Index({
  name: 'case_unanswered_answer_due_at_index',
  expression: `create index "case_unanswered_answer_due_at_index" on "case" ("answer_due_at") where "origin" = 'COMPLAINT' and "answered_at" is null`,
})
export class Case extends VersionedScopedEntity {
  // No single-column index: the composite indexes above lead with these columns
  // (Migration20261211000000_scope_prefix_indexes).
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'city_id' })
  override cityId!: number;

  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'county_id', nullable: true })
  override countyId?: number | null;

  @Field(() => String, { description: '案件编号, 如 340102-20261128-000123' })
  @Property({ type: 'string', length: 40, unique: true })
  number!: string;

  @Field(() => CaseOrigin)
  @Enum({ items: () => CaseOrigin, nativeEnumName: 'case_origin' })
  origin!: CaseOrigin;

  @ManyToOne({ entity: 'CaseCategory', mapToPk: true, fieldName: 'category_id' })
  categoryId!: number;

  /** The responsible field at report time (from the category); routing and department scope use it. */
  @Field(() => DepartmentField, { description: '责任部门职能' })
  @Enum({ items: () => DepartmentField, nativeEnumName: 'department_field' })
  field!: DepartmentField;

  @Field(() => CaseUrgency)
  @Enum({ items: () => CaseUrgency, nativeEnumName: 'case_urgency' })
  urgency!: CaseUrgency;

  @Field(() => String, { description: '问题描述' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => String, { nullable: true, description: '地址' })
  @Property({ type: 'string', length: 200, nullable: true })
  address?: string | null;

  @Property({ type: 'double', nullable: true })
  lng?: number | null;

  @Field(() => String, { nullable: true, description: '附件链接 (第三方渠道的照片或视频地址, 如 Open311 media_url)' })
  @Property({ type: 'string', length: 500, nullable: true })
  mediaUrl?: string | null;

  @Property({ type: 'double', nullable: true })
  lat?: number | null;

  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'grid_id' })
  gridId!: number;

  @ManyToOne({ entity: 'PollutionSource', mapToPk: true, fieldName: 'source_id', nullable: true })
  sourceId?: number | null;

  @Field(() => CaseStatus)
  @Enum({ items: () => CaseStatus, nativeEnumName: 'case_status' })
  status!: CaseStatus;

  /** Complainant (投诉人): sensitive, resolved only for roles that need it. */
  @Property({ type: 'string', length: 60, nullable: true })
  complainantName?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  complainantPhone?: string | null;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'reported_by_id', nullable: true })
  reportedById?: number | null;

  @Field(() => Date, { description: '上报时间' })
  @Property({ type: 'timestamptz' })
  reportedAt!: Date;

  @Field(() => Date, { nullable: true, description: '当前环节时限' })
  @Property({ type: 'timestamptz', nullable: true })
  dueAt?: Date | null;

  @Field(() => Boolean, { description: '时限暂定: 计算经过尚未导入节假日安排的年份 (按周一至周五计), 导入后重算' })
  @Property({ type: 'boolean', default: false })
  dueProvisional: boolean = false;

  /** Where the working-day deadline was counted from, and how many working days (to recompute it). */
  @Property({ type: 'timestamptz', nullable: true })
  dueBasisAt?: Date | null;

  @Property({ type: 'integer', nullable: true })
  dueBasisDays?: number | null;

  @Field(() => Date, { nullable: true, description: '结案时间' })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;

  @Field(() => Int, { description: '版本号: 每次流转都要带上, 防止并发覆盖' })
  override version!: number;

  /**
   * The unit whose staff currently deal with the case (its dispatcher): the county of a
   * platform unit, otherwise the case's township, moving up one level per escalation.
   */
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'handling_unit_id', nullable: true })
  handlingUnitId?: number | null;

  /** The handling unit's parent: it approves a second extension (denormalised for the rules). */
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'handling_parent_id', nullable: true })
  handlingParentId?: number | null;

  /** Whether the handling unit runs a digital platform (数字城管): its operators dispatch. */
  @Field(() => Boolean, { description: '是否经数字化城管平台办理' })
  @Property({ type: 'boolean', default: false })
  viaPlatform: boolean = false;

  /** The lead department (牵头部门) of the current dispatch. */
  @ManyToOne({ entity: 'Department', mapToPk: true, fieldName: 'lead_department_id', nullable: true, index: true })
  leadDepartmentId?: number | null;

  @Field(() => Int, { description: '已批准的延期次数' })
  @Property({ type: 'integer', default: 0 })
  extensionCount: number = 0;

  /** Days asked for by a pending extension request. */
  @Field(() => Int, { nullable: true, description: '待批延期天数 (工作日)' })
  @Property({ type: 'integer', nullable: true })
  requestedExtensionDays?: number | null;

  @Field(() => Date, { nullable: true, description: '挂账复查日期' })
  @Property({ type: 'timestamptz', nullable: true })
  reviewAt?: Date | null;

  @Field(() => Int, { nullable: true, description: '综合评价得分 (0-100)' })
  @Property({ type: 'integer', nullable: true })
  score?: number | null;

  /** The master case of a duplicate (注销: 重复). */
  @ManyToOne({ entity: 'Case', mapToPk: true, fieldName: 'duplicate_of_id', nullable: true })
  duplicateOfId?: number | null;

  @Field(() => CaseComplexity, { description: '案情 (派遣时确定, 决定处置时限)' })
  @Enum({ items: () => CaseComplexity, nativeEnumName: 'case_complexity', default: CaseComplexity.NORMAL })
  complexity: CaseComplexity = CaseComplexity.NORMAL;

  @Field(() => Date, { nullable: true, description: '投诉答复时限' })
  @Property({ type: 'timestamptz', nullable: true })
  answerDueAt?: Date | null;

  @Field(() => CaseChannel, { nullable: true, description: '受理渠道 (群众投诉举报; 其他来源为空)' })
  @Enum({ items: () => CaseChannel, nativeEnumName: 'case_channel', nullable: true })
  channel?: CaseChannel | null;

  @Field(() => String, { nullable: true, description: '工单号: 渠道 (12345, 12369 等) 的工单编号, 同一渠道内唯一' })
  @Property({ type: 'string', length: 40, nullable: true })
  externalTicket?: string | null;

  @Field(() => Date, { nullable: true, description: '答复时间' })
  @Property({ type: 'timestamptz', nullable: true })
  answeredAt?: Date | null;

  /**
   * The bureau's reply (答复内容): its account of the result, like the feedback every reader of
   * the case sees, so it is not restricted; the complainant's identity stays in the fields above.
   */
  @Field(() => String, { nullable: true, description: '答复内容 (不含投诉人身份信息)' })
  @Property({ type: 'text', nullable: true })
  answerText?: string | null;

  @Field(() => AnswerMethod, { nullable: true, description: '答复方式' })
  @Enum({ items: () => AnswerMethod, nativeEnumName: 'answer_method', nullable: true })
  answerMethod?: AnswerMethod | null;

  @Field(() => AnswerSatisfaction, { nullable: true, description: '投诉人满意度' })
  @Enum({ items: () => AnswerSatisfaction, nativeEnumName: 'answer_satisfaction', nullable: true })
  answerSatisfaction?: AnswerSatisfaction | null;

  @Property({ type: 'string', length: 80, nullable: true })
  idempotencyKey?: string | null;

  /** SHA-256 of the report's payload: the same key with another payload is refused. */
  @Property({ type: 'string', length: 64, nullable: true })
  payloadHash?: string | null;

  /**
   * The departments dispatched to (never loaded as a collection: GraphQL's `assignments` reads
   * them batched). It is what lets a partner department read its joint case: a rule over it
   * is written as `exists` in SQL (case.policy.ts).
   */
  @OneToMany({ entity: () => CaseAssignment, mappedBy: 'caseId' })
  assignmentRows = new Collection<CaseAssignment>(this);
}
