import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { GridKind, GridLevel } from '../../common/enums';

/**
 * The city's patrol rule (巡查频次): how many times a month a grid worker patrols each grid
 * assigned to them, by the grid's level and kind. City-wide configuration, like the time limits.
 */
@ObjectType('PatrolRule', { implements: BaseEntity, description: '巡查频次规则 (全市统一): 每个网格每月巡查次数' })
@Entity({ tableName: 'patrol_rule' })
@Unique({ properties: ['gridLevel', 'gridKind'] })
export class PatrolRule extends BaseEntity {
  @Field(() => GridLevel)
  @Enum({ items: () => GridLevel, nativeEnumName: 'grid_level' })
  gridLevel!: GridLevel;

  @Field(() => GridKind)
  @Enum({ items: () => GridKind, nativeEnumName: 'grid_kind' })
  gridKind!: GridKind;

  @Field(() => Int, { description: '每月巡查次数' })
  @Property({ type: 'integer' })
  timesPerMonth!: number;
}
