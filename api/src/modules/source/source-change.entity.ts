import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../../common/enums';
import { SourceChangeAction } from '@gridwatch/domain';

registerEnumType(SourceChangeAction, {
  name: 'SourceChangeAction',
  description: '变更类型: 建档, 修改, 注销, 确认 (网格员新报), 不予确认',
});

/** One entry of a source's change history: who changed what, when. Append-only. */
@ObjectType('PollutionSourceChange', { description: '污染源档案变更记录' })
@Entity({ tableName: 'pollution_source_change' })
@Index({ properties: ['sourceId', 'id'] })
export class PollutionSourceChange {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: 'PollutionSource', mapToPk: true, fieldName: 'source_id' })
  sourceId!: number;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'account_id', nullable: true })
  accountId?: number | null;

  // Who, as they were at the time: readable by anyone who sees the source, even when the
  // account itself lies outside their territory (a city admin's edit seen by a township).
  @Field(() => String, { nullable: true, description: '操作人 (当时的显示名称; 种子数据为空)' })
  @Property({ type: 'string', length: 60, nullable: true })
  actorName?: string | null;

  @Field(() => Role, { nullable: true, description: '操作人角色' })
  @Enum({ items: () => Role, nativeEnumName: 'role', nullable: true })
  actorRole?: Role | null;

  @Field(() => Date, { description: '时间' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();

  @Field(() => SourceChangeAction)
  @Enum({ items: () => SourceChangeAction, nativeEnumName: 'source_change_action' })
  action!: SourceChangeAction;

  @Field(() => GraphQLJSONObject, { description: '变更字段: { 字段: [旧值, 新值] }' })
  @Property({ type: 'json' })
  changes!: Record<string, [unknown, unknown]>;

  @Field(() => String, { nullable: true, description: '原因 (不予确认时必填)' })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;
}

export { SourceChangeAction };
