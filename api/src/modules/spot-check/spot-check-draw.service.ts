import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { BadInputError, IllegalTransitionError, NotFoundError } from '../../common/errors';
import { toGlobalId } from '../../common/global-id';
import { assertCan, findVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Grid } from '../grid/grid.entity';
import { subtreeOf } from '../grid/grid.service';
import { Officer } from '../person/officer.entity';
import { PollutionSource } from '../source/source.entity';
import { SourceStatus, type SourceType, type SupervisionLevel } from '../source/source.enums';
import { DRAW_ALGORITHM, drawSources, newSeed, snapshotHash, type DrawParams, type DrawnSource, type PoolMember, type PopulationMember } from './random-draw';
import { SpotCheckItem } from './spot-check-item.entity';
import { SpotCheckCampaign, SpotCheckDraw } from './spot-check.entity';
import { SpotCheckStatus, SpotCheckStratification } from './spot-check.enums';
import type { DrawSpotCheckInput } from './spot-check.inputs';

export interface DrawReplay {
  draw: SpotCheckDraw;
  /** The snapshot still hashes to the recorded hash. */
  hashMatches: boolean;
  sources: DrawnSource[];
  /** Same hash and the same sources and inspectors, in the same order. */
  matches: boolean;
}

/** Recomputes a recorded draw from its seed and snapshots alone (also used by the CLI). */
export function replayRecordedDraw(draw: SpotCheckDraw): DrawReplay {
  const hashMatches = snapshotHash({ population: draw.population, pool: draw.pool }) === draw.snapshotHash;
  const outcome = drawSources({ ...draw.params, seed: draw.seed, population: draw.population, pool: draw.pool });
  const sources = outcome.ok ? outcome.sources : [];
  const recorded = draw.outcome.map(([sourceId, stratum, inspectorIds]) => ({ sourceId, stratum, inspectorIds }));
  const matches = hashMatches && draw.algorithm === DRAW_ALGORITHM && outcome.ok && JSON.stringify(sources) === JSON.stringify(recorded);
  return { draw, hashMatches, sources, matches };
}

/** The stratum of a source: its supervision level and/or its county's code, or one stratum. */
function stratumOf(stratification: SpotCheckStratification, level: string, countyCode: string): string {
  switch (stratification) {
    case SpotCheckStratification.NONE:
      return 'ALL';
    case SpotCheckStratification.LEVEL:
      return level;
    case SpotCheckStratification.UNIT:
      return countyCode;
    case SpotCheckStratification.LEVEL_AND_UNIT:
      return `${level}|${countyCode}`;
  }
}

/** Active sources matching the campaign's filter, within the caller's territory, by id. */
async function population(ctx: RequestContext, campaign: SpotCheckCampaign): Promise<PopulationMember[]> {
  const filter = campaign.populationFilter;
  const where: FilterQuery<PollutionSource>[] = [{ status: SourceStatus.ACTIVE }];
  if (filter.supervisionLevels.length) where.push({ supervisionLevel: { $in: filter.supervisionLevels as SupervisionLevel[] } });
  if (filter.industries.length) where.push({ industry: { $in: filter.industries } });
  if (filter.sourceTypes.length) where.push({ type: { $in: filter.sourceTypes as SourceType[] } });
  if (filter.withinUnitIds.length) {
    const units = await ctx.em.find(Grid, { id: { $in: filter.withinUnitIds } });
    where.push({ $or: units.map((unit) => subtreeOf<PollutionSource>(unit, 'gridId')) });
  }
  const sources = await ctx.em.find(PollutionSource, { $and: where }, { fields: ['id', 'supervisionLevel', 'countyId'], orderBy: { id: 'asc' } });
  const countyIds = [...new Set(sources.map((s) => s.countyId).filter((id): id is number => id != null))];
  const codes = new Map((await ctx.em.find(Grid, { id: { $in: countyIds } }, { fields: ['id', 'code'] })).map((g) => [g.id, g.code.slice(0, 6)]));
  return sources.map((s) => [s.id, stratumOf(campaign.stratification, s.supervisionLevel, s.countyId == null ? 'CITY' : (codes.get(s.countyId) ?? 'CITY')), s.countyId ?? null]);
}

/** The pool's active officers the caller can see, by id, with the county that employs them. */
async function pool(ctx: RequestContext, campaign: SpotCheckCampaign): Promise<PoolMember[]> {
  const officers = await ctx.em.find(Officer, { id: { $in: campaign.inspectorPool }, active: true }, { orderBy: { id: 'asc' } });
  return officers.map((o) => [o.id, o.countyId ?? null]);
}

export const spotCheckDrawService = {
  /**
   * Draws (or redraws) a campaign: a fresh population snapshot, the given or a new seed, the
   * outcome and its checks. A redraw is a new numbered draw with its reason; earlier draws
   * and their checks stay as they were. Refused once a result is recorded.
   */
  async draw(ctx: RequestContext, input: DrawSpotCheckInput): Promise<SpotCheckDraw> {
    const campaign = await findVisible(ctx, SpotCheckCampaign, input.campaignId);
    assertCan(ctx, 'update', campaign);
    if (campaign.status !== SpotCheckStatus.DRAFT && campaign.status !== SpotCheckStatus.DRAWN) {
      throw new IllegalTransitionError(`A ${campaign.status} campaign cannot be drawn again`, { currentState: campaign.status, allowedActions: [] });
    }
    const redraw = campaign.currentDrawNo != null;
    if (redraw && !input.reason) throw new BadInputError('A redraw needs a reason', [{ field: 'reason', message: 'required for a redraw' }]);
    if (redraw && (await ctx.em.count(SpotCheckItem, { campaign: campaign.id, drawNo: campaign.currentDrawNo, result: { $ne: null } }))) {
      throw new IllegalTransitionError('Results are recorded on the current draw; it can no longer be redrawn', { currentState: campaign.status, allowedActions: ['recordSpotCheckResult'] });
    }
    const members = await population(ctx, campaign);
    if (!members.length) throw new BadInputError('No active source matches the population filter', [{ field: 'population', message: 'empty population' }]);
    const inspectors = await pool(ctx, campaign);
    const params: DrawParams = {
      sampleSize: campaign.sampleSize ?? null,
      sampleBasisPoints: campaign.sampleBasisPoints ?? null,
      inspectorsPerSource: campaign.inspectorsPerSource,
      conflictRule: campaign.conflictRule,
    };
    const seed = input.seed ?? newSeed();
    const outcome = drawSources({ ...params, seed, population: members, pool: inspectors });
    if (!outcome.ok) {
      throw new BadInputError(`Only ${outcome.eligible} inspector(s) of the pool may check source ${toGlobalId('PollutionSource', outcome.sourceId)} under the conflict rule`, [
        { field: 'inspectorPoolIds', message: `needs ${params.inspectorsPerSource} eligible inspectors per source` },
      ]);
    }
    const drawNo = (campaign.currentDrawNo ?? 0) + 1;
    const draw = Object.assign(new SpotCheckDraw(), {
      campaignId: campaign.id,
      drawNo,
      seed,
      algorithm: DRAW_ALGORITHM,
      population: members,
      pool: inspectors,
      params,
      snapshotHash: snapshotHash({ population: members, pool: inspectors }),
      outcome: outcome.sources.map((s) => [s.sourceId, s.stratum, s.inspectorIds]),
      reason: input.reason ?? null,
      drawnById: ctx.principal?.accountId ?? null,
      drawnAt: ctx.clock.now(),
    });
    // The draw records stay as they were; the superseded checks are only marked so.
    if (redraw) {
      for (const item of await ctx.em.find(SpotCheckItem, { campaign: campaign.id, drawNo: campaign.currentDrawNo })) item.superseded = true;
    }
    await addChecks(ctx.em, campaign, drawNo, outcome.sources);
    Object.assign(campaign, { currentDrawNo: drawNo, status: SpotCheckStatus.DRAWN });
    ctx.em.persist(draw);
    await ctx.em.flush();
    return draw;
  },

  async replay(ctx: RequestContext, campaignId: string, drawNo: number | undefined): Promise<DrawReplay> {
    const campaign = await findVisible(ctx, SpotCheckCampaign, campaignId);
    const draw = await ctx.em.findOne(SpotCheckDraw, { campaignId: campaign.id, drawNo: drawNo ?? campaign.currentDrawNo ?? 0 });
    if (!draw) throw new NotFoundError('SpotCheckDraw', `${campaignId}#${drawNo ?? 'current'}`);
    return replayRecordedDraw(draw);
  },

  draws: (ctx: RequestContext, campaign: SpotCheckCampaign): Promise<SpotCheckDraw[]> =>
    ctx.em.find(SpotCheckDraw, { campaignId: campaign.id }, { orderBy: { drawNo: 'asc' } }),
};

/** One check per drawn source, carrying the source's scope (sources read as the drawing unit). */
async function addChecks(em: EntityManager, campaign: SpotCheckCampaign, drawNo: number, drawn: DrawnSource[]): Promise<void> {
  const sources = new Map((await em.find(PollutionSource, { id: { $in: drawn.map((d) => d.sourceId) } })).map((s) => [s.id, s]));
  drawn.forEach((d, position) => {
    const source = sources.get(d.sourceId);
    if (!source) throw new Error(`Drawn source ${d.sourceId} vanished`);
    em.persist(
      Object.assign(new SpotCheckItem(), {
        cityId: source.cityId,
        countyId: source.countyId ?? null,
        townshipId: source.townshipId ?? null,
        campaign,
        drawNo,
        position,
        sourceId: source.id,
        gridId: source.gridId,
        stratum: d.stratum,
        inspectorIds: d.inspectorIds,
      }),
    );
  });
}
