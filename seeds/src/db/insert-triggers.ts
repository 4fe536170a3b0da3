import { type Db, quoteIdent } from './copy';

/** A trigger dropped for a COPY, with what recreates it as it was. */
export interface DroppedTrigger {
  table: string;
  definition: string;
  name: string;
  enabled: string;
}

const ENABLE: Readonly<Record<string, string>> = { O: 'enable', D: 'disable', R: 'enable replica', A: 'enable always' };

/**
 * Drops a table's BEFORE INSERT row triggers for the COPY and returns them. PostgreSQL's COPY
 * inserts row by row, without its batched heap_multi_insert, whenever such a trigger exists,
 * even one disabled by session_replication_role (and COPY FREEZE then sets no visibility-map
 * bits). The load runs them only when `skipTriggers` holds: the shard key's (ENABLE ALWAYS)
 * fills county_key when a writer leaves it null, which the generator never does (it is part of
 * each primary key, so a null would fail the COPY); the event chain's is rebuilt and verified
 * (event-chain.ts). Inside the loading transaction: a failure restores them.
 */
export async function dropInsertTriggers(client: Db, table: string): Promise<DroppedTrigger[]> {
  const { rows } = await client.query<{ name: string; definition: string; enabled: string }>(
    `select tgname as name, pg_get_triggerdef(oid) as definition, tgenabled as enabled from pg_trigger
      where tgrelid = $1::regclass and not tgisinternal and tgparentid = 0 and tgtype & 7 = 7 order by tgname`,
    [quoteIdent(table)],
  );
  for (const t of rows) await client.query(`drop trigger ${quoteIdent(t.name)} on ${quoteIdent(table)}`);
  return rows.map((t) => ({ table, ...t }));
}

export async function restoreTriggers(client: Db, triggers: readonly DroppedTrigger[]): Promise<void> {
  for (const t of triggers) {
    await client.query(t.definition);
    if (t.enabled !== 'O') await client.query(`alter table ${quoteIdent(t.table)} ${ENABLE[t.enabled]} trigger ${quoteIdent(t.name)}`);
  }
}
