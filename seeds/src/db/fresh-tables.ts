import { type Db, quoteIdent } from './copy';

/**
 * Truncates the (empty) tables about to be loaded, inside the loading transaction, so each gets
 * a new file in it: PostgreSQL then writes no WAL for their COPY and index builds when the
 * server runs with wal_level = minimal (the file is synced at commit instead), and COPY FREEZE
 * may write the rows already frozen, so nothing rewrites the pages' hint bits afterwards.
 * Every table with a foreign key into one must be truncated with it: a table is left out when
 * one of those holds rows (the accounts: an api migration's assessment indicators name their
 * author). Returns the tables truncated.
 */
export async function truncateForBulkLoad(client: Db, tables: readonly string[]): Promise<Set<string>> {
  const { rows } = await client.query<{ root: string; name: string }>(
    `with recursive t(root, oid) as (
       select c.relname::text, c.oid from pg_class c where c.relnamespace = 'public'::regnamespace and c.relname = any($1::text[])
       union
       select t.root, k.conrelid from pg_constraint k join t on k.confrelid = t.oid where k.contype = 'f')
     select t.root, t.oid::regclass::text as name from t join pg_class c on c.oid = t.oid where c.relkind in ('r', 'p')`,
    [tables],
  );
  const members = [...new Set(rows.map((r) => r.name))];
  const filled = await client.query<{ name: string }>(members.map((n) => `select '${n.replace(/'/g, "''")}' as name where exists (select 1 from ${n})`).join(' union all '));
  const blocked = new Set(rows.filter((r) => filled.rows.some((f) => f.name === r.name)).map((r) => r.root));
  const truncated = new Set(rows.filter((r) => !blocked.has(r.root)).map((r) => r.name));
  if (truncated.size) await client.query(`truncate ${[...truncated].join(', ')}`);
  return new Set(tables.filter((t) => !blocked.has(t)));
}

/** Partitioned tables refuse COPY FREEZE. */
export async function freezable(client: Db, table: string): Promise<boolean> {
  const { rows } = await client.query<{ plain: boolean }>(`select relkind = 'r' as plain from pg_class where oid = $1::regclass`, [quoteIdent(table)]);
  return rows[0]?.plain ?? false;
}
