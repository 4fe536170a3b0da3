import { Migration } from '@mikro-orm/migrations';

/**
 * A unit may read (never write) the grids above it: a township knows its county and city,
 * and routing a report up the grid (no-platform path) must read the parent's platform flag.
 * `gw.path` is set transaction-locally next to `gw.unit`, e.g. '{1,7,55}'.
 */
export class Migration20261128163000_unit_path extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function gw_unit_path() returns int[]
      language sql stable as $$ select coalesce(nullif(current_setting('gw.path', true), ''), '{}')::int[] $$;`);
    this.addSql(`create policy grid_unit_path on grid for select to gridwatch_app using (id = any(gw_unit_path()));`);
  }
}
