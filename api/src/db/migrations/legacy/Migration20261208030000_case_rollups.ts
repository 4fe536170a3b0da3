import { Migration } from '@mikro-orm/migrations';
import { LEVEL_ROLES, levelPoliciesSql } from '../../rls-sql';

/**
 * Case counts kept up to date by the case table's own trigger, in the transaction of every
 * change (the workflow's steps, the scheduler, the owner's SQL alike), so the dashboard reads
 * O(units shown) rows instead of aggregating the cases (issue 19).
 *
 * Every case counts once at each distinct unit of its path (city, county, township, its own
 * grid); `parent_id` is the unit above on that path, `own` marks the row of the case's own grid,
 * so "per child unit of W" is `parent_id = W` plus W's own row, and "W's subtree" is `unit_id = W`.
 * - case_rollup: per unit × status × category: cases, how many closed, how many with a deadline.
 * - case_rollup_due: the cases with a deadline per unit × status × category × Beijing day of it.
 *   "Overdue" is those with a deadline less those due after today (few: deadlines are days
 *   ahead), less those due later today (counted live).
 * - case_rollup_day: per unit × status × category × Beijing day × kind (R: reported that day,
 *   C: closed that day), for trends.
 * The scope columns are the unit's own (a city row has no county), under the level policies.
 * Only the trigger (security definer, the owner's policy) and the rebuild write them.
 */
const UNITS = `create or replace function gw_case_rollup_units(city int, county int, township int, grid int)
  returns table (unit_id int, parent_id int, own boolean, city_id int, county_id int, township_id int)
  language sql immutable as $$
    with path(n, unit, city_id, county_id, township_id) as (values
      (1, city, city, null::int, null::int), (2, county, city, county, null::int),
      (3, township, city, county, township), (4, grid, city, county, township)),
    distinct_units as (select distinct on (unit) * from path where unit is not null order by unit, n)
    select unit, lag(unit) over (order by n), unit = grid, city_id, county_id, township_id
    from distinct_units order by n
  $$;`;

const beijingDay = (column: string) => `(${column} at time zone 'Asia/Shanghai')::date`;

/** The rows one case adds (sign 1) or takes away (sign -1), from its columns as `c`. */
const rowsOf = (c: string) => ({
  state: `select u.unit_id, u.own, ${c}.status, ${c}.category_id, u.parent_id, u.city_id, u.county_id, u.township_id, u.unit_id as grid_id,
            (${c}.closed_at is not null) as closed, (${c}.due_at is not null) as dated
          from gw_case_rollup_units(${c}.city_id, ${c}.county_id, ${c}.township_id, ${c}.grid_id) u`,
  due: `select u.unit_id, u.own, ${c}.status, ${c}.category_id, ${beijingDay(`${c}.due_at`)} as due_day,
          u.parent_id, u.city_id, u.county_id, u.township_id, u.unit_id as grid_id
        from gw_case_rollup_units(${c}.city_id, ${c}.county_id, ${c}.township_id, ${c}.grid_id) u
        where ${c}.due_at is not null`,
  day: `select u.unit_id, u.own, ${c}.status, ${c}.category_id, d.day, d.kind,
          u.parent_id, u.city_id, u.county_id, u.township_id, u.unit_id as grid_id
        from gw_case_rollup_units(${c}.city_id, ${c}.county_id, ${c}.township_id, ${c}.grid_id) u
        cross join lateral (values (${beijingDay(`${c}.reported_at`)}, 'R'::char), (${beijingDay(`${c}.closed_at`)}, 'C'::char)) d(day, kind)
        where d.day is not null`,
});

const STATE_COLUMNS = 'unit_id, own, status, category_id, parent_id, city_id, county_id, township_id, grid_id';
const DUE_COLUMNS = 'unit_id, own, status, category_id, due_day, parent_id, city_id, county_id, township_id, grid_id';
const DAY_COLUMNS = 'unit_id, own, status, category_id, day, kind, parent_id, city_id, county_id, township_id, grid_id';
const qualified = (columns: string) => columns.split(', ').map((column) => `s.${column}`).join(', ');

// Rows upserted in key order, so two transactions touching the same rows lock them in the same order.
const APPLY = `create or replace function gw_case_rollup_apply(c "case", sign int) returns void
  language plpgsql security definer set search_path = public, pg_temp as $$
  begin
    insert into case_rollup as r (${STATE_COLUMNS}, cases, closed, dated)
      select ${STATE_COLUMNS}, sign, case when closed then sign else 0 end, case when dated then sign else 0 end from (${rowsOf('c').state}) s
      order by unit_id, own, status, category_id
    on conflict (unit_id, own, status, category_id)
      do update set cases = r.cases + excluded.cases, closed = r.closed + excluded.closed, dated = r.dated + excluded.dated;
    insert into case_rollup_due as r (${DUE_COLUMNS}, cases)
      select ${DUE_COLUMNS}, sign from (${rowsOf('c').due}) s
      order by unit_id, own, status, category_id, due_day
    on conflict (unit_id, own, status, category_id, due_day) do update set cases = r.cases + excluded.cases;
    insert into case_rollup_day as r (${DAY_COLUMNS}, cases)
      select ${DAY_COLUMNS}, sign from (${rowsOf('c').day}) s
      order by unit_id, own, status, category_id, day, kind
    on conflict (unit_id, own, status, category_id, day, kind) do update set cases = r.cases + excluded.cases;
  end $$;`;

const TRIGGER = `create or replace function gw_case_rollup_trigger() returns trigger
  language plpgsql security definer set search_path = public, pg_temp as $$
  begin
    if tg_op in ('UPDATE', 'DELETE') then perform gw_case_rollup_apply(old, -1); end if;
    if tg_op in ('UPDATE', 'INSERT') then perform gw_case_rollup_apply(new, 1); end if;
    return null;
  end $$;`;

const COUNTED = ['status', 'category_id', 'city_id', 'county_id', 'township_id', 'grid_id', 'reported_at', 'due_at', 'closed_at'];

/** Recomputes the three tables from the cases (seeds load with triggers off; `pnpm rollups:rebuild`). */
const REBUILD = `create or replace function gw_case_rollup_rebuild() returns void
  language plpgsql security definer set search_path = public, pg_temp as $$
  begin
    truncate case_rollup, case_rollup_due, case_rollup_day;
    insert into case_rollup (${STATE_COLUMNS}, cases, closed, dated)
      select ${qualified(STATE_COLUMNS)}, count(*), count(*) filter (where s.closed), count(*) filter (where s.dated)
      from "case" c cross join lateral (${rowsOf('c').state}) s
      group by ${qualified(STATE_COLUMNS)};
    insert into case_rollup_due (${DUE_COLUMNS}, cases)
      select ${qualified(DUE_COLUMNS)}, count(*)
      from "case" c cross join lateral (${rowsOf('c').due}) s
      group by ${qualified(DUE_COLUMNS)};
    insert into case_rollup_day (${DAY_COLUMNS}, cases)
      select ${qualified(DAY_COLUMNS)}, count(*)
      from "case" c cross join lateral (${rowsOf('c').day}) s
      group by ${qualified(DAY_COLUMNS)};
  end $$;`;

/** TRUNCATE fires no row trigger: emptying the cases empties their counts. */
const EMPTIED = `create or replace function gw_case_rollup_truncated() returns trigger
  language plpgsql security definer set search_path = public, pg_temp as $$
  begin
    truncate case_rollup, case_rollup_due, case_rollup_day;
    return null;
  end $$;`;

export class Migration20261208030000_case_rollups extends Migration {
  override async up(): Promise<void> {
    const common = `"unit_id" int not null, "own" boolean not null, "status" "case_status" not null, "category_id" int not null,
      "parent_id" int null, "city_id" int not null, "county_id" int null, "township_id" int null, "grid_id" int not null`;
    this.addSql(`create table "case_rollup" (${common}, "cases" int not null default 0, "closed" int not null default 0, "dated" int not null default 0,
      constraint case_rollup_pkey primary key ("unit_id", "own", "status", "category_id"));`);
    this.addSql(`create index "case_rollup_parent_id_index" on "case_rollup" ("parent_id");`);
    this.addSql(`create table "case_rollup_due" (${common}, "due_day" date not null, "cases" int not null default 0,
      constraint case_rollup_due_pkey primary key ("unit_id", "own", "status", "category_id", "due_day"));`);
    this.addSql(`create index "case_rollup_due_unit_id_due_day_index" on "case_rollup_due" ("unit_id", "due_day");`);
    this.addSql(`create index "case_rollup_due_parent_id_due_day_index" on "case_rollup_due" ("parent_id", "due_day");`);
    this.addSql(`create table "case_rollup_day" (${common}, "day" date not null, "kind" char(1) not null, "cases" int not null default 0,
      constraint case_rollup_day_pkey primary key ("unit_id", "own", "status", "category_id", "day", "kind"));`);
    this.addSql(`create index "case_rollup_day_parent_id_day_index" on "case_rollup_day" ("parent_id", "day");`);
    for (const table of ['case_rollup', 'case_rollup_due', 'case_rollup_day']) {
      for (const sql of levelPoliciesSql(table, 'grid_id')) this.addSql(sql);
      // Read-only for the app: the trigger writes as the owner.
      this.addSql(`revoke insert, update, delete on "${table}" from gridwatch_app, ${LEVEL_ROLES.join(', ')};`);
    }
    // The live edge of a rollup answer (deadlines later today, closures today) at any scope level.
    this.addSql(`create index "case_due_at_index" on "case" ("due_at") where "due_at" is not null;`);
    this.addSql(`create index "case_closed_at_index" on "case" ("closed_at") where "closed_at" is not null;`);
    this.addSql(UNITS);
    this.addSql(APPLY);
    this.addSql(TRIGGER);
    this.addSql(REBUILD);
    this.addSql(EMPTIED);
    this.addSql(`revoke execute on function gw_case_rollup_apply("case", int), gw_case_rollup_rebuild() from public;`);
    this.addSql(`create trigger case_rollup_insert_delete after insert or delete on "case" for each row execute function gw_case_rollup_trigger();`);
    const changed = COUNTED.map((column) => `old.${column} is distinct from new.${column}`).join(' or ');
    this.addSql(`create trigger case_rollup_update after update of ${COUNTED.join(', ')} on "case" for each row when (${changed}) execute function gw_case_rollup_trigger();`);
    this.addSql(`create trigger case_rollup_truncate after truncate on "case" for each statement execute function gw_case_rollup_truncated();`);
    this.addSql(`select gw_case_rollup_rebuild();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists case_rollup_update on "case";`);
    this.addSql(`drop trigger if exists case_rollup_insert_delete on "case";`);
    this.addSql(`drop trigger if exists case_rollup_truncate on "case";`);
    this.addSql(`drop function if exists gw_case_rollup_trigger(), gw_case_rollup_truncated(), gw_case_rollup_apply("case", int), gw_case_rollup_rebuild(), gw_case_rollup_units(int, int, int, int);`);
    this.addSql(`drop table if exists "case_rollup_day", "case_rollup_due", "case_rollup";`);
    this.addSql(`drop index if exists "case_due_at_index", "case_closed_at_index";`);
  }
}
