import { Migration } from '@mikro-orm/migrations';

/**
 * The KPI rollups (Migration20261210030000_case_kpi_rollup) came after the shard keys
 * (Migration20261210020000_county_key) and declare theirs here, as that migration asks of later
 * tables: a case's KPI rows take the case's `county_key`, a unit's rollup rows the key of their
 * unit's territory (as case_rollup's). A trigger fills it (ENABLE ALWAYS, like the others), the
 * primary keys gain it, and the refresh's upserts name it in their conflict target.
 */
const TABLES = [
  { table: 'case_kpi_case', key: `coalesce((select c.county_key from "case" c where c.id = {row}.case_id), {row}.county_id, {row}.city_id)`, pk: 'case_id, from_month, in_month' },
  { table: 'case_kpi_rollup', key: 'coalesce({row}.county_id, {row}.city_id)', pk: 'unit_id, own, from_month, until_month, in_month' },
];

export class Migration20261210060000_kpi_county_key extends Migration {
  override async up(): Promise<void> {
    for (const { table, key, pk } of TABLES) {
      this.addSql(`alter table ${table} add column county_key integer;`);
      this.addSql(`update ${table} t set county_key = ${key.replaceAll('{row}', 't')};`);
      this.addSql(`alter table ${table} alter column county_key set not null;`);
      this.addSql(`create function gw_county_key_${table}() returns trigger language plpgsql as $$
        begin
          if new.county_key is null then new.county_key := ${key.replaceAll('{row}', 'new')}; end if;
          return new;
        end $$;`);
      this.addSql(`create trigger ${table}_county_key before insert on ${table} for each row execute function gw_county_key_${table}();`);
      this.addSql(`alter table ${table} enable always trigger ${table}_county_key;`);
      this.addSql(`alter table ${table} drop constraint ${table}_pkey, add constraint ${table}_pkey primary key (${pk}, county_key);`);
    }
    // The before-insert trigger has filled county_key when the conflict is checked.
    const [{ def }] = (await this.execute(`select pg_get_functiondef('gw_case_kpi_refresh(integer)'::regprocedure) as def`)) as unknown as { def: string }[];
    this.addSql(`${def.replace(/on conflict \(([^)]*)\)/g, 'on conflict ($1, county_key)')};`);
  }

  override async down(): Promise<void> {
    throw new Error('the shard keys are not undone: restore a backup taken before them');
  }
}
