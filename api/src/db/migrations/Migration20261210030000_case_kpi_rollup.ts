import { Migration } from '@mikro-orm/migrations';
import { LEVEL_ROLES, levelPoliciesSql } from '../rls-sql';

/**
 * The KPI engine's case measures kept as rollups (issue 19), so a unit's assessment reads
 * O(units × months) rows instead of every case's timeline.
 *
 * A measure of a period [t0, t1) is counted "as of" t1 over the events before it. Periods are
 * whole Beijing months (a month, quarter or year), so a case's facts as of t1 change only at
 * the end of a month in which it has an event: for each such month `from_month` of a case its
 * facts hold until the next one (`until_month`, or infinity). Each figure also belongs to a
 * month `in_month` that must fall in the period: the month of the handling deadline (应结案 and
 * the measures over due cases), of the report, or of the verification or dispatch event.
 * A period whose last month is L and first is F then sums the rows with
 * from_month <= L < until_month and F <= in_month <= L: additive, per unit.
 *
 * - case_kpi_case: each case's rows (what it adds), so an event can take away what the case
 *   added before and add what it adds now, in the event's transaction.
 * - case_kpi_rollup: those rows summed per unit of the case's path (gw_case_rollup_units,
 *   the dashboard's path: `own` marks the case's own grid).
 * The facts are the ones assessment-measures.sql.ts computes live, at t1 = each month's end.
 */
export const KPI_MEASURES = [
  'reported', 'valid_reports', 'due', 'closed', 'closed_on_time', 'parked', 'handled', 'handled_on_time',
  'rework_cases', 'rework_count', 'extended', 'verifications', 'verified_on_time', 'dispatches', 'dispatches_correct',
] as const;

const COLUMNS = KPI_MEASURES.map((m) => `"${m}" int not null default 0`).join(', ');
const SCOPE = 'city_id, county_id, township_id, grid_id';
const zeros = (but: Partial<Record<(typeof KPI_MEASURES)[number], string>>) => KPI_MEASURES.map((m) => `${but[m] ?? '0'} as ${m}`).join(', ');
const DEADLINE_ACTIONS = `('DISPATCH', 'APPROVE_EXTENSION', 'RESUME', 'VERIFY_FAIL')`;

/** A case's rows from the events that pass `filter` (on `e`): one case, or all of them. */
const rowsOf = (filter: string) => `
  with ev as (
    -- As text: on an upgrade the chain runs in one transaction, where an enum value added by an
    -- earlier migration cannot be named yet.
    select e.case_id, e.id, e.action::text as action, e.to_status::text as to_status, e.at, e.due_at, gw_beijing_month(e.at) as m
    from case_event e where ${filter}),
  sc as (
    select e.case_id, min(e.city_id) as city_id, min(e.county_id) as county_id, min(e.township_id) as township_id, min(e.grid_id) as grid_id
    from case_event e where ${filter} group by e.case_id),
  b as (
    select x.case_id, x.m, coalesce(lead(x.m) over (partition by x.case_id order by x.m), 'infinity'::date) as until
    from (select distinct case_id, m from ev) x),
  -- The timeline as of the end of month b.m: its events and those before (the live "e.at < t1").
  t as (
    select b.m as bm, b.until, e.*, lag(e.due_at) over w as due_before, lead(e.action) over w as next_action
    from b join ev e on e.case_id = b.case_id and e.m <= b.m
    window w as (partition by b.case_id, b.m order by e.id)),
  f as (
    select t.case_id, t.bm, t.until,
      max(t.at) filter (where t.action = 'REPORT') as reported_at,
      (array_agg(t.to_status order by t.id desc))[1] as state,
      (array_agg(t.due_at order by t.id desc) filter (where t.action in ${DEADLINE_ACTIONS}))[1] as handle_due,
      (array_agg(t.at order by t.id desc) filter (where t.action = 'VERIFY_PASS'))[1] as closed_at,
      (array_agg(t.at order by t.id desc) filter (where t.action = 'FEEDBACK'))[1] as fed_back_at,
      count(*) filter (where t.action = 'VERIFY_FAIL')::int as rework_n,
      count(*) filter (where t.action = 'APPROVE_EXTENSION')::int as extension_n
    from t group by t.case_id, t.bm, t.until),
  r as (
    select f.case_id, f.bm, f.until, gw_beijing_month(f.handle_due) as in_month, ${zeros({
      due: '1',
      closed: `coalesce(f.state in ('CLOSED', 'EVALUATED'), false)::int`,
      closed_on_time: `coalesce(f.state in ('CLOSED', 'EVALUATED') and f.closed_at <= f.handle_due, false)::int`,
      parked: `coalesce(f.state = 'PARKED', false)::int`,
      handled: '(f.fed_back_at is not null)::int',
      handled_on_time: 'coalesce(f.fed_back_at <= f.handle_due, false)::int',
      rework_cases: '(f.rework_n > 0)::int',
      rework_count: 'f.rework_n',
      extended: '(f.extension_n > 0)::int',
    })} from f where f.handle_due is not null
    union all
    select f.case_id, f.bm, f.until, gw_beijing_month(f.reported_at), ${zeros({ reported: '1', valid_reports: `coalesce(f.state <> 'CANCELLED', false)::int` })}
    from f where f.reported_at is not null
    union all
    select t.case_id, t.bm, t.until, t.m, ${zeros({ verifications: '1', verified_on_time: 'coalesce(t.at <= t.due_before, false)::int' })}
    from t where t.action in ('VERIFY_PASS', 'VERIFY_FAIL')
    union all
    select t.case_id, t.bm, t.until, t.m, ${zeros({ dispatches: '1', dispatches_correct: `(t.next_action is distinct from 'RETURN')::int` })}
    from t where t.action = 'DISPATCH')
  select r.case_id, r.bm as from_month, r.until as until_month, r.in_month, sc.city_id, sc.county_id, sc.township_id, sc.grid_id,
    ${KPI_MEASURES.map((m) => `sum(r.${m})::int as ${m}`).join(', ')}
  from r join sc on sc.case_id = r.case_id
  group by r.case_id, r.bm, r.until, r.in_month, sc.city_id, sc.county_id, sc.township_id, sc.grid_id`;

const CASE_COLUMNS = `case_id, from_month, until_month, in_month, ${SCOPE}, ${KPI_MEASURES.join(', ')}`;
const KEY = 'unit_id, own, from_month, until_month, in_month';
const ROLLUP_COLUMNS = `${KEY}, parent_id, ${SCOPE}, ${KPI_MEASURES.join(', ')}`;
const ADDED = KPI_MEASURES.map((m) => `${m} = r.${m} + excluded.${m}`).join(', ');

/** The case rows of `from` (as `k`) spread over each unit of the case's path, times `sign`. */
const perUnit = (from: string, sign: string, k = 'k') => `select u.unit_id, u.own, ${k}.from_month, ${k}.until_month, ${k}.in_month, u.parent_id,
      u.city_id, u.county_id, u.township_id, u.unit_id, ${KPI_MEASURES.map((m) => `${sign} * ${k}.${m}`).join(', ')}
    from ${from} ${k} cross join lateral gw_case_rollup_units(${k}.city_id, ${k}.county_id, ${k}.township_id, ${k}.grid_id) u`;

// Rows upserted in key order, so two transactions touching the same rows lock them in the same order.
const REFRESH = `create function gw_case_kpi_refresh(p_case int) returns void
  language plpgsql security definer set search_path = public, pg_temp as $$
  begin
    with old as (delete from case_kpi_case where case_id = p_case returning *)
    insert into case_kpi_rollup as r (${ROLLUP_COLUMNS})
      select * from (${perUnit('old', '-1')}) x order by 1, 2, 3, 4, 5
    on conflict (${KEY}) do update set ${ADDED};
    insert into case_kpi_case (${CASE_COLUMNS}) ${rowsOf('e.case_id = p_case')};
    insert into case_kpi_rollup as r (${ROLLUP_COLUMNS})
      select * from (${perUnit('case_kpi_case', '1')} where k.case_id = p_case) x order by 1, 2, 3, 4, 5
    on conflict (${KEY}) do update set ${ADDED};
  end $$;`;

// Per row, also for several events of a case in one statement: each run takes away what the case's rows say it added.
const TRIGGER = `create function gw_case_kpi_trigger() returns trigger
  language plpgsql security definer set search_path = public, pg_temp as $$
  begin
    if tg_op = 'DELETE' then perform gw_case_kpi_refresh(old.case_id); else perform gw_case_kpi_refresh(new.case_id); end if;
    return null;
  end $$;`;

const REBUILD = `create function gw_case_kpi_rebuild() returns void
  language plpgsql security definer set search_path = public, pg_temp as $$
  begin
    truncate case_kpi_case, case_kpi_rollup;
    insert into case_kpi_case (${CASE_COLUMNS}) ${rowsOf('true')};
    insert into case_kpi_rollup (${ROLLUP_COLUMNS})
      select ${KEY}, min(parent_id), min(city_id), min(county_id), min(township_id), min(grid_id), ${KPI_MEASURES.map((m) => `sum(${m})`).join(', ')}
      from (${perUnit('case_kpi_case', '1')}) x(${ROLLUP_COLUMNS})
      group by ${KEY};
  end $$;`;

const EMPTIED = `create function gw_case_kpi_truncated() returns trigger
  language plpgsql security definer set search_path = public, pg_temp as $$
  begin
    truncate case_kpi_case, case_kpi_rollup;
    return null;
  end $$;`;

export class Migration20261210030000_case_kpi_rollup extends Migration {
  override async up(): Promise<void> {
    const scope = '"city_id" int not null, "county_id" int null, "township_id" int null, "grid_id" int not null';
    const months = '"from_month" date not null, "until_month" date not null, "in_month" date not null';
    this.addSql(`create table "case_kpi_case" ("case_id" int not null, ${months}, ${scope}, ${COLUMNS},
      constraint case_kpi_case_pkey primary key ("case_id", "from_month", "in_month"));`);
    this.addSql(`create table "case_kpi_rollup" ("unit_id" int not null, "own" boolean not null, ${months}, "parent_id" int null, ${scope}, ${COLUMNS},
      constraint case_kpi_rollup_pkey primary key ("unit_id", "own", "from_month", "until_month", "in_month"));`);
    for (const table of ['case_kpi_case', 'case_kpi_rollup']) {
      for (const sql of levelPoliciesSql(table, 'grid_id')) this.addSql(sql);
      // Read-only for the app: the trigger writes as the owner.
      this.addSql(`revoke insert, update, delete on "${table}" from gridwatch_app, ${LEVEL_ROLES.join(', ')};`);
    }
    this.addSql(REFRESH);
    this.addSql(TRIGGER);
    this.addSql(REBUILD);
    this.addSql(EMPTIED);
    this.addSql(`revoke execute on function gw_case_kpi_refresh(int), gw_case_kpi_rebuild() from public;`);
    // On the partitioned log: cloned to every partition, present and future.
    this.addSql(`create trigger case_kpi_change after insert or delete on case_event for each row execute function gw_case_kpi_trigger();`);
    this.addSql(`create trigger case_kpi_truncate after truncate on case_event for each statement execute function gw_case_kpi_truncated();`);
    // The rebuild command (pnpm rollups:rebuild) and the seeds' load call gw_case_rollup_rebuild: it now covers both.
    this.addSql(`alter function gw_case_rollup_rebuild() rename to gw_case_count_rebuild;`);
    this.addSql(`create function gw_case_rollup_rebuild() returns void
      language plpgsql security definer set search_path = public, pg_temp as $$
      begin
        perform gw_case_count_rebuild();
        perform gw_case_kpi_rebuild();
      end $$;`);
    this.addSql(`revoke execute on function gw_case_rollup_rebuild() from public;`);
    this.addSql(`select gw_case_kpi_rebuild();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function gw_case_rollup_rebuild();`);
    this.addSql(`alter function gw_case_count_rebuild() rename to gw_case_rollup_rebuild;`);
    this.addSql(`drop trigger if exists case_kpi_change on case_event;`);
    this.addSql(`drop trigger if exists case_kpi_truncate on case_event;`);
    this.addSql(`drop function if exists gw_case_kpi_trigger(), gw_case_kpi_truncated(), gw_case_kpi_refresh(int), gw_case_kpi_rebuild();`);
    this.addSql(`drop table if exists "case_kpi_rollup", "case_kpi_case";`);
  }
}
