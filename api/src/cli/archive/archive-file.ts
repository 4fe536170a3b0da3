import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import * as tar from 'tar';
import { quoteIdent } from '../backup/backup-catalog';
import { BackupError, sha256File } from '../backup/backup-manifest';

export const ARCHIVE_MANIFEST = 'manifest.json';
export const ARCHIVE_ROWS = 'events.copy';

/** One chain's consecutive seqs in an archived month, with the hashes at both ends. */
export interface ArchiveRun {
  chainKey: number;
  firstSeq: string;
  lastSeq: string;
  firstPrevHash: string;
  lastHash: string;
  events: number;
}

/** An archived month of the event log: its rows as COPY text and what the verifier keeps of them. */
export interface EventArchiveManifest {
  format: 'gridwatch-event-archive';
  version: 1;
  /** The Beijing month, yyyy-mm, and its partition's name. */
  month: string;
  partition: string;
  createdAt: string;
  columns: string[];
  rows: number;
  bytes: number;
  sha256: string;
  runs: ArchiveRun[];
}

/** A chain's runs of consecutive seqs in a table of events (gaps and islands). */
export const runsOf = (table: string): string => `
  select chain_key as "chainKey", min(chain_seq)::text as "firstSeq", max(chain_seq)::text as "lastSeq",
         (array_agg(prev_hash order by chain_seq))[1] as "firstPrevHash", (array_agg(hash order by chain_seq desc))[1] as "lastHash",
         count(*)::int as events
  from (select chain_key, chain_seq, prev_hash, hash, chain_seq - row_number() over (partition by chain_key order by chain_seq) as run from ${table}) r
  group by chain_key, run order by chain_key, min(chain_seq)`;

/** The archive file: manifest and rows, one .tar.gz. */
export async function packArchive(staging: string, manifest: EventArchiveManifest, out: string): Promise<void> {
  await writeFile(path.join(staging, ARCHIVE_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  await tar.create({ gzip: true, cwd: staging, file: out, portable: true }, [ARCHIVE_MANIFEST, ARCHIVE_ROWS]);
}

/** Unpacks an archive and checks its rows against the manifest's SHA-256. */
export async function openArchive(file: string): Promise<{ dir: string; manifest: EventArchiveManifest; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gw-event-archive-'));
  const cleanup = () => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  try {
    await tar.extract({ file, cwd: dir, strict: true });
    const manifest = JSON.parse(await readFile(path.join(dir, ARCHIVE_MANIFEST), 'utf8')) as EventArchiveManifest;
    if (manifest.format !== 'gridwatch-event-archive' || manifest.version !== 1) throw new BackupError(`${file} is not an event archive (version 1)`);
    const actual = await sha256File(path.join(dir, ARCHIVE_ROWS));
    if (actual !== manifest.sha256) throw new BackupError(`${file} is corrupt: its rows hash to ${actual}, the manifest says ${manifest.sha256}`);
    return { dir, manifest, cleanup };
  } catch (error) {
    await cleanup();
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is not a readable event archive: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** COPYs the archive's rows into `table` (same columns as case_event) in the client's open transaction. */
export async function loadRows(client: Client, dir: string, manifest: EventArchiveManifest, table: string): Promise<void> {
  const copy = client.query(copyFrom(`copy ${table} (${manifest.columns.map(quoteIdent).join(', ')}) from stdin`));
  await pipeline(createReadStream(path.join(dir, ARCHIVE_ROWS)), copy);
  if (copy.rowCount !== manifest.rows) throw new BackupError(`the archive of ${manifest.month} holds ${copy.rowCount} rows, its manifest says ${manifest.rows}`);
}

/**
 * The rows in `table` are the archived month as the manifest says: each re-hashes to its own
 * hash with the chain's digest, each links to its predecessor when that is in the month too,
 * and the chains' runs are the manifest's.
 */
export async function checkRows(client: Client, table: string, manifest: EventArchiveManifest): Promise<void> {
  const { rows: [edited] } = await client.query<{ n: number }>(
    `select count(*)::int as n from ${table} x where x.hash is null or x.hash is distinct from case_event_digest(x.prev_hash, row(x.*)::case_event)`,
  );
  if (edited.n) throw new BackupError(`${edited.n} archived event(s) of ${manifest.month} do not match their hash`);
  const { rows: [unlinked] } = await client.query<{ n: number }>(
    `select count(*)::int as n from ${table} a join ${table} b on b.chain_key = a.chain_key and b.chain_seq = a.chain_seq - 1 where a.prev_hash is distinct from b.hash`,
  );
  if (unlinked.n) throw new BackupError(`${unlinked.n} archived event(s) of ${manifest.month} do not link to their predecessor`);
  const { rows: runs } = await client.query<ArchiveRun>(runsOf(table));
  if (JSON.stringify(runs) !== JSON.stringify(manifest.runs)) throw new BackupError(`the chains of the archived ${manifest.month} are not the ones its manifest records`);
}
