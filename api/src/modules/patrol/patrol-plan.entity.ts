import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { BaseEntity, ScopedEntity } from '../../common/base.entity';

/**
 * 月度巡查计划: one row per (grid worker, grid, month) with the number of patrols required.
 * Generated from the city's rule, raised by sensitive periods (factor); the KPI engine reads
 * this table with patrol_check_in for 巡查频次完成率.
 */
@ObjectType('PatrolPlan', { implements: BaseEntity, description: '月度巡查计划: 网格员每月对所负责网格的巡查次数' })
@Entity({ tableName: 'patrol_plan' })
@Unique({ properties: ['gridWorkerId', 'gridId', 'month'] })
@Index({ properties: ['month', 'gridId'] })
export class PatrolPlan extends ScopedEntity {
  @ManyToOne({ entity: 'GridWorker', mapToPk: true, fieldName: 'grid_worker_id' })
  gridWorkerId!: number;

  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'grid_id' })
  gridId!: number;

  /** The first day of the month (Beijing calendar). */
  @Property({ type: 'date' })
  month!: string;

  @Field(() => Int, { description: '计划巡查次数 (规则次数 × 敏感时期系数, 向上取整)' })
  @Property({ type: 'integer' })
  requiredCount!: number;

  @Field(() => Int, { description: '规则规定的基础次数' })
  @Property({ type: 'integer' })
  baseCount!: number;

  @Field(() => Float, { description: '敏感时期系数 (无敏感时期为 1)' })
  @Property({ type: 'double', default: 1 })
  factor: number = 1;

  @Field(() => Date, { description: '生成 (或最近一次重新生成) 时间' })
  @Property({ type: 'timestamptz' })
  generatedAt!: Date;
}
