import { BadInputError } from '../../common/errors';
import { assertCan, findVisible } from '../../common/records';
import type { RequestContext } from '../../context/request-context';
import { Case } from './case.entity';
import { duplicateCandidateIds } from './case.sql';

export const DUPLICATE_DEFAULTS = { radiusMeters: 300, withinHours: 72 };
const LIMITS = { radiusMeters: 5000, withinHours: 24 * 30 };

/** Possible duplicates of a case the caller may file (what counts: case.sql.ts), among the cases it may read. */
export async function duplicateCandidates(ctx: RequestContext, caseId: string, radiusMeters = DUPLICATE_DEFAULTS.radiusMeters, withinHours = DUPLICATE_DEFAULTS.withinHours): Promise<Case[]> {
  if (radiusMeters < 0 || radiusMeters > LIMITS.radiusMeters) throw new BadInputError('radius out of range', [{ field: 'radiusMeters', message: `0..${LIMITS.radiusMeters}` }]);
  if (withinHours < 0 || withinHours > LIMITS.withinHours) throw new BadInputError('window out of range', [{ field: 'withinHours', message: `0..${LIMITS.withinHours}` }]);
  const kase = await findVisible(ctx, Case, caseId);
  assertCan(ctx, 'file', kase);
  const rows = await duplicateCandidateIds(ctx, kase, radiusMeters, withinHours);
  if (!rows.length) return [];
  return ctx.em.find(Case, { id: { $in: rows.map((r) => r.id) } }, { orderBy: { reportedAt: 'desc', id: 'desc' } });
}
