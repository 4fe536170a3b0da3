import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, ScopedEntity } from '../../common/base.entity';
import { AssessmentSubjectType } from './assessment.enums';
import type { AssessmentRowData } from './assessment.types';
import type { AssessmentSnapshot } from './assessment-snapshot';

/**
 * A published assessment (公布的考核结果): the figures as computed at publication and the
 * indicator versions used, and the snapshot they are computed from, which recomputes them identically.
 * The scope columns are the assessed unit's.
 */
@ObjectType('PublishedAssessment', { implements: BaseEntity, description: '已公布的考核结果' })
@Entity({ tableName: 'assessment' })
@Unique({ properties: ['unitId', 'period', 'subjectType'] })
export class Assessment extends ScopedEntity {
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'unit_id' })
  unitId!: number;

  @Field(() => String, { description: '考核期, 如 2026-10, 2026-Q3, 2026' })
  @Property({ type: 'string', length: 10 })
  period!: string;

  @Field(() => AssessmentSubjectType)
  @Enum({ items: () => AssessmentSubjectType, nativeEnumName: 'assessment_subject_type' })
  subjectType!: AssessmentSubjectType;

  @Property({ type: 'string', length: 40 })
  rankBy!: string;

  /** The indicator versions (assessment_indicator ids) the figures were computed with. */
  @Property({ type: 'json' })
  indicatorIds!: number[];

  @Property({ type: 'json' })
  rows!: AssessmentRowData[];

  /** What the figures are computed from, frozen at publication (null: published before snapshots). */
  @Property({ type: 'json', nullable: true })
  snapshot?: AssessmentSnapshot | null;

  @Field(() => Date, { description: '公布时间' })
  @Property({ type: 'timestamptz' })
  publishedAt!: Date;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'published_by_id', nullable: true })
  publishedById?: number | null;
}
