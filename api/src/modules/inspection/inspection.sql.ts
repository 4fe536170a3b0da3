/**
 * The inspection module's SQL: when each pollution source is next due for inspection (the one
 * definition, also spliced into the KPI engine's key-source measure) and a source's compliance
 * by quarter. The due-date fragment holds no scope of its own: the `sources` select it is given
 * carries it (the scope compiler's scopedSelectSql for the overdue list, the assessed unit for
 * the KPI). The compliance statement is about one source the service read through the scoped
 * ORM, counts only the cases of the scope compiler's scopedIdsSql, and runs in the request's
 * transaction under row-level security.
 */
import { scopedIdsSql } from '../../data/scoped-sql';
import type { RequestContext } from '../../context/request-context';
import { Case } from '../case/case.entity';
import { CaseStatus } from '../case/case.enums';
import type { ComplianceQuarter } from './inspection.types';

export const SOURCE_COLUMNS = ['id', 'supervision_level', 'industry', 'city_id', 'county_id', 'township_id', 'grid_id', 'created_at'];

/**
 * Every source of `sources` (a select of SOURCE_COLUMNS) with its due date: the last inspection
 * (or, never inspected, the day it was put on file) plus its level's interval, divided by the
 * largest inspection factor of the sensitive periods active on `as_of` that cover its grid,
 * industry and level. Overdue when due_on < as_of. The one definition, also read by the KPI
 * engine (重点源按频次检查率). Bindings: those of `sources`, then as_of's (by default one date).
 */
export const inspectionDueSql = (sources: string, asOf = '?::date'): string => `
  with src as (${sources}),
  params as (select ${asOf} as as_of),
  -- The periods active that day, read once (not once per source).
  periods as materialized (
    select p.grid_ids, p.industries, p.levels, p.inspection_factor from sensitive_period p, params
    where p.active and params.as_of between p.starts_on and p.ends_on
  )
  select src.id, li.last_on::text as last_on, coalesce(sp.factor, 1)::float8 as factor,
    ((coalesce(li.last_on, (src.created_at at time zone 'Asia/Shanghai')::date)
      + case f.unit when 'MONTH' then make_interval(months => f.every) else make_interval(days => f.every) end
        / coalesce(sp.factor, 1))::date) as due_on,
    params.as_of
  from src
  cross join params
  join inspection_frequency f on f.supervision_level = src.supervision_level
  left join lateral (
    select max(i.inspected_on) as last_on from inspection i where i.source_id = src.id and i.inspected_on <= params.as_of
  ) li on true
  left join lateral (
    select max(p.inspection_factor) as factor from periods p
    where p.grid_ids && array[src.city_id, src.county_id, src.township_id, src.grid_id]
      and (cardinality(p.industries) = 0 or src.industry = any(p.industries))
      and (cardinality(p.levels) = 0 or src.supervision_level::text = any(p.levels))
  ) sp on true`;

/**
 * The source's last `quarters` calendar quarters up to the one holding `day`, one row each:
 * inspected, violation found, and case open (only cases the caller may read count).
 */
export async function complianceQuarters(ctx: RequestContext, sourceId: number, quarters: number, day: string): Promise<ComplianceQuarter[]> {
  const cases = scopedIdsSql(ctx, Case, 'Case', { sourceId });
  const caseOpen = cases
    ? `exists (select 1 from "case" c where c.source_id = ? and c.status <> '${CaseStatus.CANCELLED}' and c.id in (${cases.sql})
           and c.reported_at < (q.qe::timestamp at time zone 'Asia/Shanghai')
           and (c.closed_at is null or c.closed_at >= (q.qs::timestamp at time zone 'Asia/Shanghai')))`
    : 'false';
  return ctx.em.execute<ComplianceQuarter[]>(
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
    [day, quarters, day, sourceId, sourceId, ...(cases ? [sourceId, ...cases.bindings] : [])],
  );
}
