import { type Db, quoteIdent } from './copy';

/**
 * Drops a table's indexes that back no constraint (scope, composite and trigram indexes) and
 * returns their definitions. Building them once after a bulk COPY is several times cheaper
 * than maintaining them row by row; primary keys and unique constraints stay, so the data is
 * still checked as it arrives. Run inside the loading transaction, so a failure restores them.
 */
export async function dropSecondaryIndexes(client: Db, table: string): Promise<string[]> {
  const result = await client.query<{ name: string; definition: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i
      where i.indrelid = $1::regclass
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
      order by 1`,
    [quoteIdent(table)],
  );
  for (const row of result.rows) await client.query(`drop index ${row.name}`);
  return result.rows.map((r) => r.definition);
}

export async function recreateIndexes(client: Db, definitions: readonly string[]): Promise<void> {
  // A partitioned table's index is defined "ON ONLY" the parent: run as is, it stays invalid and
  // no partition gets one (case_event's lookups by case then scanned every month).
  for (const definition of definitions) await client.query(definition.replace(/ ON ONLY /, ' ON '));
}
