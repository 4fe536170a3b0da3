import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, ScopedEntity } from '../../common/base.entity';
import { SpotCheckResult } from './spot-check.enums';
import type { SpotCheckCampaign } from './spot-check.entity';

/**
 * One sampled source of one draw and its check. It carries the source's scope columns, not
 * the campaign's: a county sees the checks on its own sources, also in a city campaign.
 */
@ObjectType('SpotCheckItem', { implements: BaseEntity, description: '抽查对象及检查结果' })
@Entity({ tableName: 'spot_check_item' })
@Index({ properties: ['campaign', 'drawNo', 'position'] })
export class SpotCheckItem extends ScopedEntity {
  @ManyToOne({ entity: 'SpotCheckCampaign', fieldName: 'campaign_id' })
  campaign!: SpotCheckCampaign;

  @Field(() => Int, { description: '抽取序号' })
  @Property({ type: 'integer' })
  drawNo!: number;

  @Field(() => Int, { description: '抽中顺序' })
  @Property({ type: 'integer' })
  position!: number;

  @ManyToOne({ entity: 'PollutionSource', mapToPk: true, fieldName: 'source_id', index: true })
  sourceId!: number;

  /** The source's grid: the village-level key of the scope. */
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'grid_id' })
  gridId!: number;

  @Field(() => String, { description: '所在层 (如 KEY|340122)' })
  @Property({ type: 'string', length: 60 })
  stratum!: string;

  @Property({ type: 'json' })
  inspectorIds!: number[];

  @Field(() => SpotCheckResult, { nullable: true, description: '检查结果' })
  @Enum({ items: () => SpotCheckResult, nativeEnumName: 'spot_check_result', nullable: true })
  result?: SpotCheckResult | null;

  @Field(() => String, { nullable: true, description: '检查情况' })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @ManyToOne({ entity: 'Case', mapToPk: true, fieldName: 'case_id', nullable: true })
  caseId?: number | null;

  @Field(() => Date, { nullable: true, description: '检查日期' })
  @Property({ type: 'timestamptz', nullable: true })
  checkedAt?: Date | null;

  @Field(() => Boolean, { description: '已被重新抽取取代' })
  @Property({ type: 'boolean', default: false })
  superseded: boolean = false;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'recorded_by_id', nullable: true })
  recordedById?: number | null;
}
