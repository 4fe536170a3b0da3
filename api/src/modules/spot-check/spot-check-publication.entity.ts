import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { SpotCheckResult } from './spot-check.enums';

/**
 * 一公开: the public copy of a published campaign's results, written once at publication.
 * It holds no personal data (no inspectors, no notes) and is readable by anyone, so the
 * public list never reads the tenant tables behind it.
 */
@ObjectType('PublishedSpotCheckResult', { description: '双随机抽查结果公开 (不含个人信息)' })
@Entity({ tableName: 'spot_check_publication' })
@Index({ properties: ['publishedAt', 'id'] })
export class SpotCheckPublication {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne({ entity: 'SpotCheckCampaign', mapToPk: true, fieldName: 'campaign_id' })
  campaignId!: number;

  @Field(() => String, { description: '抽查任务' })
  @Property({ type: 'string', length: 200 })
  campaignTitle!: string;

  @Field(() => String, { description: '检查对象名称' })
  @Property({ type: 'string', length: 200 })
  sourceName!: string;

  @Field(() => String, { nullable: true, description: '统一社会信用代码' })
  @Property({ type: 'string', length: 18, nullable: true })
  creditCode?: string | null;

  @Field(() => SpotCheckResult, { description: '检查结果' })
  @Property({ type: 'string', length: 20 })
  result!: SpotCheckResult;

  @Field(() => String, { description: '检查日期 (YYYY-MM-DD, 北京时间)' })
  @Property({ type: 'string', length: 10 })
  checkedOn!: string;

  @Field(() => Date, { description: '公开时间' })
  @Property({ type: 'timestamptz' })
  publishedAt!: Date;
}
