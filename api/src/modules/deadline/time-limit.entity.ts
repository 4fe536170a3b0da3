import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
// From the domain package: case/ (which registers them with GraphQL) sits above deadline/.
import { CaseOrigin, CaseUrgency } from '@gridwatch/domain';
import { GridLevel } from '../../common/enums';
import { CaseComplexity, DeadlineStep, LimitUnit } from './deadline.enums';

/**
 * A city-configured time limit; empty keys match anything and the most specific row wins.
 * Without a matching row the shipped defaults apply (time-limits.ts).
 */
@ObjectType('TimeLimit', { implements: BaseEntity, description: '时限配置 (市级): 按环节、来源、类别、紧急程度、案情、层级' })
@Entity({ tableName: 'time_limit' })
// One row per key; empty keys compare equal (PostgreSQL 15+), so there is one default row per step.
@Unique({ name: 'time_limit_key_unique', expression: 'create unique index "time_limit_key_unique" on "time_limit" ("step", "origin", "category_id", "urgency", "complexity", "level") nulls not distinct' })
export class TimeLimit extends BaseEntity {
  @Field(() => DeadlineStep)
  @Enum({ items: () => DeadlineStep, nativeEnumName: 'deadline_step' })
  step!: DeadlineStep;

  @Field(() => CaseOrigin, { nullable: true })
  @Enum({ items: () => CaseOrigin, nativeEnumName: 'case_origin', nullable: true })
  origin?: CaseOrigin | null;

  @ManyToOne({ entity: 'CaseCategory', mapToPk: true, fieldName: 'category_id', nullable: true })
  categoryId?: number | null;

  @Field(() => CaseUrgency, { nullable: true })
  @Enum({ items: () => CaseUrgency, nativeEnumName: 'case_urgency', nullable: true })
  urgency?: CaseUrgency | null;

  @Field(() => CaseComplexity, { nullable: true })
  @Enum({ items: () => CaseComplexity, nativeEnumName: 'case_complexity', nullable: true })
  complexity?: CaseComplexity | null;

  @Field(() => GridLevel, { nullable: true, description: '适用层级 (等待办理的单位所在层级); 空: 各级' })
  @Enum({ items: () => GridLevel, nativeEnumName: 'grid_level', nullable: true })
  level?: GridLevel | null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  amount!: number;

  @Field(() => LimitUnit)
  @Enum({ items: () => LimitUnit, nativeEnumName: 'limit_unit' })
  unit!: LimitUnit;
}
