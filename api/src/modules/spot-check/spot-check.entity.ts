import { Collection, Entity, Enum, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, VersionedScopedEntity } from '../../common/base.entity';
import type { DrawParams, PoolMember, PopulationMember } from './random-draw';
import { ConflictRule, SpotCheckStatus, SpotCheckStratification } from './spot-check.enums';
import { SpotCheckItem } from './spot-check-item.entity';

/** The population filter as stored: enum values and internal grid ids. */
export interface PopulationFilter {
  supervisionLevels: string[];
  industries: string[];
  sourceTypes: string[];
  withinUnitIds: number[];
}

/**
 * A 双随机一公开 campaign. Its scope columns are the creating unit's (the city, or a county
 * for its own campaign); the checks it draws carry their sources' scope (spot-check-item).
 */
@ObjectType('SpotCheckCampaign', {
  implements: BaseEntity,
  description: '双随机一公开 抽查任务. 检查人员库 (inspector pool) 由执法人员 (officers) 组成: 双随机的"随机选派执法检查人员"',
})
@Entity({ tableName: 'spot_check_campaign' })
export class SpotCheckCampaign extends VersionedScopedEntity {
  @Field(() => String, { description: '任务名称' })
  @Property({ type: 'string', length: 200 })
  title!: string;

  /** The unit that runs the campaign (市 or 县区). */
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'unit_id', index: true })
  unitId!: number;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'created_by_id', nullable: true })
  createdById?: number | null;

  @Property({ type: 'json' })
  populationFilter!: PopulationFilter;

  @Field(() => SpotCheckStratification, { description: '分层方式' })
  @Enum({ items: () => SpotCheckStratification, nativeEnumName: 'spot_check_stratification' })
  stratification!: SpotCheckStratification;

  @Field(() => Int, { nullable: true, description: '每层抽取数量' })
  @Property({ type: 'integer', nullable: true })
  sampleSize?: number | null;

  /** A ratio in basis points (1% = 100), so the draw never depends on float rounding. */
  @Property({ type: 'integer', nullable: true })
  sampleBasisPoints?: number | null;

  /** Officer ids of the inspector pool (执法检查人员名录库): officers only, the brief's inspectors. */
  @Property({ type: 'json' })
  inspectorPool!: number[];

  @Field(() => Int, { description: '每个污染源的检查人员数 (双随机: 通常2人)' })
  @Property({ type: 'integer' })
  inspectorsPerSource!: number;

  @Field(() => ConflictRule, { description: '回避规则' })
  @Enum({ items: () => ConflictRule, nativeEnumName: 'conflict_rule' })
  conflictRule!: ConflictRule;

  @Field(() => SpotCheckStatus)
  @Enum({ items: () => SpotCheckStatus, nativeEnumName: 'spot_check_status' })
  status!: SpotCheckStatus;

  @Field(() => Int, { nullable: true, description: '当前有效的抽取序号 (重新抽取后递增)' })
  @Property({ type: 'integer', nullable: true })
  currentDrawNo?: number | null;

  @Field(() => Date, { nullable: true, description: '完成时间' })
  @Property({ type: 'timestamptz', nullable: true })
  completedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: '公开时间' })
  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: '撤销时间' })
  @Property({ type: 'timestamptz', nullable: true })
  cancelledAt?: Date | null;

  @Field(() => String, { nullable: true, description: '撤销原因' })
  @Property({ type: 'text', nullable: true })
  cancelReason?: string | null;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'cancelled_by_id', nullable: true })
  cancelledById?: number | null;

  @Field(() => Int, { description: '版本号: 修改、撤销时带上, 防止并发覆盖' })
  override version!: number;

  /** The checks; also what lets a county read a city campaign touching its sources. */
  @OneToMany({ entity: () => SpotCheckItem, mappedBy: 'campaign' })
  items = new Collection<SpotCheckItem>(this);
}

/**
 * One draw of a campaign, never overwritten: a redraw is draw n+1 with its reason. The seed,
 * the population and pool snapshots and the outcome are all kept, so `replayDraw` can
 * recompute the outcome and compare (random-draw.ts documents the algorithm).
 */
@ObjectType('SpotCheckDraw', { description: '抽取记录 (随机种子 + 抽样总体快照, 可复现)' })
@Entity({ tableName: 'spot_check_draw' })
@Unique({ properties: ['campaignId', 'drawNo'] })
export class SpotCheckDraw {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: () => SpotCheckCampaign, mapToPk: true, fieldName: 'campaign_id' })
  campaignId!: number;

  @Field(() => Int, { description: '抽取序号: 1 为首次抽取, 之后为重新抽取' })
  @Property({ type: 'integer' })
  drawNo!: number;

  @Field(() => Int, { description: '随机种子' })
  @Property({ type: 'integer' })
  seed!: number;

  @Field(() => String, { description: '算法版本 (见 random-draw.ts)' })
  @Property({ type: 'string', length: 60 })
  algorithm!: string;

  /** [sourceId, stratum, countyId] ordered by source id. */
  @Property({ type: 'json' })
  population!: PopulationMember[];

  /** [officerId, countyId] ordered by officer id. */
  @Property({ type: 'json' })
  pool!: PoolMember[];

  @Field(() => String, { name: 'snapshotDigest', description: '总体与人员库快照的 SHA-256 摘要' })
  @Property({ type: 'string', length: 64 })
  snapshotHash!: string;

  /** The campaign's sampling parameters at the time of the draw. */
  @Property({ type: 'json' })
  params!: DrawParams;

  /** [sourceId, stratum, officerIds] in draw order. */
  @Property({ type: 'json' })
  outcome!: [number, string, number[]][];

  @Field(() => String, { nullable: true, description: '重新抽取的原因' })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'drawn_by_id', nullable: true })
  drawnById?: number | null;

  @Field(() => Date, { description: '抽取时间' })
  @Property({ type: 'timestamptz' })
  drawnAt!: Date;

  @Field(() => Int, { description: '抽样总体数量' })
  get populationSize(): number {
    return this.population.length;
  }
}
