import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Role } from '../../common/enums';

/**
 * An earlier state of a grid: the code, name and parent it had from `validFrom` to `validTo`.
 * Written when a grid is renamed, recoded or moved; append-only. An old code stays findable
 * through it (gridByCode, the grids search).
 */
@ObjectType('GridHistoryEntry', { description: '网格历史: 调整 (更名、改码、调整上级) 前的编码、名称和上级及其有效期' })
@Entity({ tableName: 'grid_history' })
@Index({ properties: ['gridId', 'id'] })
export class GridHistory {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'grid_id' })
  gridId!: number;

  @Field(() => String, { description: '原编码' })
  @Property({ type: 'string', length: 24 })
  code!: string;

  @Field(() => String, { description: '原名称' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => String, { nullable: true, description: '原上级网格编码' })
  @Property({ type: 'string', length: 24, nullable: true })
  parentCode?: string | null;

  @Field(() => Date, { nullable: true, description: '生效时间 (空: 自建档起)' })
  @Property({ type: 'timestamptz', nullable: true })
  validFrom?: Date | null;

  @Field(() => Date, { description: '失效时间' })
  @Property({ type: 'timestamptz' })
  validTo!: Date;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'account_id', nullable: true })
  accountId?: number | null;

  @Field(() => String, { nullable: true, description: '操作人 (当时的显示名称; 命令行导入为空)' })
  @Property({ type: 'string', length: 60, nullable: true })
  actorName?: string | null;

  @Field(() => Role, { nullable: true, description: '操作人角色' })
  @Enum({ items: () => Role, nativeEnumName: 'role', nullable: true })
  actorRole?: Role | null;
}
