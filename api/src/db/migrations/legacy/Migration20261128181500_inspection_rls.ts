import { Migration } from '@mikro-orm/migrations';
import { rowLevelSecuritySql, tenantCondition } from '../../rls-sql';

/**
 * Inspections follow their grid like sources do. A sensitive period is written by its own
 * unit (and the units above it) and read by every unit below it too: a township must see
 * the city's straw-burning season. The inspection frequencies are city-wide configuration
 * with shipped defaults (KEY monthly, SPECIAL every two months, GENERAL quarterly).
 */
export class Migration20261128181500_inspection_rls extends Migration {
  override async up(): Promise<void> {
    rowLevelSecuritySql('inspection', tenantCondition('grid_id')).forEach((sql) => this.addSql(sql));
    rowLevelSecuritySql('sensitive_period', tenantCondition('unit_id')).forEach((sql) => this.addSql(sql));
    this.addSql(`create policy sensitive_period_below on sensitive_period for select to gridwatch_app using (unit_id = any(gw_unit_path()));`);

    this.addSql(`insert into inspection_frequency (supervision_level, every, unit) values ('KEY', 1, 'MONTH'), ('SPECIAL', 2, 'MONTH'), ('GENERAL', 3, 'MONTH');`);

    // For the patrol plans: how many times the usual patrols a grid needs on a day (1 when no
    // active period covers it). Security invoker: the caller's row-level security applies.
    this.addSql(`create or replace function gw_patrol_factor(p_grid int, p_day date) returns double precision
      language sql stable as $$
        select coalesce(max(p.patrol_factor), 1)
        from grid g
        join sensitive_period p on p.active and p_day between p.starts_on and p.ends_on
          and p.grid_ids && array[g.city_id, g.county_id, g.township_id, g.id]
        where g.id = p_grid
      $$;`);
    this.addSql(`grant execute on function gw_patrol_factor(int, date) to gridwatch_app;`);
  }
}
