/**
 * The monthly report's statements (月度统计报表). Each is bounded by the unit column `p.unit`
 * (`city_id` or `county_id` of a unit the service read through the scoped ORM and checked
 * against the caller's rules) and runs in the request's transaction under row-level
 * security. Every figure is grouped by county (`county_id`); the service adds the city's total.
 *
 * Reproducible for a past month: case figures come from the case events before the month's
 * end (the timeline is append-only), never from a case's current state, so a later transition
 * changes nothing. See REPORT_DEFINITION (report.types.ts) for the wording.
 */
import type { EntityManager } from '@mikro-orm/postgresql';

export type UnitColumn = 'city_id' | 'county_id';

export interface ReportScope {
  from: Date;
  to: Date;
  unitId: number;
  column: UnitColumn;
}

/** The deadline-setting actions: a case's handling deadline is the one its last such event set. */
const DEADLINE_ACTIONS = `('DISPATCH', 'APPROVE_EXTENSION', 'RESUME', 'VERIFY_FAIL')`;

const P = `p as (select ?::timestamptz as t0, ?::timestamptz as t1, ?::int as unit,
  (?::timestamptz at time zone 'Asia/Shanghai')::date as d0, (?::timestamptz at time zone 'Asia/Shanghai')::date as d1)`;

/** A case's status at the month's end: the target of its last event before it. */
const STATUS_AT_END = (caseId: string) =>
  `(select x.to_status from case_event x where x.case_id = ${caseId} and x.at < p.t1 order by x.id desc limit 1)`;

/** Cases reported in the month (their REPORT event), with what the report groups them by. */
const REPORTED = (col: UnitColumn) => `rep as (
  select e.case_id, e.county_id, c.category_id, c.origin, ${STATUS_AT_END('e.case_id')} as status
  from case_event e join "case" c on c.id = e.case_id, p
  where e.${col} = p.unit and e.action = 'REPORT' and e.at >= p.t0 and e.at < p.t1
)`;

/**
 * Cases due in the month: their handling deadline (set by the last deadline-setting event
 * before the month's end) falls in it; closed on time: closed at the month's end by a passed
 * verification no later than that deadline. The KPI engine's 应结案/按期结案 (assessment-measures.sql.ts).
 */
const DUE = (col: UnitColumn) => `cand as (
  select distinct e.case_id from case_event e, p where e.${col} = p.unit and e.due_at >= p.t0 and e.at < p.t1
),
due as (
  select cand.case_id, d.county_id, d.handle_due, ${STATUS_AT_END('cand.case_id')} as status,
    (select max(x.at) from case_event x where x.case_id = cand.case_id and x.action = 'VERIFY_PASS' and x.at < p.t1) as closed_at
  from cand, p, lateral (
    select x.county_id, x.due_at as handle_due from case_event x
    where x.case_id = cand.case_id and x.at < p.t1 and x.action in ${DEADLINE_ACTIONS} order by x.id desc limit 1) d
  where d.handle_due >= p.t0 and d.handle_due < p.t1
)`;

export interface SummaryRow {
  county_id: number | null;
  reported: number;
  due: number;
  closed: number;
  closed_on_time: number;
  patrols_required: number;
  patrols_done: number;
  inspections: number;
  inspections_problem: number;
  sources_inspected: number;
  key_sources: number;
  key_sources_inspected: number;
  spot_checks: number;
  spot_checks_compliant: number;
  spot_checks_problem: number;
}

const SUMMARY = (col: UnitColumn) => `with ${P}, ${REPORTED(col)}, ${DUE(col)},
r as (select county_id, count(*)::int as reported from rep group by 1),
d as (select county_id, count(*)::int as due,
        count(*) filter (where status in ('CLOSED', 'EVALUATED'))::int as closed,
        count(*) filter (where status in ('CLOSED', 'EVALUATED') and closed_at <= handle_due)::int as closed_on_time
      from due group by 1),
-- Patrol plans of the month: patrols done inside the grid on distinct days, at most the plan.
pt as (select pp.county_id, sum(pp.required_count)::int as patrols_required, sum(least(pp.done_count, pp.required_count))::int as patrols_done
       from patrol_plan_progress pp, p where pp.${col} = p.unit and pp.month = p.d0 group by 1),
ins as (select i.county_id, count(*)::int as inspections, count(*) filter (where i.result = 'PROBLEM_FOUND')::int as inspections_problem,
          count(distinct i.source_id)::int as sources_inspected
        from inspection i, p where i.${col} = p.unit and i.inspected_on >= p.d0 and i.inspected_on < p.d1 group by 1),
-- Key sources on file before the month's end (level and status as on file now), and those inspected in the month.
ks as (select s.county_id, count(*)::int as key_sources,
         count(*) filter (where exists (select 1 from inspection i where i.source_id = s.id and i.inspected_on >= p.d0 and i.inspected_on < p.d1))::int as key_sources_inspected
       from pollution_source s, p where s.${col} = p.unit and s.supervision_level = 'KEY' and s.status = 'ACTIVE' and s.created_at < p.t1 group by 1),
sc as (select i.county_id, count(*)::int as spot_checks, count(*) filter (where i.result = 'COMPLIANT')::int as spot_checks_compliant,
         count(*) filter (where i.result = 'PROBLEM_FOUND')::int as spot_checks_problem
       from spot_check_item i, p where i.${col} = p.unit and not i.superseded and i.checked_at >= p.t0 and i.checked_at < p.t1 group by 1),
k as (select county_id from r union select county_id from d union select county_id from pt union select county_id from ins
      union select county_id from ks union select county_id from sc)
select k.county_id,
  coalesce(r.reported, 0) as reported, coalesce(d.due, 0) as due, coalesce(d.closed, 0) as closed, coalesce(d.closed_on_time, 0) as closed_on_time,
  coalesce(pt.patrols_required, 0) as patrols_required, coalesce(pt.patrols_done, 0) as patrols_done,
  coalesce(ins.inspections, 0) as inspections, coalesce(ins.inspections_problem, 0) as inspections_problem, coalesce(ins.sources_inspected, 0) as sources_inspected,
  coalesce(ks.key_sources, 0) as key_sources, coalesce(ks.key_sources_inspected, 0) as key_sources_inspected,
  coalesce(sc.spot_checks, 0) as spot_checks, coalesce(sc.spot_checks_compliant, 0) as spot_checks_compliant, coalesce(sc.spot_checks_problem, 0) as spot_checks_problem
from k
  left join r on r.county_id is not distinct from k.county_id left join d on d.county_id is not distinct from k.county_id
  left join pt on pt.county_id is not distinct from k.county_id left join ins on ins.county_id is not distinct from k.county_id
  left join ks on ks.county_id is not distinct from k.county_id left join sc on sc.county_id is not distinct from k.county_id
order by k.county_id nulls first`;

export type BreakdownDimension = 'CATEGORY' | 'ORIGIN' | 'STATUS';

export interface BreakdownRow {
  county_id: number | null;
  dimension: BreakdownDimension;
  key: string;
  /** The category's name (categories are city-wide reference data); null for enums. */
  label: string | null;
  count: number;
}

/** Cases reported in the month by category, by origin and by status at the month's end, per county. */
const BREAKDOWN = (col: UnitColumn) => `with ${P}, ${REPORTED(col)}
select rep.county_id, 'CATEGORY' as dimension, rep.category_id::text as key, min(cc.name) as label, count(*)::int as count
  from rep join case_category cc on cc.id = rep.category_id group by 1, 3
union all
select rep.county_id, 'ORIGIN', rep.origin::text, null, count(*)::int from rep group by 1, 3
union all
select rep.county_id, 'STATUS', rep.status::text, null, count(*)::int from rep group by 1, 3
order by 1 nulls first, 2, 3`;

const params = (s: ReportScope): unknown[] => [s.from, s.to, s.unitId, s.from, s.to];

export function reportSummary(em: EntityManager, scope: ReportScope): Promise<SummaryRow[]> {
  return em.execute<SummaryRow[]>(SUMMARY(scope.column), params(scope));
}

export function reportBreakdown(em: EntityManager, scope: ReportScope): Promise<BreakdownRow[]> {
  return em.execute<BreakdownRow[]>(BREAKDOWN(scope.column), params(scope));
}
