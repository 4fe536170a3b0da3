import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { Clock } from '../../common/clock';
import { quoteIdent } from '../backup/backup-catalog';
import { BackupError } from '../backup/backup-manifest';
import { COPY_SESSION, copyOut } from '../backup/create-backup';
import { ARCHIVE_ROWS, checkRows, loadRows, openArchive, packArchive, runsOf, type ArchiveRun, type EventArchiveManifest } from './archive-file';

export interface ArchiveOptions {
  databaseUrl: string;
  /** yyyy-mm: every month before it is archived. */
  before: string;
  dir: string;
  clock: Clock;
}

export interface ArchivedMonth {
  month: string;
  file: string;
  rows: number;
}

/** What must not change between writing a month's file and detaching it. */
const FINGERPRINT = (table: string) =>
  `select count(*)::int as rows, count(*) filter (where hash is null)::int as unchained,
          md5(coalesce(string_agg(id::text || ':' || hash, ',' order by id), '')) as fingerprint from ${table}`;

/** The month partitions of case_event before the cut (Beijing months, oldest first). */
async function monthsBefore(client: Client, before: string): Promise<{ partition: string; month: string }[]> {
  const { rows } = await client.query<{ partition: string; month: string }>(
    `select c.relname as partition, to_char(to_date(right(c.relname, 7), 'YYYY"m"MM'), 'YYYY-MM') as month
       from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'case_event'::regclass and c.relname ~ '^case_event_y[0-9]{4}m[0-9]{2}$'
        and to_date(right(c.relname, 7), 'YYYY"m"MM') < $1::date
      order by 2`,
    [`${before}-01`],
  );
  return rows;
}

/** Writes one month's file and checks it, reading the month in one snapshot; the partition stays attached. */
async function writeMonth(client: Client, partition: string, month: string, options: ArchiveOptions): Promise<{ manifest: EventArchiveManifest; file: string; fingerprint: string }> {
  const table = `public.${quoteIdent(partition)}`;
  const staging = await mkdtemp(path.join(os.tmpdir(), 'gw-event-archive-'));
  try {
    await client.query('begin isolation level repeatable read read only');
    const { rows: [summary] } = await client.query<{ rows: number; unchained: number; fingerprint: string }>(FINGERPRINT(table));
    if (summary.unchained) throw new BackupError(`${month} has ${summary.unchained} event(s) outside the hash chain: run verify:chain first`);
    const { rows: columns } = await client.query<{ name: string }>(`select attname as name from pg_attribute where attrelid = 'case_event'::regclass and attnum > 0 and not attisdropped order by attnum`);
    const { rows: runs } = await client.query<ArchiveRun>(runsOf(table));
    const names = columns.map((c) => c.name);
    const copied = await copyOut(client, `select ${names.map(quoteIdent).join(', ')} from ${table} order by chain_key, chain_seq, id`, path.join(staging, ARCHIVE_ROWS));
    await client.query('commit');
    const manifest: EventArchiveManifest = { format: 'gridwatch-event-archive', version: 1, month, partition, createdAt: options.clock.now().toISOString(), columns: names, ...copied, runs };
    const file = path.join(options.dir, `${partition}.tar.gz`);
    await packArchive(staging, manifest, file);
    return { manifest, file, fingerprint: summary.fingerprint };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The file, read back: its checksum, and its rows re-hashed and linked in a scratch table. */
export async function verifyArchiveFile(client: Client, file: string): Promise<EventArchiveManifest> {
  const archive = await openArchive(file);
  try {
    await client.query('begin');
    await client.query('create temp table gw_archive_check (like case_event) on commit drop');
    await loadRows(client, archive.dir, archive.manifest, 'gw_archive_check');
    await checkRows(client, 'gw_archive_check', archive.manifest);
    await client.query('rollback');
    return archive.manifest;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await archive.cleanup();
  }
}

/**
 * Records the month and its chains' runs and detaches its partition in one transaction, after
 * checking (under the detach's lock) that the partition still holds exactly the rows written.
 * Not CONCURRENTLY: PostgreSQL refuses that while a DEFAULT partition exists, and the plain
 * detach changes only the catalogue (a lock_timeout keeps it from queueing behind long reads).
 */
async function detachMonth(client: Client, written: { manifest: EventArchiveManifest; file: string; fingerprint: string }, clock: Clock): Promise<void> {
  const { manifest } = written;
  const table = `public.${quoteIdent(manifest.partition)}`;
  await client.query('begin');
  try {
    await client.query(`set local lock_timeout = '10s'`);
    await client.query(`alter table case_event detach partition ${table}`);
    const { rows: [now] } = await client.query<{ rows: number; fingerprint: string }>(FINGERPRINT(table));
    if (now.rows !== manifest.rows || now.fingerprint !== written.fingerprint) throw new BackupError(`${manifest.month} changed while it was archived: run again`);
    const { rows: [archive] } = await client.query<{ id: number }>(
      `insert into case_event_archive (month, partition, file, sha256, rows, archived_at) values ($1::date, $2, $3, $4, $5, $6) returning id`,
      [`${manifest.month}-01`, manifest.partition, written.file, manifest.sha256, manifest.rows, clock.now()],
    );
    for (const run of manifest.runs) {
      await client.query(
        // Scoped like a checkpoint of the chain's county (Migration20261210050000); chain 0 is the first city's.
        `insert into case_event_archive_run (archive_id, chain_key, first_seq, last_seq, first_prev_hash, last_hash, events, city_id, county_id, grid_id)
         select $1, $2, $3, $4, $5, $6, $7, coalesce(g.city_id, c.id), g.id, coalesce(g.id, c.id)
         from (select id from grid where level = 'CITY' order by id limit 1) c left join grid g on g.id = $2`,
        [archive.id, run.chainKey, run.firstSeq, run.lastSeq, run.firstPrevHash, run.lastHash, run.events],
      );
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

/**
 * `pnpm events:archive --before yyyy-mm`: each month partition before the cut, oldest first,
 * written to `<dir>/<partition>.tar.gz` (COPY text + manifest with SHA-256 and the chains'
 * runs), the file verified, the partition detached and recorded, then dropped.
 */
export async function archiveEvents(options: ArchiveOptions): Promise<ArchivedMonth[]> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(options.before)) throw new BackupError(`--before takes a month as yyyy-mm, not "${options.before}"`);
  await mkdir(options.dir, { recursive: true });
  const client = new Client(options.databaseUrl);
  await client.connect();
  const archived: ArchivedMonth[] = [];
  try {
    await client.query(COPY_SESSION);
    // Rows of the months to archive that wait in DEFAULT get their partition first.
    await client.query(`select gw_case_event_maintain(gw_beijing_month_start($1::date), gw_beijing_month_start($1::date))`, [`${options.before}-01`]);
    for (const { partition, month } of await monthsBefore(client, options.before)) {
      const written = await writeMonth(client, partition, month, options);
      await verifyArchiveFile(client, written.file);
      await detachMonth(client, written, options.clock);
      await client.query(`drop table public.${quoteIdent(partition)}`);
      archived.push({ month, file: written.file, rows: written.manifest.rows });
    }
    return archived;
  } finally {
    await client.end();
  }
}

/**
 * `pnpm events:archive --restore <file>`: the archived month back as a partition (checked
 * as when it was written), so the full chain verifies from its first event again.
 */
export async function restoreEventArchive(options: { databaseUrl: string; file: string; clock: Clock }): Promise<EventArchiveManifest> {
  const archive = await openArchive(options.file);
  const client = new Client(options.databaseUrl);
  await client.connect();
  try {
    await client.query(COPY_SESSION);
    const { manifest } = archive;
    const { rows: [record] } = await client.query<{ id: number }>(`select id from case_event_archive where month = $1::date and restored_at is null and sha256 = $2`, [`${manifest.month}-01`, manifest.sha256]);
    if (!record) throw new BackupError(`no archived ${manifest.month} with this file's SHA-256 (${manifest.sha256}) is waiting to be restored`);
    const table = `public.${quoteIdent(manifest.partition)}`;
    await client.query('begin');
    try {
      await client.query(`create table ${table} (like case_event including defaults)`);
      await loadRows(client, archive.dir, manifest, table);
      await checkRows(client, table, manifest);
      const { rows: [range] } = await client.query<{ from: string; to: string }>(
        `select gw_beijing_month_start($1::date)::text as from, gw_beijing_month_start(($1::date + interval '1 month')::date)::text as to`,
        [`${manifest.month}-01`],
      );
      await client.query(`alter table case_event attach partition ${table} for values from ('${range.from}') to ('${range.to}')`);
      await client.query(`select gw_case_event_secure_partition($1::regclass)`, [table]);
      await client.query(`update case_event_archive set restored_at = $2 where id = $1`, [record.id, options.clock.now()]);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    }
    return manifest;
  } finally {
    await client.end();
    await archive.cleanup();
  }
}
