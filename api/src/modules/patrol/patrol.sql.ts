/**
 * The patrol module's hand-written SQL: the grid workers' assignments and the month's plans
 * written from them, the signed-in account's grid worker, and the staffing of a unit's grids;
 * with the helpers every such statement uses. A unit's statements are bounded by subtreeSql
 * (the one subtree notion of territory.ts, written by the condition compiler) for a unit the
 * service read through the scoped ORM and checked against the caller's rules; in a request
 * they run under row-level security too, and the scheduler's monthly run (the owner's
 * connection) generates city by city. Plans take their grid's own scope columns.
 */
import { subtree } from '../../auth/territory';
import type { RequestContext } from '../../context/request-context';
import { conditionSql, SqlParams } from '../../data/sql-condition';
import type { Grid } from '../grid/grid.entity';
import type { PatrolMonth } from '../../common/month';

/** SQL bounding rows of `alias` to a unit's subtree: the one subtree notion (territory.ts), written by the condition compiler. */
export function subtreeSql(unit: Grid, alias = 'g', villageColumn = 'id'): [string, unknown] {
  const columns: Record<string, string> = { cityId: `${alias}.city_id`, countyId: `${alias}.county_id`, townshipId: `${alias}.township_id`, village: `${alias}.${villageColumn}` };
  const params = new SqlParams('?');
  const sql = conditionSql(subtree(unit.level, unit.id, 'village'), (property) => columns[property], params);
  return [sql, params.values[0]];
}

/** A Postgres array literal: knex would expand a JS array binding into a list of parameters. */
export function pgArray(values: readonly (number | null)[]): string {
  return `{${values.map((v) => (v == null ? 'NULL' : String(v))).join(',')}}`;
}

/** An active grid worker on an active grid, with the grid's scope and its rule's monthly count. */
export interface PatrolAssignment {
  grid_worker_id: number;
  grid_id: number;
  city_id: number;
  county_id: number | null;
  township_id: number | null;
  times_per_month: number;
}

/** Every assignment in the unit's subtree, by worker and grid. */
export function patrolAssignments(ctx: RequestContext, unit: Grid): Promise<PatrolAssignment[]> {
  const [where, unitId] = subtreeSql(unit);
  return ctx.em.execute<PatrolAssignment[]>(
    `select wg.grid_worker_id, g.id as grid_id, g.city_id, g.county_id, g.township_id, r.times_per_month
       from grid_worker_grid wg
       join grid_worker w on w.id = wg.grid_worker_id and w.active
       join grid g on g.id = wg.grid_id and g.active
       join patrol_rule r on r.grid_level = g.level and r.grid_kind = g.kind
      where ${where}
      order by wg.grid_worker_id, g.id`,
    [unitId],
  );
}

/** The month's plan of each assignment, inserted or updated in place; whether each row was new. */
export function savePatrolPlans(ctx: RequestContext, month: PatrolMonth, assignments: PatrolAssignment[], factorOf: (a: PatrolAssignment) => number): Promise<{ inserted: boolean }[]> {
  return ctx.em.execute<{ inserted: boolean }[]>(
    `insert into patrol_plan (city_id, county_id, township_id, grid_worker_id, grid_id, month, base_count, factor, required_count, generated_at)
     select t.city_id, t.county_id, t.township_id, t.grid_worker_id, t.grid_id, ?::date, t.base, t.factor, ceil(t.base * t.factor)::int, ?
       from unnest(?::int[], ?::int[], ?::int[], ?::int[], ?::int[], ?::int[], ?::float8[])
         as t(city_id, county_id, township_id, grid_worker_id, grid_id, base, factor)
     on conflict (grid_worker_id, grid_id, month, county_key) do update
       set base_count = excluded.base_count, factor = excluded.factor, required_count = excluded.required_count, generated_at = excluded.generated_at
     returning (xmax = 0) as inserted`,
    [
      month.firstDay,
      ctx.clock.now(),
      pgArray(assignments.map((a) => a.city_id)),
      pgArray(assignments.map((a) => a.county_id)),
      pgArray(assignments.map((a) => a.township_id)),
      pgArray(assignments.map((a) => a.grid_worker_id)),
      pgArray(assignments.map((a) => a.grid_id)),
      pgArray(assignments.map((a) => a.times_per_month)),
      pgArray(assignments.map(factorOf)),
    ],
  );
}

/** The grid worker an account stands for, if any (`[]` for no such account). */
export function accountGridWorker(ctx: RequestContext, accountId: number | null): Promise<{ grid_worker_id: number | null }[]> {
  return ctx.em.execute<{ grid_worker_id: number | null }[]>(`select grid_worker_id from account where id = ?`, [accountId]);
}

/** Officers and grid workers of each active township or village grid in the unit's subtree, by grid. */
export function gridStaffing(ctx: RequestContext, unit: Grid): Promise<{ grid_id: number; officers: number; grid_workers: number }[]> {
  const [gridWhere, unitId] = subtreeSql(unit, 'g');
  return ctx.em.execute<{ grid_id: number; officers: number; grid_workers: number }[]>(
    `select s.grid_id, s.officers, s.grid_workers
       from gw_grid_staffing(array(select g.id from grid g where ${gridWhere} and g.active and g.level in ('TOWNSHIP', 'VILLAGE'))) s
      order by s.grid_id`,
    [unitId],
  );
}
