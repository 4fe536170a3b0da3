import type { EntityManager } from '@mikro-orm/postgresql';

/** Raw SQL of the chain module (tenant tables are named only in *.sql.ts files). */

export async function readSecret(em: EntityManager, name: string): Promise<string | null> {
  const [row] = await em.execute<{ value: string }[]>(`select value from server_secret where name = ?`, [name]);
  return row?.value ?? null;
}

/** Two replicas generating at once: the first insert wins, both then read it. */
export async function keepSecret(em: EntityManager, name: string, value: string): Promise<void> {
  await em.execute(`insert into server_secret (name, value) values (?, ?) on conflict (name) do nothing`, [name, value]);
}

export async function publishKey(em: EntityManager, keyId: string, publicKey: string): Promise<void> {
  await em.execute(`insert into chain_signing_key (key_id, algorithm, public_key) values (?, 'Ed25519', ?) on conflict (key_id) do nothing`, [keyId, publicKey]);
}

export interface ChainHead {
  county_id: number;
  city_id: number;
  code: string;
  name: string;
  seq: string;
  hash: string;
}

/** Every county's chain head (the scheduler's owner login: all counties). */
export function countyHeads(em: EntityManager): Promise<ChainHead[]> {
  return em.execute<ChainHead[]>(
    `select g.id as county_id, g.city_id, g.code, g.name, h.seq::text as seq, h.hash
     from case_event_chain h join grid g on g.id = h.chain_key
     where g.level = 'COUNTY' and h.seq > 0 order by g.id`,
  );
}

export interface CheckpointRow {
  cityId: number;
  countyId: number;
  day: string;
  seq: number;
  headHash: string;
  keyId: string;
  payload: string;
  signature: string;
  signedAt: Date;
}

/** One checkpoint per county and head: a head already signed is not signed again. */
export async function insertCheckpoint(em: EntityManager, row: CheckpointRow): Promise<boolean> {
  const result = await em.execute<{ id: number }[]>(
    `insert into chain_checkpoint (city_id, county_id, township_id, grid_id, day, seq, head_hash, key_id, payload, signature, signed_at)
     values (?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (county_id, seq, county_key) do nothing returning id`,
    [row.cityId, row.countyId, row.countyId, row.day, row.seq, row.headHash, row.keyId, row.payload, row.signature, row.signedAt],
  );
  return result.length > 0;
}

/** The exact text each event's hash is the SHA-256 of, under the caller's row-level security. */
export function digestTexts(em: EntityManager, ids: readonly number[]): Promise<{ id: string; text: string | null }[]> {
  return em.execute<{ id: string; text: string | null }[]>(
    `select e.id::text as id, case when e.hash is null then null else case_event_digest_text(e.prev_hash, e) end as text
     from case_event e where e.id = any(?::bigint[])`,
    [`{${ids.join(',')}}`],
  );
}

export async function requestCheckpointJob(em: EntityManager): Promise<boolean> {
  const [row] = await em.execute<{ queued: boolean }[]>(`select gw_request_chain_checkpoints() as queued`);
  return row.queued;
}

export interface ArchivedRunRow {
  chain_key: number;
  county_id: number | null;
  month: string;
  first_seq: string;
  last_seq: string;
  first_prev_hash: string;
  last_hash: string;
  events: string;
}

/** The runs of the months archived and not restored, under the caller's row-level security (a county's are its checkpoints' readers'). */
export function archivedRuns(em: EntityManager, countyId: number | null): Promise<ArchivedRunRow[]> {
  return em.execute<ArchivedRunRow[]>(
    `select r.chain_key, r.county_id, to_char(a.month, 'YYYY-MM') as month, r.first_seq::text, r.last_seq::text, r.first_prev_hash, r.last_hash, r.events::text
     from case_event_archive_run r join case_event_archive a on a.id = r.archive_id
     where a.restored_at is null and (?::int is null or r.county_id = ?::int)
     order by r.chain_key, r.first_seq`,
    [countyId, countyId],
  );
}
