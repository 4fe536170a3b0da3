import { Arg, Args, Ctx, Field, FieldResolver, Float, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Public, Requires } from '../../auth/requires';
import { ConnectionArgs, ConnectionType } from '../../common/connection';
import { toGlobalId } from '../../common/global-id';
import { loadVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Case } from '../case/case.entity';
import { Grid } from '../grid/grid.entity';
import { Officer } from '../person/officer.entity';
import { PollutionSource } from '../source/source.entity';
import { SourceType, SupervisionLevel } from '../source/source.enums';
import type { DrawnSource } from './random-draw';
import { spotCheckDrawService, type DrawReplay } from './spot-check-draw.service';
import { SpotCheckItem } from './spot-check-item.entity';
import { SpotCheckPublication } from './spot-check-publication.entity';
import { SpotCheckCampaign, SpotCheckDraw } from './spot-check.entity';
import { SpotCheckStatus } from './spot-check.enums';
import { CreateSpotCheckCampaignInput, DrawSpotCheckInput, RecordSpotCheckResultInput, SpotCheckItemFilter, UpdateSpotCheckCampaignInput } from './spot-check.inputs';
import { spotCheckService } from './spot-check.service';

const CampaignConnection = ConnectionType(SpotCheckCampaign, 'SpotCheckCampaign');
const ItemConnection = ConnectionType(SpotCheckItem, 'SpotCheckItem');
const PublicationConnection = ConnectionType(SpotCheckPublication, 'PublishedSpotCheckResult');

@ObjectType('SpotCheckPopulation', { description: '抽样总体条件' })
class SpotCheckPopulation {
  @Field(() => [SupervisionLevel])
  supervisionLevels!: SupervisionLevel[];

  @Field(() => [String])
  industries!: string[];

  @Field(() => [SourceType])
  sourceTypes!: SourceType[];

  @Field(() => [ID], { description: '所在单位' })
  withinUnitIds!: string[];
}

/** One drawn source with its inspectors, as recorded or as recomputed by a replay. */
@ObjectType('DrawnSpotCheck', { description: '抽中的污染源及检查人员' })
class DrawnSpotCheck {
  @Field(() => ID)
  sourceId!: string;

  @Field(() => String, { description: '所在层' })
  stratum!: string;

  @Field(() => [ID], { description: '检查人员 (执法人员)' })
  inspectorIds!: string[];

  internalSourceId!: number;
}

@ObjectType('SpotCheckDrawReplay', { description: '按记录的种子和快照重新计算抽取结果' })
class SpotCheckDrawReplay {
  @Field(() => SpotCheckDraw)
  draw!: SpotCheckDraw;

  @Field(() => Boolean, { name: 'snapshotMatches', description: '快照仍与记录的摘要一致' })
  hashMatches!: boolean;

  @Field(() => [DrawnSpotCheck], { description: '重新计算的结果' })
  sources!: DrawnSpotCheck[];

  @Field(() => Boolean, { description: '与记录的抽取结果完全一致 (污染源、人员、顺序)' })
  matches!: boolean;
}

function drawn(source: DrawnSource): DrawnSpotCheck {
  return {
    sourceId: toGlobalId('PollutionSource', source.sourceId),
    stratum: source.stratum,
    inspectorIds: source.inspectorIds.map((id) => toGlobalId('Officer', id)),
    internalSourceId: source.sourceId,
  };
}

@Resolver(() => SpotCheckCampaign)
export class SpotCheckResolver {
  @Query(() => SpotCheckCampaign, { nullable: true, description: '双随机抽查任务' })
  @Requires('read', 'SpotCheckCampaign')
  spotCheckCampaign(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return spotCheckService.byId(ctx, id);
  }

  @Query(() => CampaignConnection, { description: '双随机抽查任务列表 (本单位的, 及涉及本辖区污染源的)' })
  @Requires('read', 'SpotCheckCampaign')
  spotCheckCampaigns(
    @Ctx() ctx: RequestContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('status', () => SpotCheckStatus, { nullable: true }) status?: SpotCheckStatus,
  ) {
    return spotCheckService.list(ctx, status, page);
  }

  @Query(() => ItemConnection, { description: '抽查检查记录 (本辖区污染源)' })
  @Requires('read', 'SpotCheckItem')
  spotCheckItems(
    @Ctx() ctx: RequestContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => SpotCheckItemFilter, { nullable: true }) filter?: SpotCheckItemFilter,
  ) {
    return spotCheckService.listItems(ctx, filter, page);
  }

  @Query(() => SpotCheckDrawReplay, { description: '复现抽取: 用记录的种子和快照重新计算, matches 表示结果一致' })
  @Requires('read', 'SpotCheckCampaign')
  async replayDraw(
    @Ctx() ctx: RequestContext,
    @Arg('campaignId', () => ID) campaignId: string,
    @Arg('drawNo', () => Int, { nullable: true, description: '默认当前抽取' }) drawNo?: number,
  ): Promise<SpotCheckDrawReplay> {
    const replay: DrawReplay = await spotCheckDrawService.replay(ctx, campaignId, drawNo);
    return { ...replay, sources: replay.sources.map(drawn) };
  }

  @Query(() => PublicationConnection, { description: '双随机抽查结果公开 (一公开; 无需登录, 不含个人信息)' })
  @Public()
  publishedSpotCheckResults(@Ctx() ctx: RequestContext, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return spotCheckService.published(ctx, page);
  }

  @FieldResolver(() => SpotCheckPopulation, { description: '抽样总体条件' })
  population(@Root() campaign: SpotCheckCampaign): SpotCheckPopulation {
    const { withinUnitIds, supervisionLevels, industries, sourceTypes } = campaign.populationFilter;
    return {
      supervisionLevels: supervisionLevels as SupervisionLevel[],
      industries,
      sourceTypes: sourceTypes as SourceType[],
      withinUnitIds: withinUnitIds.map((id) => toGlobalId('Grid', id)),
    };
  }

  @FieldResolver(() => Float, { nullable: true, description: '每层抽取比例 %' })
  samplePercent(@Root() campaign: SpotCheckCampaign): number | null {
    return campaign.sampleBasisPoints == null ? null : campaign.sampleBasisPoints / 100;
  }

  @FieldResolver(() => Grid, { nullable: true, description: '组织单位' })
  unit(@Ctx() ctx: RequestContext, @Root() campaign: SpotCheckCampaign) {
    return loadVisible(ctx, Grid, campaign.unitId);
  }

  @FieldResolver(() => [ID], { description: '检查人员库' })
  inspectorPoolIds(@Root() campaign: SpotCheckCampaign): string[] {
    return campaign.inspectorPool.map((id) => toGlobalId('Officer', id));
  }

  @FieldResolver(() => [SpotCheckDraw], { description: '全部抽取记录 (含重新抽取), 按序号' })
  draws(@Ctx() ctx: RequestContext, @Root() campaign: SpotCheckCampaign) {
    return spotCheckDrawService.draws(ctx, campaign);
  }

  @FieldResolver(() => ItemConnection, { description: '检查记录 (默认当前抽取; 只含本辖区可见的)' })
  items(
    @Ctx() ctx: RequestContext,
    @Root() campaign: SpotCheckCampaign,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('drawNo', () => Int, { nullable: true }) drawNo?: number,
  ) {
    return spotCheckService.items(ctx, campaign, drawNo, page);
  }

  @Mutation(() => SpotCheckCampaign, { description: '新建双随机抽查任务' })
  @Requires('create', 'SpotCheckCampaign')
  createSpotCheckCampaign(@Ctx() ctx: RequestContext, @Arg('input', () => CreateSpotCheckCampaignInput) input: CreateSpotCheckCampaignInput) {
    return spotCheckService.create(ctx, input);
  }

  @Mutation(() => SpotCheckCampaign, { description: '修改草拟的抽查任务 (尚未抽取; version: 读取时的版本)' })
  @Requires('update', 'SpotCheckCampaign')
  updateSpotCheckCampaign(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdateSpotCheckCampaignInput) input: UpdateSpotCheckCampaignInput,
  ) {
    return spotCheckService.update(ctx, id, version, input);
  }

  @Mutation(() => SpotCheckCampaign, { description: '撤销抽查任务 (未完成前, 须说明原因); 已有的抽取记录和检查结果保留可查' })
  @Requires('update', 'SpotCheckCampaign')
  cancelSpotCheckCampaign(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('reason', () => String) reason: string,
  ) {
    return spotCheckService.cancel(ctx, id, version, reason);
  }

  @Mutation(() => SpotCheckDraw, { description: '随机抽取 (首次或重新抽取; 重新抽取另存为新记录)' })
  @Requires('update', 'SpotCheckCampaign')
  drawSpotCheck(@Ctx() ctx: RequestContext, @Arg('input', () => DrawSpotCheckInput) input: DrawSpotCheckInput) {
    return spotCheckDrawService.draw(ctx, input);
  }

  @Mutation(() => SpotCheckItem, { description: '登记检查结果 (发现问题即生成执法检查案件)' })
  @Requires('update', 'SpotCheckCampaign')
  recordSpotCheckResult(@Ctx() ctx: RequestContext, @Arg('input', () => RecordSpotCheckResultInput) input: RecordSpotCheckResultInput) {
    return spotCheckService.recordResult(ctx, input);
  }

  @Mutation(() => SpotCheckCampaign, { description: '完成抽查任务 (全部登记结果后)' })
  @Requires('update', 'SpotCheckCampaign')
  completeSpotCheckCampaign(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return spotCheckService.complete(ctx, id);
  }

  @Mutation(() => SpotCheckCampaign, { description: '公开抽查结果 (一公开)' })
  @Requires('update', 'SpotCheckCampaign')
  publishSpotCheckCampaign(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return spotCheckService.publish(ctx, id);
  }
}

@Resolver(() => SpotCheckDraw)
export class SpotCheckDrawResolver {
  @FieldResolver(() => [DrawnSpotCheck], { description: '抽取结果: 污染源与检查人员, 按抽中顺序' })
  sources(@Root() draw: SpotCheckDraw): DrawnSpotCheck[] {
    return draw.outcome.map(([sourceId, stratum, inspectorIds]) => drawn({ sourceId, stratum, inspectorIds }));
  }
}

@Resolver(() => DrawnSpotCheck)
export class DrawnSpotCheckResolver {
  @FieldResolver(() => PollutionSource, { nullable: true, description: '污染源 (辖区外的为 null)' })
  source(@Ctx() ctx: RequestContext, @Root() drawnSource: DrawnSpotCheck) {
    return loadVisible(ctx, PollutionSource, drawnSource.internalSourceId);
  }
}

@Resolver(() => SpotCheckItem)
export class SpotCheckItemResolver {
  @FieldResolver(() => SpotCheckCampaign, { nullable: true })
  campaign(@Ctx() ctx: RequestContext, @Root() item: SpotCheckItem) {
    return loadVisible(ctx, SpotCheckCampaign, item.campaign.id);
  }

  @FieldResolver(() => PollutionSource, { nullable: true, description: '检查对象' })
  source(@Ctx() ctx: RequestContext, @Root() item: SpotCheckItem) {
    return loadVisible(ctx, PollutionSource, item.sourceId);
  }

  @FieldResolver(() => [Officer], { description: '检查人员 (可见的)' })
  async inspectors(@Ctx() ctx: RequestContext, @Root() item: SpotCheckItem): Promise<Officer[]> {
    const officers = await Promise.all(item.inspectorIds.map((id) => loadVisible(ctx, Officer, id)));
    return officers.filter((o): o is Officer => o != null);
  }

  @FieldResolver(() => [ID], { description: '检查人员 ID' })
  inspectorIds(@Root() item: SpotCheckItem): string[] {
    return item.inspectorIds.map((id) => toGlobalId('Officer', id));
  }

  @FieldResolver(() => Case, { nullable: true, description: '发现问题时生成的案件' })
  case(@Ctx() ctx: RequestContext, @Root() item: SpotCheckItem) {
    return loadVisible(ctx, Case, item.caseId);
  }
}
