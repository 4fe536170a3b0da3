import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, VersionedScopedEntity } from '../../common/base.entity';
import { PlanKind } from './plan.enums';

/** 执法计划: an annual or monthly enforcement plan of a unit (city, county or township). */
@ObjectType('EnforcementPlan', { implements: BaseEntity, description: '执法计划 (年度/月度), 由本级单位制定, 分解为任务落实到网格和人员' })
@Entity({ tableName: 'enforcement_plan' })
@Index({ properties: ['unitId', 'year', 'month'] })
export class EnforcementPlan extends VersionedScopedEntity {
  /** The unit whose plan it is; the scope columns come from it. */
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'unit_id' })
  unitId!: number;

  @Field(() => PlanKind)
  @Enum({ items: () => PlanKind, nativeEnumName: 'plan_kind' })
  kind!: PlanKind;

  @Field(() => Int, { description: '年份' })
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => Int, { nullable: true, description: '月份 (月度计划)' })
  @Property({ type: 'integer', nullable: true })
  month?: number | null;

  @Field(() => String, { description: '标题' })
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String, { nullable: true, description: '说明' })
  @Property({ type: 'string', length: 2000, nullable: true })
  description?: string | null;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'created_by_id', nullable: true })
  createdById?: number | null;
}
