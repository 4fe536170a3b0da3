import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, ScopedEntity } from '../../common/base.entity';

/**
 * A notice to the owner of something the system changed on its own (today: a webhook endpoint
 * disabled after failing for days). Read by the unit's administrators in their subtree.
 */
@ObjectType('OwnerAlert', { implements: BaseEntity, description: '系统通知: 系统自动改变了您负责的对象 (如推送地址连续失败已停用)' })
@Entity({ tableName: 'owner_alert' })
export class OwnerAlert extends ScopedEntity {
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'unit_id' })
  unitId!: number;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'account_id', nullable: true })
  accountId?: number | null;

  @Field(() => String, { description: '类型 (WEBHOOK_DISABLED: 推送地址已停用)' })
  @Property({ type: 'string', length: 40 })
  kind!: string;

  @Field(() => String, { description: '对象 (如推送地址名称)' })
  @Property({ type: 'string', length: 100 })
  subject!: string;

  @Field(() => String, { description: '说明' })
  @Property({ type: 'text' })
  message!: string;

  @Field(() => Date, { description: '发出时间' })
  @Property({ type: 'timestamptz' })
  at!: Date;
}
