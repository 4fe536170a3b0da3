import { isDay } from '../../common/day';
import { BadInputError } from '../../common/errors';
import { scopedIdsSql } from '../../common/scoped-sql';
import type { RequestContext } from '../../context/request-context';
import { Case } from '../case/case.entity';
import { CaseStatus } from '../case/case.enums';
import { beijingDay } from '../deadline/working-calendar';
import type { PollutionSource } from '../source/source.entity';
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
    const cases = scopedIdsSql(ctx, Case, 'Case', { sourceId: source.id });
    const caseOpen = cases
      ? `exists (select 1 from "case" c where c.source_id = ? and c.status <> '${CaseStatus.CANCELLED}' and c.id in (${cases.sql})
           and c.reported_at < (q.qe::timestamp at time zone 'Asia/Shanghai')
           and (c.closed_at is null or c.closed_at >= (q.qs::timestamp at time zone 'Asia/Shanghai')))`
      : 'false';
    const rows = await ctx.em.execute<ComplianceQuarter[]>(
      `with q as (
         select gs::date as qs, (gs + interval '3 months')::date as qe
         from generate_series(date_trunc('quarter', ?::date) - make_interval(months => 3 * (? - 1)), date_trunc('quarter', ?::date), interval '3 months') gs
       )
       select to_char(q.qs, 'YYYY"Q"Q') as quarter,
         exists (select 1 from inspection i where i.source_id = ? and i.inspected_on >= q.qs and i.inspected_on < q.qe) as inspected,
         exists (select 1 from inspection i where i.source_id = ? and i.inspected_on >= q.qs and i.inspected_on < q.qe
                   and i.result = 'PROBLEM_FOUND') as "violationFound",
         ${caseOpen} as "caseOpen"
       from q order by q.qs`,
      [day, quarters, day, source.id, source.id, ...(cases ? [source.id, ...cases.bindings] : [])],
    );
    return { quarters: rows, summary: rows.map(quarterCode).join('') };
  },
};
