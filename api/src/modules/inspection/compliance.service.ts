import { isDay } from '../../common/day';
import { BadInputError } from '../../common/errors';
import type { RequestContext } from '../../context/request-context';
import { beijingDay } from '@gridwatch/domain';
import type { PollutionSource } from '../source/source.entity';
import { complianceQuarters } from './inspection.sql';
import type { ComplianceHistory, ComplianceQuarter } from './inspection.types';

export const MAX_QUARTERS = 40;

/** V (violation found) over C (case open) over I (inspected, compliant) over _ (nothing). */
export function quarterCode(q: ComplianceQuarter): string {
  if (q.violationFound) return 'V';
  if (q.caseOpen) return 'C';
  if (q.inspected) return 'I';
  return '_';
}

export const complianceService = {
  /**
   * The last `quarters` calendar quarters up to the one holding `asOf` (Beijing time), in one
   * statement: inspected, violation found (an inspection with PROBLEM_FOUND) and case open (a
   * case on the source, not cancelled, reported before the quarter ended and not closed
   * before it began; only cases the caller may read count).
   */
  async history(ctx: RequestContext, source: PollutionSource, quarters: number, asOf?: string): Promise<ComplianceHistory> {
    if (!Number.isInteger(quarters) || quarters < 1 || quarters > MAX_QUARTERS) {
      throw new BadInputError(`quarters must be 1-${MAX_QUARTERS}`, [{ field: 'quarters', message: `1-${MAX_QUARTERS}` }]);
    }
    if (asOf != null && !isDay(asOf)) throw new BadInputError('asOf must be a calendar day yyyy-mm-dd', [{ field: 'asOf', message: 'yyyy-mm-dd' }]);
    const day = asOf ?? beijingDay(ctx.clock.now());
    const rows = await complianceQuarters(ctx, source.id, quarters, day);
    return { quarters: rows, summary: rows.map(quarterCode).join('') };
  },
};
