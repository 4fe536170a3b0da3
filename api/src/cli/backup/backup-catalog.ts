import type { Client } from 'pg';

/** A table of the public schema as the backup copies it: the columns COPY may write (no generated ones). */
export interface CatalogTable {
  name: string;
  columns: string[];
}

export interface SequenceState {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

/** The migration log: written by the migrator on restore, so never copied as data. */
export const MIGRATION_TABLE = 'mikro_orm_migrations';

export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * Every table of the public schema (partitions through their parent) in foreign-key order:
 * a table after those it references, so a restore could load them with checks on. Cycles
 * (none today) fall back to name order after the rest.
 */
export async function catalogTables(client: Client): Promise<CatalogTable[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(`
    select c.relname as name, array_agg(a.attname::text order by a.attnum) as columns
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
     where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
     group by c.relname
     order by c.relname`);
  const { rows: edges } = await client.query<{ child: string; parent: string }>(`
    select distinct c.relname as child, p.relname as parent
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_class p on p.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace
     where k.contype = 'f' and n.nspname = 'public' and c.oid <> p.oid`);
  const pending = new Map(rows.map((t) => [t.name, new Set(edges.filter((e) => e.child === t.name).map((e) => e.parent))]));
  const ordered: CatalogTable[] = [];
  while (pending.size) {
    const ready = [...pending].filter(([, parents]) => [...parents].every((p) => !pending.has(p))).map(([name]) => name);
    const next = ready.length ? ready : [...pending.keys()];
    for (const name of next) {
      pending.delete(name);
      ordered.push(rows.find((t) => t.name === name)!);
    }
  }
  return ordered.map((t) => ({ name: t.name, columns: t.columns }));
}

/** Every sequence of the public schema with its exact state (setval restores both parts). */
export async function sequenceStates(client: Client): Promise<SequenceState[]> {
  const { rows } = await client.query<{ name: string }>(`select sequencename as name from pg_sequences where schemaname = 'public' order by 1`);
  const states: SequenceState[] = [];
  for (const { name } of rows) {
    const { rows: [state] } = await client.query<{ last_value: string; is_called: boolean }>(`select last_value::text, is_called from public.${quoteIdent(name)}`);
    states.push({ name, lastValue: state.last_value, isCalled: state.is_called });
  }
  return states;
}

/** The applied migrations, oldest first. */
export async function appliedMigrations(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`select name from public.${MIGRATION_TABLE} order by id`);
  return rows.map((r) => r.name);
}

/** The tables that point at stored files (evidence, inspection and check-in photos): every one with a `sha256` column. */
export async function storedFileTables(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`select table_name as name from information_schema.columns where table_schema = 'public' and column_name = 'sha256' order by 1`);
  return rows.map((r) => r.name);
}

/** The distinct SHA-256 of every stored file the rows name. */
export async function storedFileHashes(client: Client): Promise<string[]> {
  const tables = await storedFileTables(client);
  if (!tables.length) return [];
  const union = tables.map((t) => `select sha256 from public.${quoteIdent(t)} where sha256 is not null`).join(' union ');
  const { rows } = await client.query<{ sha256: string }>(`${union} order by 1`);
  return rows.map((r) => r.sha256);
}

/** The event log's month partitions (yyyy-mm): the backup copies rows through the parent, the restore makes the months first. */
export async function eventMonths(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ month: string }>(
    `select to_char(to_date(right(c.relname, 7), 'YYYY"m"MM'), 'YYYY-MM') as month
       from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = to_regclass('public.case_event') and c.relname ~ '^case_event_y[0-9]{4}m[0-9]{2}$'
      order by 1`,
  );
  return rows.map((r) => r.month);
}
