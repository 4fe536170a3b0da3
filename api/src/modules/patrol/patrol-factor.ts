import type { RequestContext } from '../../context/request-context';
import type { PatrolMonth } from '../../common/month';
import { pgArray } from './patrol.sql';

/**
 * The patrol frequency factor per grid for a month: the mean over the month's days of the
 * sensitive periods' daily factor (`gw_patrol_factor`, the sensitive-period module's one
 * definition: the largest active period covering the grid, else 1). A ten-day summit in a
 * thirty-day month at factor 2 gives 1.333: patrols are doubled for the days it lasts, not
 * for the whole month. Rounded to 3 decimals so reruns store the same value.
 */
export async function patrolFactors(ctx: RequestContext, month: PatrolMonth, gridIds: readonly number[]): Promise<Map<number, number>> {
  if (!gridIds.length) return new Map();
  const rows = await ctx.em.execute<{ grid_id: number; factor: number }[]>(
    `select g.id as grid_id, round(avg(gw_patrol_factor(g.id, d::date))::numeric, 3)::float8 as factor
       from unnest(?::int[]) as g(id)
      cross join generate_series(?::date, ?::date + interval '1 month' - interval '1 day', interval '1 day') as d
      group by g.id`,
    [pgArray([...new Set(gridIds)]), month.firstDay, month.firstDay],
  );
  return new Map(rows.map((r) => [r.grid_id, Number(r.factor)]));
}
