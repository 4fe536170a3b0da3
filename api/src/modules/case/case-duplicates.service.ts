import { BadInputError } from '../../common/errors';
import { assertCan, findVisible } from '../../common/records';
import type { RequestContext } from '../../context/request-context';
import { CaseStatus } from './case.enums';
import { Case } from './case.entity';

export const DUPLICATE_DEFAULTS = { radiusMeters: 300, withinHours: 72 };
const LIMITS = { radiusMeters: 5000, withinHours: 24 * 30 };

/**
 * Candidates among all intake channels: not cancelled, the same responsible field (the same
 * or a related category), reported within the window, and within the radius (haversine on
 * WGS-84 points) or, without a location, on the same grid. Same county only: a duplicate is
 * filed by the unit that handles both. The ids come from one SQL statement; the rows are then
 * loaded through the scoped em, so the caller sees only cases it may read.
 */
const CANDIDATES_SQL = `
select c.id from "case" c
where c.id <> ? and c.status <> ? and c.duplicate_of_id is null and c.field = ?
  and c.county_id is not distinct from ?
  and c.reported_at between ?::timestamptz - make_interval(hours => ?) and ?::timestamptz + make_interval(hours => ?)
  and (c.grid_id = ? or (c.lng is not null and ?::float8 is not null and
       2 * 6371000 * asin(sqrt(power(sin(radians(c.lat - ?::float8) / 2), 2)
         + cos(radians(?::float8)) * cos(radians(c.lat)) * power(sin(radians(c.lng - ?::float8) / 2), 2))) <= ?))
order by c.reported_at desc, c.id desc
limit 20`;

export async function duplicateCandidates(ctx: RequestContext, caseId: string, radiusMeters = DUPLICATE_DEFAULTS.radiusMeters, withinHours = DUPLICATE_DEFAULTS.withinHours): Promise<Case[]> {
  if (radiusMeters < 0 || radiusMeters > LIMITS.radiusMeters) throw new BadInputError('radius out of range', [{ field: 'radiusMeters', message: `0..${LIMITS.radiusMeters}` }]);
  if (withinHours < 0 || withinHours > LIMITS.withinHours) throw new BadInputError('window out of range', [{ field: 'withinHours', message: `0..${LIMITS.withinHours}` }]);
  const kase = await findVisible(ctx, Case, caseId);
  assertCan(ctx, 'file', kase);
  const rows = await ctx.em.execute<{ id: number }[]>(CANDIDATES_SQL, [
    kase.id, CaseStatus.CANCELLED, kase.field, kase.countyId ?? null,
    kase.reportedAt, withinHours, kase.reportedAt, withinHours,
    kase.gridId, kase.lat ?? null, kase.lat ?? null, kase.lat ?? null, kase.lng ?? null, radiusMeters,
  ]);
  if (!rows.length) return [];
  return ctx.em.find(Case, { id: { $in: rows.map((r) => r.id) } }, { orderBy: { reportedAt: 'desc', id: 'desc' } });
}
