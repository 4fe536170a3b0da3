import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum SourceChangeAction {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  DEACTIVATED = 'DEACTIVATED',
}
registerEnumType(SourceChangeAction, { name: 'SourceChangeAction', description: '变更类型: 建档, 修改, 注销' });

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

  @Field(() => Date, { description: '时间' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();

  @Field(() => SourceChangeAction)
  @Enum({ items: () => SourceChangeAction, nativeEnumName: 'source_change_action' })
  action!: SourceChangeAction;

  @Field(() => GraphQLJSONObject, { description: '变更字段: { 字段: [旧值, 新值] }' })
  @Property({ type: 'json' })
  changes!: Record<string, [unknown, unknown]>;
}
