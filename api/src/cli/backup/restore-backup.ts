import { createReadStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import * as tar from 'tar';
import { migrateDatabase, migrationChain } from '../../db/migration-chain';
import { quoteIdent } from './backup-catalog';
import { BackupError, checkFiles, evidencePath, readManifest, sha256File, type BackupManifest } from './backup-manifest';
import { COPY_SESSION } from './create-backup';
import { verifyRestore, type RestoreVerification } from './verify-restore';

export interface RestoreOptions {
  /** A .tar.gz written by createBackup, or the directory it was unpacked into. */
  backup: string;
  databaseUrl: string;
  evidenceDir: string;
  /** Replace a target database that already has tables (its public schema is dropped). */
  force?: boolean;
}

export interface RestoreReport extends RestoreVerification {
  manifest: BackupManifest;
  /** Migrations newer than the backup, applied after loading it. */
  upgraded: string[];
}

const withoutExtension = (name: string): string => name.replace(/\.(ts|js)$/, '');

async function unpack(backup: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const info = await stat(backup).catch(() => null);
  if (!info) throw new BackupError(`no backup at ${backup}`);
  if (info.isDirectory()) return { dir: backup, cleanup: async () => undefined };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gw-restore-'));
  try {
    await tar.extract({ file: backup, cwd: dir, strict: true });
  } catch (error) {
    // tar may still be finishing a file when it rejects: retry the cleanup, never mask the cause.
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }).catch(() => undefined);
    throw new BackupError(`${backup} is not a readable backup archive: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Refuses a target with tables unless forced; forced, its public schema starts over as in a new database. */
async function prepareTarget(client: Client, force: boolean): Promise<void> {
  const { rows: [{ n }] } = await client.query<{ n: number }>(`select count(*)::int as n from pg_class c join pg_namespace s on s.oid = c.relnamespace where s.nspname = 'public' and c.relkind in ('r', 'p')`);
  if (!n) return;
  if (!force) throw new BackupError(`the target database is not empty (${n} tables): restore into a new database, or pass --force to replace this one`);
  await client.query('drop schema public cascade; create schema public authorization pg_database_owner; grant usage on schema public to public');
}

/**
 * The backup's migrations must be the start of a path this version knows (the legacy chain,
 * or a baseline and what follows it), checked before a forced target is dropped.
 */
function checkMigrations(manifest: BackupManifest): void {
  let known: string[] = [];
  try {
    // The path starts where the backup's history starts; the first name it lacks is reported below.
    known = migrationChain(manifest.migrations.slice(0, 1)).map((m) => m.name);
  } catch {
    // even its first migration is unknown
  }
  const unknown = manifest.migrations.find((name, i) => known[i] !== name);
  if (unknown) throw new BackupError(`the backup's migration ${unknown} is not this version's: restore with the version that took the backup (app ${manifest.app})`);
}

/** Builds the schema the backup was taken on: exactly its migrations, along its path. */
async function migrateTo(url: string, manifest: BackupManifest): Promise<void> {
  if (!manifest.migrations.length) return;
  await migrateDatabase(url, { history: manifest.migrations, to: manifest.migrations[manifest.migrations.length - 1] });
}

/** This version's migrations newer than the backup, run on the restored data. */
async function migrateRest(url: string): Promise<string[]> {
  return (await migrateDatabase(url)).map(withoutExtension);
}

/**
 * Loads the rows as they were, in one transaction: triggers off (session_replication_role =
 * replica), so the case-event chain trigger does not recompute hashes and foreign keys are
 * not re-checked mid-load; rows written by migrations are replaced; sequences set exactly.
 */
async function load(client: Client, dir: string, manifest: BackupManifest): Promise<void> {
  await client.query(COPY_SESSION);
  await client.query('begin');
  try {
    await client.query('set local session_replication_role = replica').catch((error: Error) => {
      throw new BackupError(`restoring needs a superuser connection (to load rows with triggers off): ${error.message}`);
    });
    // Each month partition the event log had, so its rows land in their month rather than DEFAULT.
    for (const month of manifest.eventMonths ?? []) await client.query(`select gw_case_event_ensure_month($1::date, 'case_event')`, [`${month}-01`]);
    await client.query(`truncate ${manifest.tables.map((t) => `public.${quoteIdent(t.name)}`).join(', ')}`);
    for (const table of manifest.tables) {
      const copy = client.query(copyFrom(`copy public.${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(', ')}) from stdin`));
      await pipeline(createReadStream(path.join(dir, table.file)), copy).catch((error: Error) => {
        throw new BackupError(`loading ${table.file} into ${table.name} failed: ${error.message}`);
      });
      if (copy.rowCount !== table.rows) throw new BackupError(`${table.file}: loaded ${copy.rowCount} rows, the manifest says ${table.rows}`);
    }
    for (const s of manifest.sequences) await client.query(`select setval($1::regclass, $2::bigint, $3)`, [`public.${quoteIdent(s.name)}`, s.lastValue, s.isCalled]);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/** Puts the stored files back under their content address (an existing file is kept only when its bytes match). */
async function restoreEvidence(dir: string, manifest: BackupManifest, evidenceDir: string): Promise<void> {
  for (const e of manifest.evidence) {
    const target = path.join(evidenceDir, evidencePath(e.sha256));
    if ((await sha256File(target).catch(() => null)) === e.sha256) continue;
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(path.join(dir, e.file), target);
  }
}

/**
 * `pnpm restore`: every checksum is checked before the target is touched; then the schema is
 * migrated to the backup's state, the rows and files loaded, later migrations applied, and the
 * hash chains and stored-file hashes verified on the result.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreReport> {
  const { dir, cleanup } = await unpack(options.backup);
  try {
    const manifest = await readManifest(dir);
    await checkFiles(dir, manifest);
    checkMigrations(manifest);
    const client = new Client(options.databaseUrl);
    await client.connect();
    try {
      await prepareTarget(client, options.force ?? false);
      await migrateTo(options.databaseUrl, manifest);
      await load(client, dir, manifest);
    } finally {
      await client.end();
    }
    await restoreEvidence(dir, manifest, options.evidenceDir);
    const upgraded = await migrateRest(options.databaseUrl);
    return { manifest, upgraded, ...(await verifyRestore(options.databaseUrl, options.evidenceDir)) };
  } finally {
    await cleanup();
  }
}
