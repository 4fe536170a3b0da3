import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, ScopedEntity, VersionedScopedEntity } from '../../common/base.entity';
import { GridLevel } from '../../common/enums';
import { AuditElementKind, AuditFinding, AuditStatus, RecommendationStatus } from './audit.enums';

/** Ids of the audited unit's elements in the period, per kind, in ascending order. */
export type AuditPopulation = Record<AuditElementKind, number[]>;

/**
 * A 督查/稽查 of a lower unit: the city audits a county, a county a township. The row carries
 * the audited unit's scope columns, so the auditor above and the audited unit both see it.
 * The sample is drawn like a spot check: seed + population snapshot, replayable.
 */
@ObjectType('Audit', { implements: BaseEntity, description: '督查/稽查 (上级对下级网格工作的抽查评分)' })
@Entity({ tableName: 'audit' })
export class Audit extends VersionedScopedEntity {
  @Field(() => String, { description: '名称' })
  @Property({ type: 'string', length: 200 })
  title!: string;

  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'auditor_unit_id', index: true })
  auditorUnitId!: number;

  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'audited_unit_id', index: true })
  auditedUnitId!: number;

  @Field(() => GridLevel, { description: '被督查单位层级' })
  @Enum({ items: () => GridLevel, nativeEnumName: 'grid_level' })
  auditedLevel!: GridLevel;

  @Field(() => Date, { description: '抽查期间起 (含)' })
  @Property({ type: 'timestamptz' })
  periodFrom!: Date;

  @Field(() => Date, { description: '抽查期间止 (不含)' })
  @Property({ type: 'timestamptz' })
  periodTo!: Date;

  @Property({ type: 'json' })
  sampleSizes!: Record<AuditElementKind, number>;

  @Field(() => Int, { description: '随机种子' })
  @Property({ type: 'integer' })
  seed!: number;

  @Field(() => String, { description: '算法版本' })
  @Property({ type: 'string', length: 60 })
  algorithm!: string;

  @Property({ type: 'json' })
  population!: AuditPopulation;

  @Field(() => String, { name: 'snapshotDigest', description: '抽样总体快照的 SHA-256 摘要' })
  @Property({ type: 'string', length: 64 })
  snapshotHash!: string;

  /** [kind, element id] in draw order. */
  @Property({ type: 'json' })
  outcome!: [AuditElementKind, number][];

  @Field(() => AuditStatus)
  @Enum({ items: () => AuditStatus, nativeEnumName: 'audit_status' })
  status!: AuditStatus;

  @Field(() => AuditFinding, { nullable: true, description: '总体结论' })
  @Enum({ items: () => AuditFinding, nativeEnumName: 'audit_finding', nullable: true })
  finding?: AuditFinding | null;

  @Field(() => String, { nullable: true, description: '督查意见' })
  @Property({ type: 'text', nullable: true })
  summary?: string | null;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'created_by_id', nullable: true })
  createdById?: number | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  findingsIssuedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;
}

/** One sampled element (a case file, later a patrol record) and its score. */
@ObjectType('AuditSample', { implements: BaseEntity, description: '督查抽查要素及评分' })
@Entity({ tableName: 'audit_sample' })
@Index({ properties: ['auditId', 'position'] })
export class AuditSample extends ScopedEntity {
  @ManyToOne({ entity: () => Audit, mapToPk: true, fieldName: 'audit_id' })
  auditId!: number;

  @Field(() => AuditElementKind)
  @Enum({ items: () => AuditElementKind, nativeEnumName: 'audit_element_kind' })
  kind!: AuditElementKind;

  @Property({ type: 'integer' })
  elementId!: number;

  @Field(() => Int, { description: '抽中顺序' })
  @Property({ type: 'integer' })
  position!: number;

  @Field(() => Int, { nullable: true, description: '评分 (0-100)' })
  @Property({ type: 'integer', nullable: true })
  score?: number | null;

  @Field(() => AuditFinding, { nullable: true })
  @Enum({ items: () => AuditFinding, nativeEnumName: 'audit_finding', nullable: true })
  finding?: AuditFinding | null;

  @Field(() => String, { nullable: true, description: '评分说明' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'scored_by_id', nullable: true })
  scoredById?: number | null;
}

/** A recommendation (整改意见) with a due date, followed to closure (销号). */
@ObjectType('AuditRecommendation', { implements: BaseEntity, description: '督查整改意见' })
@Entity({ tableName: 'audit_recommendation' })
@Index({ properties: ['status', 'dueOn'] })
export class AuditRecommendation extends VersionedScopedEntity {
  @ManyToOne({ entity: () => Audit, mapToPk: true, fieldName: 'audit_id', index: true })
  auditId!: number;

  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'auditor_unit_id' })
  auditorUnitId!: number;

  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'audited_unit_id' })
  auditedUnitId!: number;

  @Field(() => String, { description: '整改意见' })
  @Property({ type: 'text' })
  text!: string;

  @Field(() => String, { description: '整改期限 (YYYY-MM-DD)' })
  @Property({ type: 'date' })
  dueOn!: string;

  @Field(() => RecommendationStatus)
  @Enum({ items: () => RecommendationStatus, nativeEnumName: 'recommendation_status' })
  status!: RecommendationStatus;

  @Field(() => String, { nullable: true, description: '被督查单位的整改反馈' })
  @Property({ type: 'text', nullable: true })
  response?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  respondedAt?: Date | null;

  @Field(() => String, { nullable: true, description: '销号说明' })
  @Property({ type: 'text', nullable: true })
  closingNote?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;
}
