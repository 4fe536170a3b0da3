import { Migration } from '@mikro-orm/migrations';

// Each dropped index, with the longer one that leads with its column and serves its lookups.
const PREFIXES: ReadonlyArray<[table: string, column: string]> = [
  ['case', 'city_id'], // case_city_id_reported_at_id_index
  ['case', 'county_id'], // case_county_id_due_at_id_index
  ['case_event', 'county_id'], // case_event_county_id_at_index
  ['case_alert', 'city_id'], // case_alert_city_id_at_index
  ['case_alert', 'county_id'], // case_alert_county_id_at_index
  ['case_alert', 'township_id'], // case_alert_township_id_at_index
];

/**
 * Drops the single-column scope indexes (ScopedEntity's `index: true`) of the tables where a
 * composite index already leads with the same column: each was written on every insert and
 * built by every bulk load (the province's cases and events: about 10 s of the load's CPU)
 * for lookups the longer index answers as well. The entities no longer declare them.
 */
export class Migration20261211000000_scope_prefix_indexes extends Migration {
  override async up(): Promise<void> {
    for (const [table, column] of PREFIXES) this.addSql(`drop index if exists "${table}_${column}_index";`);
  }

  override async down(): Promise<void> {
    for (const [table, column] of PREFIXES) this.addSql(`create index if not exists "${table}_${column}_index" on "${table}" ("${column}");`);
  }
}
