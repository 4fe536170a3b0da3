import { Migration } from '@mikro-orm/migrations';

/**
 * The rollup rebuild, faster for the bulk loads (issue 19: the province profile spent minutes
 * here). The rows are the same as Migration20261208030000's rebuild: a unit path depends only
 * on the case's (city, county, township, grid), so each distinct path is expanded once
 * (gw_case_rollup_units) instead of once per case and table, and the cases are counted per path
 * and key first, then those counts summed per unit.
 */
const PATHS = `paths as materialized (
      select p.city_id as c_city, p.county_id as c_county, p.township_id as c_township, p.grid_id as c_grid, u.*
      from (select distinct city_id, county_id, township_id, grid_id from "case") p
      cross join lateral gw_case_rollup_units(p.city_id, p.county_id, p.township_id, p.grid_id) u)`;
const ON_PATH = `p.c_city = g.city_id and p.c_county is not distinct from g.county_id
      and p.c_township is not distinct from g.township_id and p.c_grid = g.grid_id`;
const beijingDay = (column: string) => `(${column} at time zone 'Asia/Shanghai')::date`;

const REBUILD = `create or replace function gw_case_rollup_rebuild() returns void
  language plpgsql security definer set search_path = public, pg_temp as $$
  begin
    truncate case_rollup, case_rollup_due, case_rollup_day;
    insert into case_rollup (unit_id, own, status, category_id, parent_id, city_id, county_id, township_id, grid_id, cases, closed, dated)
      with ${PATHS},
      g as (select city_id, county_id, township_id, grid_id, status, category_id,
                   count(*) as n, count(*) filter (where closed_at is not null) as closed, count(*) filter (where due_at is not null) as dated
            from "case" group by city_id, county_id, township_id, grid_id, status, category_id)
      select p.unit_id, p.own, g.status, g.category_id, p.parent_id, p.city_id, p.county_id, p.township_id, p.unit_id,
             sum(g.n), sum(g.closed), sum(g.dated)
      from g join paths p on ${ON_PATH}
      group by p.unit_id, p.own, g.status, g.category_id, p.parent_id, p.city_id, p.county_id, p.township_id;
    insert into case_rollup_due (unit_id, own, status, category_id, due_day, parent_id, city_id, county_id, township_id, grid_id, cases)
      with ${PATHS},
      g as (select city_id, county_id, township_id, grid_id, status, category_id, ${beijingDay('due_at')} as due_day, count(*) as n
            from "case" where due_at is not null group by 1, 2, 3, 4, 5, 6, 7)
      select p.unit_id, p.own, g.status, g.category_id, g.due_day, p.parent_id, p.city_id, p.county_id, p.township_id, p.unit_id, sum(g.n)
      from g join paths p on ${ON_PATH}
      group by p.unit_id, p.own, g.status, g.category_id, g.due_day, p.parent_id, p.city_id, p.county_id, p.township_id;
    insert into case_rollup_day (unit_id, own, status, category_id, day, kind, parent_id, city_id, county_id, township_id, grid_id, cases)
      with ${PATHS},
      g as (select c.city_id, c.county_id, c.township_id, c.grid_id, c.status, c.category_id, d.day, d.kind, count(*) as n
            from "case" c cross join lateral (values (${beijingDay('c.reported_at')}, 'R'::char), (${beijingDay('c.closed_at')}, 'C'::char)) d(day, kind)
            where d.day is not null group by 1, 2, 3, 4, 5, 6, 7, 8)
      select p.unit_id, p.own, g.status, g.category_id, g.day, g.kind, p.parent_id, p.city_id, p.county_id, p.township_id, p.unit_id, sum(g.n)
      from g join paths p on ${ON_PATH}
      group by p.unit_id, p.own, g.status, g.category_id, g.day, g.kind, p.parent_id, p.city_id, p.county_id, p.township_id;
  end $$;`;

export class Migration20261209070000_rollup_rebuild_grouped extends Migration {
  override async up(): Promise<void> {
    this.addSql(REBUILD);
    this.addSql(`revoke execute on function gw_case_rollup_rebuild() from public;`);
  }

  override async down(): Promise<void> {
    // The per-case rebuild of Migration20261208030000 gives the same rows; keep this one.
  }
}
