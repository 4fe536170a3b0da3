import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { AssessmentSubjectType, IndicatorUnit } from './assessment.enums';

/**
 * One version of an indicator (city-wide). Editing an indicator adds a version and supersedes
 * the previous one, which stays: a published assessment names the versions it was computed with.
 */
@ObjectType('AssessmentIndicator', { implements: BaseEntity, description: '考核指标 (一个版本): 公式基于基础计量, 市级统一制定' })
@Entity({ tableName: 'assessment_indicator' })
@Unique({ properties: ['code', 'version'] })
@Index({ properties: ['code', 'supersededAt'] })
export class AssessmentIndicator extends BaseEntity {
  @Field(() => String, { description: '指标代码, 如 CLOSE_RATE' })
  @Property({ type: 'string', length: 40 })
  code!: string;

  @Field(() => Int, { description: '版本号' })
  @Property({ type: 'integer' })
  version!: number;

  @Field(() => String, { description: '名称, 如 结案率' })
  @Property({ type: 'string', length: 60 })
  name!: string;

  @Field(() => String, { description: '说明 (口径)' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => String, { description: '公式: 基础计量与其他指标代码的算式, 如 rate(closed, due)' })
  @Property({ type: 'text' })
  formula!: string;

  @Field(() => IndicatorUnit, { description: '计量单位' })
  @Enum({ items: () => IndicatorUnit, nativeEnumName: 'indicator_unit' })
  unit!: IndicatorUnit;

  @Field(() => [AssessmentSubjectType], { description: '适用的考核对象' })
  @Enum({ items: () => AssessmentSubjectType, nativeEnumName: 'assessment_subject_type', array: true })
  subjectTypes!: AssessmentSubjectType[];

  /** The minimum sample to be ranked by this indicator: a measure and its least count (e.g. due, 5). */
  @Field(() => String, { nullable: true, description: '最小样本的基础计量, 如 due (为空: 不设最小样本)' })
  @Property({ type: 'string', length: 40, nullable: true })
  sampleMeasure?: string | null;

  @Field(() => Int, { nullable: true, description: '最小样本量: 该计量少于此数的考核对象照常列出但不参与按本指标的排名' })
  @Property({ type: 'integer', nullable: true })
  minSample?: number | null;

  /** Column order in assessment tables. */
  @Field(() => Int, { description: '排序' })
  @Property({ type: 'integer', default: 0 })
  position: number = 0;

  @Field(() => Date, { description: '发布时间' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'created_by_id', nullable: true })
  createdById?: number | null;

  @Field(() => Date, { nullable: true, description: '被新版本取代的时间 (空 = 现行版本)' })
  @Property({ type: 'timestamptz', nullable: true })
  supersededAt?: Date | null;
}
