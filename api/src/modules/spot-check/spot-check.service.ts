import { spendPublicRead } from '../../auth/limits';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { paginate, type Connection, type ConnectionArgs } from '../../common/connection';
import { BadInputError, ConflictError, IllegalTransitionError } from '../../common/errors';
import { fromGlobalId, fromGlobalIds, toGlobalId } from '../../common/global-id';
import { assertCan, assertVersion, findVisible, findVisibleById } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { beijingDay } from '@gridwatch/domain';
import { CaseOrigin } from '../case/case.enums';
import { caseService } from '../case/case.service';
import { Grid } from '../grid/grid.entity';
import { Officer } from '../person/officer.entity';
import { PollutionSource } from '../source/source.entity';
import { SpotCheckItem } from './spot-check-item.entity';
import { SpotCheckPublication } from './spot-check-publication.entity';
import { SpotCheckCampaign, type PopulationFilter } from './spot-check.entity';
import { SpotCheckResult, SpotCheckStatus } from './spot-check.enums';
import type { CreateSpotCheckCampaignInput, RecordSpotCheckResultInput, SpotCheckItemFilter, SpotCheckPopulationInput, UpdateSpotCheckCampaignInput } from './spot-check.inputs';

type SpotCheckSampleInput = Pick<CreateSpotCheckCampaignInput, 'sampleSize' | 'samplePercent'>;

function illegal(campaign: SpotCheckCampaign, message: string, allowedActions: string[]): IllegalTransitionError {
  return new IllegalTransitionError(message, { currentState: campaign.status, allowedActions });
}

/** The population filter as stored: the units resolved within the caller's scope. */
async function populationFilter(ctx: RequestContext, population: SpotCheckPopulationInput): Promise<PopulationFilter> {
  const within = await Promise.all((population.withinUnitIds ?? []).map((unitId) => findVisible(ctx, Grid, unitId)));
  return {
    supervisionLevels: population.supervisionLevels ?? [],
    industries: population.industries ?? [],
    sourceTypes: population.sourceTypes ?? [],
    withinUnitIds: within.map((g) => g.id),
  };
}

/** The inspector pool: active officers the caller sees (执法人员 only), by id. */
async function inspectorPool(ctx: RequestContext, globalIds: string[]): Promise<number[]> {
  const poolIds = [...new Set(fromGlobalIds('Officer', globalIds))];
  const visible = await ctx.em.find(Officer, { id: { $in: poolIds }, active: true });
  const missing = poolIds.filter((id) => !visible.some((o) => o.id === id));
  if (missing.length) {
    throw new BadInputError('Unknown or inactive officers in the inspector pool', [
      { field: 'inspectorPoolIds', message: `not found: ${missing.map((id) => toGlobalId('Officer', id)).join(', ')}` },
    ]);
  }
  return poolIds.sort((a, b) => a - b);
}

/** Sample size or ratio: exactly one (a new campaign must give one; an edit may give neither). */
function sampling(input: SpotCheckSampleInput, required: boolean): Partial<Pick<SpotCheckCampaign, 'sampleSize' | 'sampleBasisPoints'>> {
  const given = Number(input.sampleSize != null) + Number(input.samplePercent != null);
  if (given === 2 || (required && given === 0)) {
    throw new BadInputError('Give exactly one of sampleSize or samplePercent', [{ field: 'sampleSize', message: 'sampleSize or samplePercent is required' }]);
  }
  if (given === 0) return {};
  return { sampleSize: input.sampleSize ?? null, sampleBasisPoints: input.samplePercent == null ? null : Math.round(input.samplePercent * 100) };
}

/** A campaign the caller may change, at the version the caller saw. */
async function loadCurrent(ctx: RequestContext, id: string, version: number): Promise<SpotCheckCampaign> {
  const campaign = await findVisible(ctx, SpotCheckCampaign, id);
  assertCan(ctx, 'update', campaign);
  assertVersion(campaign, version, 'campaign');
  return campaign;
}

export const spotCheckService = {
  byId: (ctx: RequestContext, id: string): Promise<SpotCheckCampaign> => findVisible(ctx, SpotCheckCampaign, id),

  list: (ctx: RequestContext, status: SpotCheckStatus | undefined, args: ConnectionArgs): Promise<Connection<SpotCheckCampaign>> =>
    paginate(ctx.em, SpotCheckCampaign, status ? { status } : {}, [{ id: 'desc' }], args),

  async create(ctx: RequestContext, input: CreateSpotCheckCampaignInput): Promise<SpotCheckCampaign> {
    const unit = await findVisibleById(ctx, Grid, ctx.principal?.unitId ?? 0);
    const campaign = Object.assign(new SpotCheckCampaign(), {
      ...unit.scope,
      unitId: unit.id,
      createdById: ctx.principal?.accountId ?? null,
      title: input.title,
      populationFilter: await populationFilter(ctx, input.population),
      stratification: input.stratification,
      ...sampling(input, true),
      inspectorPool: await inspectorPool(ctx, input.inspectorPoolIds),
      inspectorsPerSource: input.inspectorsPerSource,
      conflictRule: input.conflictRule,
      status: SpotCheckStatus.DRAFT,
    });
    assertCan(ctx, 'create', campaign);
    ctx.em.persist(campaign);
    await ctx.em.flush();
    return campaign;
  },

  /** Edits a draft, before any draw: a drawn campaign is redrawn (with a reason) or cancelled instead. */
  async update(ctx: RequestContext, id: string, version: number, input: UpdateSpotCheckCampaignInput): Promise<SpotCheckCampaign> {
    const campaign = await loadCurrent(ctx, id, version);
    if (campaign.status !== SpotCheckStatus.DRAFT || campaign.currentDrawNo != null) {
      throw illegal(campaign, 'Only a draft campaign, not drawn yet, can be edited', campaign.status === SpotCheckStatus.DRAWN ? ['drawSpotCheck', 'cancelSpotCheckCampaign'] : []);
    }
    const changes: Partial<SpotCheckCampaign> = {
      ...sampling(input, false),
      ...(input.population ? { populationFilter: await populationFilter(ctx, input.population) } : {}),
      ...(input.inspectorPoolIds ? { inspectorPool: await inspectorPool(ctx, input.inspectorPoolIds) } : {}),
    };
    for (const key of ['title', 'stratification', 'inspectorsPerSource', 'conflictRule'] as const) {
      if (input[key] != null) Object.assign(changes, { [key]: input[key] });
    }
    Object.assign(campaign, changes);
    await ctx.em.flush();
    return campaign;
  },

  /** 撤销, with its reason, while not completed; its draws and checks stay readable as they were. */
  async cancel(ctx: RequestContext, id: string, version: number, reason: string): Promise<SpotCheckCampaign> {
    const campaign = await loadCurrent(ctx, id, version);
    if (campaign.status !== SpotCheckStatus.DRAFT && campaign.status !== SpotCheckStatus.DRAWN) {
      throw illegal(campaign, `A ${campaign.status} campaign cannot be cancelled`, []);
    }
    const text = reason.trim();
    if (text.length < 2 || text.length > 500) throw new BadInputError('Give the reason for cancelling (2-500 characters)', [{ field: 'reason', message: 'length 2-500' }]);
    Object.assign(campaign, { status: SpotCheckStatus.CANCELLED, cancelledAt: ctx.clock.now(), cancelReason: text, cancelledById: ctx.principal?.accountId ?? null });
    await ctx.em.flush();
    return campaign;
  },

  /** The checks of a draw (the current one by default) that the caller may see, in draw order. */
  items(ctx: RequestContext, campaign: SpotCheckCampaign, drawNo: number | undefined, args: ConnectionArgs): Promise<Connection<SpotCheckItem>> {
    const where: FilterQuery<SpotCheckItem> = { campaign: campaign.id, drawNo: drawNo ?? campaign.currentDrawNo ?? 0 };
    return paginate(ctx.em, SpotCheckItem, where, [{ position: 'asc' }, { id: 'asc' }], args);
  },

  /** Checks across campaigns in the caller's territory (a county: the checks on its sources). */
  async listItems(ctx: RequestContext, filter: SpotCheckItemFilter = {}, args: ConnectionArgs): Promise<Connection<SpotCheckItem>> {
    const where: FilterQuery<SpotCheckItem>[] = [{ superseded: filter.superseded ?? false }];
    if (filter.campaignId) where.push({ campaign: fromGlobalId('SpotCheckCampaign', filter.campaignId) });
    if (filter.sourceId) where.push({ sourceId: fromGlobalId('PollutionSource', filter.sourceId) });
    if (filter.pending != null) where.push({ result: filter.pending ? null : { $ne: null } });
    return paginate(ctx.em, SpotCheckItem, { $and: where }, [{ id: 'desc' }], args);
  },

  /** A check's result; a problem found becomes an inspection case (执法检查) in the workflow. */
  async recordResult(ctx: RequestContext, input: RecordSpotCheckResultInput): Promise<SpotCheckItem> {
    const item = await findVisible(ctx, SpotCheckItem, input.itemId);
    const campaign = await findVisibleById(ctx, SpotCheckCampaign, item.campaign.id);
    assertCan(ctx, 'update', campaign);
    if (campaign.status !== SpotCheckStatus.DRAWN) throw illegal(campaign, `A ${campaign.status} campaign takes no more results`, []);
    if (item.drawNo !== campaign.currentDrawNo) throw illegal(campaign, 'This check belongs to a superseded draw', []);
    if (item.result) throw new ConflictError('A result is already recorded for this check', { field: 'itemId' });
    if (input.result === SpotCheckResult.PROBLEM_FOUND) {
      const problems = [
        ...(input.notes ? [] : [{ field: 'notes', message: 'describe the problem found' }]),
        ...(input.caseCategoryId ? [] : [{ field: 'caseCategoryId', message: 'required when a problem is found' }]),
      ];
      if (problems.length) throw new BadInputError('A problem found needs a description and a case category', problems);
      const kase = await caseService.report(ctx, {
        gridId: toGlobalId('Grid', item.gridId),
        categoryId: input.caseCategoryId as string,
        origin: CaseOrigin.INSPECTION,
        urgency: input.urgency,
        description: `[双随机抽查 ${campaign.title}] ${input.notes as string}`.slice(0, 2000),
        sourceId: toGlobalId('PollutionSource', item.sourceId),
      });
      item.caseId = kase.id;
    }
    Object.assign(item, {
      result: input.result,
      notes: input.notes ?? null,
      checkedAt: input.checkedAt ?? ctx.clock.now(),
      recordedById: ctx.principal?.accountId ?? null,
    });
    await ctx.em.flush();
    return item;
  },

  async complete(ctx: RequestContext, id: string): Promise<SpotCheckCampaign> {
    const campaign = await findVisible(ctx, SpotCheckCampaign, id);
    assertCan(ctx, 'update', campaign);
    if (campaign.status !== SpotCheckStatus.DRAWN) throw illegal(campaign, `A ${campaign.status} campaign cannot be completed`, []);
    const open = await ctx.em.count(SpotCheckItem, { campaign: campaign.id, drawNo: campaign.currentDrawNo, result: null });
    if (open) throw illegal(campaign, `${open} check(s) have no result yet`, ['recordSpotCheckResult']);
    Object.assign(campaign, { status: SpotCheckStatus.COMPLETED, completedAt: ctx.clock.now() });
    await ctx.em.flush();
    return campaign;
  },

  /** 一公开: copies name, credit code, result and date of each check into the public list. */
  async publish(ctx: RequestContext, id: string): Promise<SpotCheckCampaign> {
    const campaign = await findVisible(ctx, SpotCheckCampaign, id);
    assertCan(ctx, 'update', campaign);
    if (campaign.status !== SpotCheckStatus.COMPLETED) throw illegal(campaign, 'Only a completed campaign can be published', ['completeSpotCheckCampaign']);
    const items = await ctx.em.find(SpotCheckItem, { campaign: campaign.id, drawNo: campaign.currentDrawNo }, { orderBy: { position: 'asc' } });
    const sources = new Map((await ctx.em.find(PollutionSource, { id: { $in: items.map((i) => i.sourceId) } })).map((s) => [s.id, s]));
    const now = ctx.clock.now();
    for (const item of items) {
      const source = sources.get(item.sourceId);
      if (!source || !item.result || !item.checkedAt) throw new Error(`Check ${item.id} cannot be published`);
      ctx.em.persist(
        Object.assign(new SpotCheckPublication(), {
          campaignId: campaign.id,
          campaignTitle: campaign.title,
          sourceName: source.name,
          creditCode: source.creditCode ?? null,
          result: item.result,
          checkedOn: beijingDay(item.checkedAt),
          publishedAt: now,
        }),
      );
    }
    Object.assign(campaign, { status: SpotCheckStatus.PUBLISHED, publishedAt: now });
    await ctx.em.flush();
    return campaign;
  },

  /** 一公开: anyone may read, within the public reads' rate limit. */
  async published(ctx: RequestContext, args: ConnectionArgs): Promise<Connection<SpotCheckPublication>> {
    await spendPublicRead(ctx);
    return paginate(ctx.em, SpotCheckPublication, {}, [{ publishedAt: 'desc' }, { id: 'desc' }], args);
  },
};
