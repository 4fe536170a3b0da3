import { BadInputError } from '../../common/errors';
import { fromGlobalId } from '../../common/global-id';
import { assertCan, findVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { CaseCategory } from '../department/case-category.entity';
import { Case } from './case.entity';
import { duplicateCandidateIds } from './case.sql';

export const DUPLICATE_DEFAULTS = { radiusMeters: 300, withinHours: 72 };
const LIMITS = { radiusMeters: 5000, withinHours: 24 * 30 };

export interface DuplicateQuery {
  radiusMeters?: number;
  withinHours?: number;
  /** Another category to look in; the case's own by default. */
  categoryId?: string | null;
  /** Closed (结案, 已评价) cases too; open ones only by default. */
  includeClosed?: boolean;
}

/** Possible duplicates of a case the caller may file (what counts: case.sql.ts), among the cases it may read. */
export async function duplicateCandidates(ctx: RequestContext, caseId: string, query: DuplicateQuery = {}): Promise<Case[]> {
  const { radiusMeters = DUPLICATE_DEFAULTS.radiusMeters, withinHours = DUPLICATE_DEFAULTS.withinHours } = query;
  if (radiusMeters < 0 || radiusMeters > LIMITS.radiusMeters) throw new BadInputError('radius out of range', [{ field: 'radiusMeters', message: `0..${LIMITS.radiusMeters}` }]);
  if (withinHours < 0 || withinHours > LIMITS.withinHours) throw new BadInputError('window out of range', [{ field: 'withinHours', message: `0..${LIMITS.withinHours}` }]);
  const kase = await findVisible(ctx, Case, caseId);
  assertCan(ctx, 'file', kase);
  let categoryId = kase.categoryId;
  if (query.categoryId) {
    const category = await ctx.em.findOne(CaseCategory, { id: fromGlobalId('CaseCategory', query.categoryId) });
    if (!category) throw new BadInputError('Unknown case category', [{ field: 'categoryId', message: 'unknown category' }]);
    categoryId = category.id;
  }
  const rows = await duplicateCandidateIds(ctx, kase, { radiusMeters, withinHours, categoryId, includeClosed: query.includeClosed ?? false });
  if (!rows.length) return [];
  return ctx.em.find(Case, { id: { $in: rows.map((r) => r.id) } }, { orderBy: { reportedAt: 'desc', id: 'desc' } });
}
