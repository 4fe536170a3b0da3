import { Migration } from '@mikro-orm/migrations';
import { levelPoliciesSql, TENANT_ROLES } from '../rls-sql';

/**
 * The archived runs of the event log readable through the API (`archivedEventRuns`), so a third
 * party verifying a county's chain from the API alone (verify:chain --url) can link the events
 * that remain to the months archived before them. A run is the county's: it gets the scope
 * columns of a county-level row, as chain_checkpoint has them, and the level policies; the
 * city-level chain (key 0) belongs to the first city, like the events it covers.
 */
export class Migration20261210050000_archive_runs_readable extends Migration {
  override async up(): Promise<void> {
    const table = 'case_event_archive_run';
    this.addSql(`alter table ${table} add column city_id int references grid (id), add column county_id int references grid (id),
      add column township_id int references grid (id), add column grid_id int references grid (id);`);
    this.addSql(`update ${table} r set city_id = g.city_id, county_id = g.id, grid_id = g.id from grid g where g.id = r.chain_key;`);
    this.addSql(`update ${table} set city_id = c.id, grid_id = c.id from (select id from grid where level = 'CITY' order by id limit 1) c where chain_key = 0;`);
    this.addSql(`alter table ${table} alter column city_id set not null, alter column grid_id set not null;`);
    this.addSql(`create index ${table}_county_id_index on ${table} (county_id);`);
    levelPoliciesSql(table, 'grid_id').forEach((sql) => this.addSql(sql));
    this.addSql(`grant select on ${table} to ${TENANT_ROLES.join(', ')};`);
    // Which months are archived and whether restored, not where their files are (path, checksum stay the operator's).
    this.addSql(`grant select (id, month, restored_at) on case_event_archive to ${TENANT_ROLES.join(', ')};`);
  }

  override async down(): Promise<void> {
    this.addSql(`revoke select on case_event_archive_run from ${TENANT_ROLES.join(', ')};`);
    this.addSql(`revoke select (id, month, restored_at) on case_event_archive from ${TENANT_ROLES.join(', ')};`);
    this.addSql(`alter table case_event_archive_run disable row level security;`);
    this.addSql(`alter table case_event_archive_run drop column city_id, drop column county_id, drop column township_id, drop column grid_id;`);
  }
}
