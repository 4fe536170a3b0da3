import type { FilterQuery } from '@mikro-orm/postgresql';
import { paginate, type Connection, type ConnectionArgs } from '../../common/connection';
import { isDay } from '../../common/day';
import { BadInputError } from '../../common/errors';
import { assertCan, assertVersion, findVisible, findVisibleById, loadVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Grid } from '../grid/grid.entity';
import { SensitivePeriod } from './sensitive-period.entity';
import type { SensitivePeriodFilter, SensitivePeriodInput } from './sensitive-period.inputs';

/** The covered grids, each visible to the caller and inside the defining unit's subtree. */
async function coveredGrids(ctx: RequestContext, period: SensitivePeriod, ids: string[]): Promise<number[]> {
  const grids = await Promise.all([...new Set(ids)].map((id) => findVisible(ctx, Grid, id)));
  const outside = grids.filter((g) => (period.countyId != null ? g.countyId !== period.countyId : g.cityId !== period.cityId));
  if (outside.length) {
    throw new BadInputError(`Grids ${outside.map((g) => g.code).join(', ')} lie outside the defining unit`, [{ field: 'gridIds', message: 'outside your unit' }]);
  }
  return grids.map((g) => g.id);
}

async function apply(ctx: RequestContext, period: SensitivePeriod, input: SensitivePeriodInput): Promise<void> {
  if (input.endsOn < input.startsOn) throw new BadInputError('The period ends before it starts', [{ field: 'endsOn', message: 'before startsOn' }]);
  Object.assign(period, {
    name: input.name.trim(),
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    gridIds: await coveredGrids(ctx, period, input.gridIds),
    industries: [...new Set((input.industries ?? []).map((i) => i.trim()))],
    levels: [...new Set(input.levels ?? [])],
    inspectionFactor: input.inspectionFactor,
    patrolFactor: input.patrolFactor,
  });
}

export const sensitivePeriodService = {
  byId: (ctx: RequestContext, id: string): Promise<SensitivePeriod> => findVisible(ctx, SensitivePeriod, id),

  list(ctx: RequestContext, filter: SensitivePeriodFilter = {}, args: ConnectionArgs): Promise<Connection<SensitivePeriod>> {
    const where: FilterQuery<SensitivePeriod> = filter.activeOn
      ? { active: true, startsOn: { $lte: filter.activeOn }, endsOn: { $gte: filter.activeOn } }
      : {};
    return paginate(ctx.em, SensitivePeriod, where, [{ startsOn: 'desc' }, { id: 'desc' }], args);
  },

  /** Defined at the caller's own unit: the city, or a county within itself. */
  async create(ctx: RequestContext, input: SensitivePeriodInput): Promise<SensitivePeriod> {
    const unit = await findVisibleById(ctx, Grid, ctx.principal?.unitId ?? 0);
    const period = Object.assign(new SensitivePeriod(), { ...unit.scope, unitId: unit.id, createdById: ctx.principal?.accountId ?? null });
    assertCan(ctx, 'create', period);
    await apply(ctx, period, input);
    await ctx.em.persistAndFlush(period);
    return period;
  },

  async update(ctx: RequestContext, id: string, version: number, input: SensitivePeriodInput, active: boolean): Promise<SensitivePeriod> {
    const period = await findVisible(ctx, SensitivePeriod, id);
    assertCan(ctx, 'update', period);
    assertVersion(period, version, 'period');
    await apply(ctx, period, input);
    period.active = active;
    await ctx.em.flush();
    return period;
  },

  units: async (ctx: RequestContext, period: SensitivePeriod): Promise<Grid[]> =>
    (await Promise.all(period.gridIds.map((id) => loadVisible(ctx, Grid, id)))).filter((g): g is Grid => g !== null),
};

/**
 * For the patrol plans (branch `plans`): how many times its usual patrols a grid needs on
 * `day` (yyyy-mm-dd, Beijing): the largest `patrolFactor` of the active sensitive periods
 * whose units cover the grid (industry and level filters concern sources, not patrols), or
 * 1. Runs as the caller (row-level security: periods of the caller's city, county and below).
 * The same rule in SQL, for set-based plan queries: `gw_patrol_factor(grid_id, day)`.
 */
export async function patrolFactorFor(ctx: Pick<RequestContext, 'em'>, gridId: number, day: string): Promise<number> {
  if (!isDay(day)) throw new BadInputError('day must be a calendar day yyyy-mm-dd', [{ field: 'day', message: 'yyyy-mm-dd' }]);
  const [row] = await ctx.em.execute<{ factor: number }[]>('select gw_patrol_factor(?, ?::date) as factor', [gridId, day]);
  return Number(row?.factor ?? 1);
}
