import { BigIntType, Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../common/global-id';
import { webhookEventId } from './cloud-event';
import { BaseEntity, ScopedEntity, VersionedScopedEntity } from '../../common/base.entity';

/**
 * A receiver registered by a unit's administrator: it gets the unit's case events and alerts
 * (the city's gets every county's, a county's only its own), signed with its secret.
 */
@ObjectType('WebhookEndpoint', { implements: BaseEntity, description: 'Webhook 推送地址 (本单位辖区内的案件事件和督办提醒)' })
@Entity({ tableName: 'webhook_endpoint' })
export class WebhookEndpoint extends VersionedScopedEntity {
  /** The registering unit: its subtree is what the endpoint hears about. */
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'unit_id' })
  unitId!: number;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'created_by_id', nullable: true })
  createdById?: number | null;

  @Field(() => String, { description: '名称' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => String, { description: '接收地址 (http/https)' })
  @Property({ type: 'text' })
  url!: string;

  /** whsec_ + base64: only ever shown once, when created. */
  @Property({ type: 'text', hidden: true, lazy: true })
  secret!: string;

  @Field(() => [String], { description: '订阅的事件类型 (空: 全部)' })
  @Property({ type: 'text[]' })
  eventTypes: string[] = [];

  @Field(() => Boolean, { description: '是否启用' })
  @Property({ type: 'boolean' })
  enabled: boolean = true;

  @Field(() => Date, { nullable: true, description: '连续失败起始时间' })
  @Property({ type: 'timestamptz', nullable: true })
  failingSince?: Date | null;

  @Field(() => Date, { nullable: true, description: '停用时间' })
  @Property({ type: 'timestamptz', nullable: true })
  disabledAt?: Date | null;

  @Field(() => String, { nullable: true, description: '停用原因' })
  @Property({ type: 'text', nullable: true })
  disabledReason?: string | null;

  @Field(() => Int, { description: '版本号: 修改时带上' })
  override version!: number;

  @Field(() => Date, { description: '创建时间' })
  override createdAt: Date = new Date();
}

/** One message to one endpoint: the delivery log's row (its latest attempt; the count of all). */
@ObjectType('WebhookDelivery', { implements: BaseEntity, description: 'Webhook 投递记录' })
@Entity({ tableName: 'webhook_delivery' })
export class WebhookDelivery extends ScopedEntity {
  @PrimaryKey({ type: new BigIntType('number') })
  override id!: number;

  @Field(() => ID, { name: 'id' })
  override get globalId(): string {
    return toGlobalId('WebhookDelivery', this.id);
  }

  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'unit_id' })
  unitId!: number;

  @ManyToOne({ entity: () => WebhookEndpoint, mapToPk: true, fieldName: 'endpoint_id' })
  endpointId!: number;

  @Property({ type: new BigIntType('number') })
  messageId!: number;

  @Field(() => String, { description: '事件 id (webhook-id 和 CloudEvents id, 重放时不变)' })
  get eventId(): string {
    return webhookEventId(this.messageId);
  }

  @Field(() => String, { description: '事件类型 (CloudEvents type)' })
  @Property({ type: 'string', length: 100 })
  type!: string;

  @Field(() => Date, { description: '事件时间' })
  @Property({ type: 'timestamptz' })
  eventAt!: Date;

  @Property({ type: 'integer', nullable: true })
  caseId?: number | null;

  @Field(() => Boolean, { description: '是否已送达' })
  @Property({ type: 'boolean' })
  delivered: boolean = false;

  @Field(() => Int, { description: '尝试次数' })
  @Property({ type: 'integer' })
  attempts: number = 0;

  @Field(() => Date, { nullable: true, description: '下次重试时间' })
  @Property({ type: 'timestamptz', nullable: true })
  nextAttemptAt?: Date | null;

  @Field(() => Date, { nullable: true, description: '最近一次尝试时间' })
  @Property({ type: 'timestamptz', nullable: true })
  lastAttemptAt?: Date | null;

  @Field(() => Int, { nullable: true, description: '最近一次 HTTP 状态码' })
  @Property({ type: 'integer', nullable: true })
  lastStatusCode?: number | null;

  @Field(() => String, { nullable: true, description: '最近一次错误' })
  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Field(() => Int, { nullable: true, description: '最近一次耗时 (毫秒)' })
  @Property({ type: 'integer', nullable: true })
  lastDurationMs?: number | null;

  @Field(() => Date, { nullable: true, description: '送达时间' })
  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt?: Date | null;
}
