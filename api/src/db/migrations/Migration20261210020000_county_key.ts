import { Migration } from '@mikro-orm/migrations';

/**
 * Every table that grows with the cases gets a shard key, `county_key`, so the schema can be
 * distributed by county with Citus (docs/scaling.md; the manifest is db/distribution.ts and
 * db/__tests__/distribution.e2e.spec.ts holds the catalogue to it):
 *
 * - `county_key` is the county of the row's territory, or its city for a city-level row. A row
 *   that belongs to another distributed row takes that row's key (an event its case's, a
 *   delivery its message's), so related rows always share a shard. It is set once, on insert
 *   (a trigger fills it when the writer does not), and never follows a grid move: a moved case
 *   keeps its shard, and its scope columns, which row-level security reads, move as before.
 * - Primary keys and unique constraints and indexes gain it (last, so lookups by id use them
 *   as before); foreign keys between distributed tables carry it: (case_id, county_key)
 *   references "case" (id, county_key).
 * - The triggers are ENABLE ALWAYS: the bulk loads run with session_replication_role = replica
 *   and still get the column filled (they pass it themselves where it is hot).
 *
 * The table list is fixed here, as it stood at this migration; later tables declare their key themselves.
 */
const DISTRIBUTED: readonly { table: string; parents: readonly [column: string, parent: string][] }[] = [
  { table: 'pollution_source', parents: [] },
  { table: 'pollution_source_change', parents: [['source_id', 'pollution_source']] },
  { table: 'discharge_outlet', parents: [['source_id', 'pollution_source']] },
  { table: 'inspection', parents: [['source_id', 'pollution_source']] },
  { table: 'inspection_photo', parents: [['inspection_id', 'inspection']] },
  { table: 'case', parents: [['source_id', 'pollution_source'], ['duplicate_of_id', 'case']] },
  { table: 'case_event', parents: [['case_id', 'case']] },
  { table: 'case_evidence', parents: [['case_id', 'case']] },
  { table: 'case_assignment', parents: [['case_id', 'case']] },
  { table: 'audit', parents: [] },
  { table: 'audit_recommendation', parents: [['audit_id', 'audit']] },
  { table: 'audit_sample', parents: [['audit_id', 'audit']] },
  { table: 'work_task', parents: [['parent_id', 'work_task']] },
  {
    table: 'case_alert',
    parents: [
      ['case_id', 'case'],
      ['assignment_id', 'case_assignment'],
      ['task_id', 'work_task'],
      ['recommendation_id', 'audit_recommendation'],
    ],
  },
  { table: 'alert_read', parents: [['alert_id', 'case_alert']] },
  { table: 'spot_check_item', parents: [['case_id', 'case'], ['source_id', 'pollution_source']] },
  { table: 'webhook_message', parents: [] },
  { table: 'webhook_delivery', parents: [['message_id', 'webhook_message']] },
  { table: 'patrol_plan', parents: [] },
  { table: 'patrol_check_in', parents: [] },
  { table: 'owner_alert', parents: [] },
  { table: 'chain_checkpoint', parents: [] },
  { table: 'case_rollup', parents: [] },
  { table: 'case_rollup_day', parents: [] },
  { table: 'case_rollup_due', parents: [] },
];

/** Tables without scope columns of their own: the key comes from the parent alone. */
const NO_SCOPE = new Set(['pollution_source_change', 'alert_read']);

const q = (name: string) => `"${name}"`;

/** The key of a new row: the writer's, else its first parent's, else its own territory's. */
function keyExpression(table: string, parents: readonly [string, string][], row: string): string {
  const fromParents = parents.map(([column, parent]) => `(select p.county_key from ${q(parent)} p where p.id = ${row}.${column})`);
  return `coalesce(${[...fromParents, ...(NO_SCOPE.has(table) ? [] : [`${row}.county_id`, `${row}.city_id`])].join(', ')})`;
}

interface Constraint {
  table: string;
  name: string;
  kind: 'p' | 'u' | 'f';
  def: string;
}

export class Migration20261210020000_county_key extends Migration {
  override async up(): Promise<void> {
    const tables = DISTRIBUTED.map((d) => d.table);
    const list = tables.map((t) => `'${t}'`).join(', ');

    // 1. The column, filled for the rows there are (parents first: the list is in that order).
    for (const { table, parents } of DISTRIBUTED) {
      this.addSql(`alter table ${q(table)} add column county_key integer;`);
      // Filling a column is no change of the row: not for the append-only guard, the outbox or the rollups.
      this.addSql(`alter table ${q(table)} disable trigger user;`);
      this.addSql(`update ${q(table)} t set county_key = ${keyExpression(table, parents, 't')};`);
      this.addSql(`alter table ${q(table)} enable trigger user;`);
      this.addSql(`alter table ${q(table)} alter column county_key set not null;`);
      this.addSql(`create function gw_county_key_${table}() returns trigger language plpgsql as $$
        begin
          if new.county_key is null then new.county_key := ${keyExpression(table, parents, 'new')}; end if;
          return new;
        end $$;`);
      this.addSql(`create trigger ${table}_county_key before insert on ${q(table)} for each row execute function gw_county_key_${table}();`);
      this.addSql(`alter table ${q(table)} enable always trigger ${table}_county_key;`);
    }

    // 2. Keys: the foreign keys between distributed tables go first (they hang on the primary keys).
    const constraints = (await this.execute(`select c.conrelid::regclass::text as "table", c.conname as name, c.contype as kind, pg_get_constraintdef(c.oid) as def
      from pg_constraint c join pg_class r on r.oid = c.conrelid
      where r.relnamespace = 'public'::regnamespace and not r.relispartition and c.contype in ('p', 'u', 'f')
        and trim(both '"' from c.conrelid::regclass::text) in (${list})
        and (c.contype <> 'f' or trim(both '"' from c.confrelid::regclass::text) in (${list}))
      order by c.contype desc, 1, 2`)) as unknown as Constraint[];
    const foreign = constraints.filter((c) => c.kind === 'f');
    for (const fk of foreign) this.addSql(`alter table ${fk.table} drop constraint ${q(fk.name)};`);
    for (const key of constraints.filter((c) => c.kind !== 'f')) {
      const columns = /\(([^)]*)\)/.exec(key.def)?.[1];
      const kind = key.kind === 'p' ? 'primary key' : 'unique';
      this.addSql(`alter table ${key.table} drop constraint ${q(key.name)}, add constraint ${q(key.name)} ${kind} (${columns}, county_key);`);
    }
    // Unique indexes that are not constraints (partial ones, the arbiters of on conflict).
    const indexes = (await this.execute(`select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
      from pg_index i join pg_class r on r.oid = i.indrelid
      where r.relnamespace = 'public'::regnamespace and not r.relispartition and i.indisunique
        and trim(both '"' from r.relname) in (${list})
        and not exists (select from pg_constraint c where c.conindid = i.indexrelid)`)) as unknown as { name: string; def: string }[];
    for (const index of indexes) {
      this.addSql(`drop index ${index.name};`);
      this.addSql(`${index.def.replace(/USING btree \(([^)]*)\)/, 'USING btree ($1, county_key)')};`);
    }
    for (const fk of foreign) {
      const [, columns, parent, rest] = /^FOREIGN KEY \(([^)]*)\) REFERENCES (\S+)\(id\)(.*)$/.exec(fk.def) ?? [];
      if (!columns) throw new Error(`unexpected foreign key ${fk.name}: ${fk.def}`);
      // SET NULL clears the reference only: the row's own key stays.
      const actions = rest.replace('ON DELETE SET NULL', `ON DELETE SET NULL (${columns})`);
      this.addSql(`alter table ${fk.table} add constraint ${q(fk.name)} foreign key (${columns}, county_key) references ${parent}(id, county_key)${actions};`);
    }

    // 3. The writers that name a unique key in on conflict: the rollups (kept by a trigger on "case").
    for (const fn of ['gw_case_rollup_apply("case", integer)']) {
      const [{ def }] = (await this.execute(`select pg_get_functiondef('${fn}'::regprocedure) as def`)) as unknown as { def: string }[];
      this.addSql(`${def.replace(/on conflict \(([^)]*)\)/g, 'on conflict ($1, county_key)')};`);
    }
    // A webhook message carries the row as the API wrote it: the shard key is not part of it.
    this.addSql(`create or replace function gw_outbox_row() returns trigger
      language plpgsql security definer set search_path = public, pg_temp as $$
      declare v_row jsonb := to_jsonb(new) - 'county_key';
      begin
        perform gw_webhook_outbox((select relname from pg_class where oid = coalesce(pg_partition_root(tg_relid), tg_relid)),
          tg_argv[0] || '.' || coalesce(lower(v_row->>tg_argv[1]), 'event'), v_row);
        return null;
      end $$;`);
  }

  override async down(): Promise<void> {
    throw new Error('the shard keys are not undone: restore a backup taken before them');
  }
}
