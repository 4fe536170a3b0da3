import { Migration } from '@mikro-orm/migrations';
import { rowLevelSecuritySql, tenantCondition } from '../../rls-sql';

/**
 * Plans, patrols and tasks under row-level security: patrol plans, check-ins and tasks by
 * their grid, enforcement plans by their unit, which the units below may also read (a
 * township sees the county's plan). The patrol rule is city-wide configuration.
 *
 * `gw_grid_staffing` counts the officers and grid workers on grids, for the coverage query.
 *
 * `patrol_plan_progress` is the one definition of a plan's progress, read by the API and
 * the KPI engine alike: patrols counted as distinct Beijing days with a check-in inside the
 * grid (or on a grid without boundary) by that worker in that month.
 */
export class Migration20261128181000_plans_rls extends Migration {
  override async up(): Promise<void> {
    for (const table of ['patrol_plan', 'patrol_check_in', 'work_task']) {
      rowLevelSecuritySql(table, tenantCondition('grid_id')).forEach((sql) => this.addSql(sql));
    }
    rowLevelSecuritySql('enforcement_plan', tenantCondition('unit_id')).forEach((sql) => this.addSql(sql));
    this.addSql(`create policy enforcement_plan_unit_path on enforcement_plan for select to gridwatch_app using (unit_id = any(gw_unit_path()));`);
    this.addSql(`create view patrol_plan_progress with (security_invoker = true) as
      select p.id as patrol_plan_id, p.city_id, p.county_id, p.township_id, p.grid_worker_id, p.grid_id, p.month,
             p.required_count,
             (select count(distinct ((c.at at time zone 'UTC') + interval '8 hours')::date)
                from patrol_check_in c
               where c.grid_worker_id = p.grid_worker_id and c.grid_id = p.grid_id and not c.outside_boundary
                 and c.at >= ((p.month::timestamp - interval '8 hours') at time zone 'UTC')
                 and c.at < (((p.month + interval '1 month')::timestamp - interval '8 hours') at time zone 'UTC'))::int as done_count
        from patrol_plan p;`);
    this.addSql(`grant select on patrol_plan_progress to gridwatch_app;`);
    // Coverage counts who staffs a grid, even people the caller may not see (a county
    // officer on a township's grid): counts only, for grids the caller passes in.
    this.addSql(`create or replace function gw_grid_staffing(p_grid_ids int[]) returns table(grid_id int, officers int, grid_workers int)
      language sql stable security definer set search_path = public as $$
        select g.id,
               (select count(distinct o.id) from officer_grid og join officer o on o.id = og.officer_id and o.active
                 where og.grid_id = g.id or og.grid_id = g.township_id)::int,
               (select count(distinct w.id) from grid_worker_grid wg join grid_worker w on w.id = wg.grid_worker_id and w.active
                 where wg.grid_id = g.id)::int
        from grid g where g.id = any(p_grid_ids)
      $$;`);
    this.addSql(`revoke all on function gw_grid_staffing(int[]) from public;`);
    this.addSql(`grant execute on function gw_grid_staffing(int[]) to gridwatch_app;`);
  }
}
