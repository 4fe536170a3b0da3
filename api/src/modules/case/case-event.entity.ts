import { BigIntType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Role } from '../../common/enums';
import { toGlobalId } from '../../common/global-id';
import { BaseEntity, ScopedEntity } from '../../common/base.entity';
import { CaseAction, CaseStatus } from './case.enums';

/** One step in a case's timeline. Rows are only ever appended. */
@ObjectType('CaseEvent', { implements: BaseEntity, description: '案件流转记录' })
@Entity({ tableName: 'case_event' })
@Index({ properties: ['caseId', 'id'] })
// The change feed reads in (txId, id) order.
@Index({ properties: ['txId', 'id'] })
// The KPI engine finds a county's cases acting, or given a deadline, in a period.
@Index({ properties: ['countyId', 'at'] })
@Index({ properties: ['countyId', 'dueAt'] })
@Unique({ properties: ['chainKey', 'chainSeq'] })
export class CaseEvent extends ScopedEntity {
  // No single-column index: (county_id, at) leads with it (Migration20261211000000_scope_prefix_indexes).
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'county_id', nullable: true })
  override countyId?: number | null;

  @PrimaryKey({ type: new BigIntType('number') })
  override id!: number;

  @Field(() => ID, { name: 'id' })
  override get globalId(): string {
    return toGlobalId('CaseEvent', this.id);
  }

  @ManyToOne({ entity: 'Case', mapToPk: true, fieldName: 'case_id' })
  caseId!: number;

  /** The case's grid when the event happened: grid workers and officers see events of their grids. */
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'grid_id' })
  gridId!: number;

  @Field(() => CaseAction)
  @Enum({ items: () => CaseAction, nativeEnumName: 'case_action' })
  action!: CaseAction;

  @Field(() => CaseStatus, { nullable: true, description: '原状态' })
  @Enum({ items: () => CaseStatus, nativeEnumName: 'case_status', nullable: true })
  fromStatus?: CaseStatus | null;

  @Field(() => CaseStatus, { description: '新状态' })
  @Enum({ items: () => CaseStatus, nativeEnumName: 'case_status' })
  toStatus!: CaseStatus;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'actor_id', nullable: true })
  actorId?: number | null;

  @Field(() => Role, { nullable: true, description: '操作人角色' })
  @Enum({ items: () => Role, nativeEnumName: 'role', nullable: true })
  actorRole?: Role | null;

  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'actor_unit_id', nullable: true })
  actorUnitId?: number | null;

  @Field(() => Date, { description: '时间' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();

  @Field(() => String, { nullable: true, description: '说明' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Field(() => String, { nullable: true, description: '原因 (注销, 回退, 返工, 延期, 挂账, 重新办理)' })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  /** What the step decided: departments and lead, routing override, extension days, units of an escalation, ... */
  @Field(() => GraphQLJSONObject, { nullable: true, description: '环节详情 (派遣部门, 是否改派, 延期天数, 上报单位等)' })
  @Property({ type: 'json', nullable: true })
  details?: Record<string, unknown> | null;

  /** The deadline running after this step (the case's dueAt then): what 按期 measures compare against. */
  @Field(() => Date, { nullable: true, description: '本环节后的时限' })
  @Property({ type: 'timestamptz', nullable: true })
  dueAt?: Date | null;

  // The hash chain and the feed position are written by the database (trigger
  // case_event_chain, see the migration), never by the application.

  // Readable by whoever may read the event, so a third party can verify the chain (verify:chain --url).

  /** The county the chain runs in (0 for city-level events). */
  @Property({ type: 'integer', nullable: true })
  chainKey?: number | null;

  @Field(() => Int, { nullable: true, description: '在本县区哈希链中的序号 (从 1 起)' })
  @Property({ type: new BigIntType('number'), nullable: true })
  chainSeq?: number | null;

  @Field(() => String, { name: 'previousHash', nullable: true, description: '链上前一事件的哈希 (SHA-256, 十六进制)' })
  @Property({ type: 'string', length: 64, nullable: true })
  prevHash?: string | null;

  @Field(() => String, { nullable: true, description: '本事件哈希 (SHA-256, 十六进制)' })
  @Property({ type: 'string', length: 64, nullable: true })
  hash?: string | null;

  /** The digest's format: null (1) for events chained before due_at was covered, 2 since. */
  @Property({ type: 'smallint', nullable: true })
  digestVersion?: number | null;

  /** The inserting transaction's id (xid8): the change feed's order. */
  @Property({ type: new BigIntType('number'), nullable: true })
  txId?: number | null;
}
