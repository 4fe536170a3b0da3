import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { SupervisionLevel } from '../source/source.enums';
import { IntervalUnit } from './inspection.enums';

/**
 * How often a source of each supervision level is inspected (city-wide). Shipped defaults
 * (migration): KEY every month, GENERAL every 3 months, SPECIAL every 2 months. SPECIAL
 * (特殊监管: sources under rectification orders, complaint hot spots) sits between the two.
 */
@ObjectType('InspectionFrequency', { implements: BaseEntity, description: '检查频次 (市级配置): 按监管等级, 每 N 天或 N 个月至少检查一次' })
@Entity({ tableName: 'inspection_frequency' })
@Unique({ properties: ['supervisionLevel'] })
export class InspectionFrequency extends BaseEntity {
  @Field(() => SupervisionLevel)
  @Enum({ items: () => SupervisionLevel, nativeEnumName: 'supervision_level' })
  supervisionLevel!: SupervisionLevel;

  @Field(() => Int, { description: '间隔数' })
  @Property({ type: 'integer' })
  every!: number;

  @Field(() => IntervalUnit, { description: '间隔单位' })
  @Enum({ items: () => IntervalUnit, nativeEnumName: 'interval_unit' })
  unit!: IntervalUnit;
}
