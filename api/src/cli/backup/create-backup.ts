import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import * as tar from 'tar';
import type { Clock } from '../../common/clock';
import { repoRoot } from '../../config';
import { appliedMigrations, catalogTables, eventMonths, quoteIdent, sequenceStates, storedFileHashes } from './backup-catalog';
import { BackupError, evidencePath, MANIFEST_FILE, type BackupManifest } from './backup-manifest';

/** The session settings both sides use, so COPY text reads back exactly what it wrote (pg_dump sets the same). */
export const COPY_SESSION = `set timezone = 'UTC'; set datestyle = 'ISO, YMD'; set intervalstyle = 'postgres'; set extra_float_digits = 3; set client_encoding = 'UTF8'`;

export interface BackupOptions {
  databaseUrl: string;
  evidenceDir: string;
  /** The archive to write (.tar.gz). */
  out: string;
  clock: Clock;
}

/** The rows of a query as COPY text in a file, hashed on the way (the event archive writes its months with it too). */
export async function copyOut(client: Client, select: string, file: string): Promise<{ rows: number; bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const copy = client.query(copyTo(`copy (${select}) to stdout`));
  await pipeline(copy, hashing, createWriteStream(file));
  return { rows: copy.rowCount, bytes: (await stat(file)).size, sha256: hash.digest('hex') };
}

const copyTable = (client: Client, table: { name: string; columns: string[] }, file: string) =>
  copyOut(client, `select ${table.columns.map(quoteIdent).join(', ')} from public.${quoteIdent(table.name)}`, file);

/**
 * A logical backup in one consistent snapshot: every public table as COPY text, the applied
 * migrations and sequence states, and every stored file the rows name (checked against its
 * SHA-256 on the way in), with a manifest, packed as one .tar.gz.
 */
export async function createBackup(options: BackupOptions): Promise<BackupManifest> {
  const staging = await mkdtemp(path.join(os.tmpdir(), 'gw-backup-'));
  const client = new Client(options.databaseUrl);
  await client.connect();
  try {
    await client.query(COPY_SESSION);
    await client.query('begin isolation level repeatable read read only');
    const { rows: [server] } = await client.query<{ server_version: string }>('show server_version');
    const migrations = await appliedMigrations(client);
    const sequences = await sequenceStates(client);
    const months = await eventMonths(client);
    await mkdir(path.join(staging, 'tables'));
    const tables: BackupManifest['tables'] = [];
    for (const table of await catalogTables(client)) {
      const file = `tables/${table.name}.copy`;
      tables.push({ name: table.name, columns: table.columns, file, ...(await copyTable(client, table, path.join(staging, file))) });
    }
    const evidence: BackupManifest['evidence'] = [];
    for (const sha256 of await storedFileHashes(client)) {
      const source = path.join(options.evidenceDir, evidencePath(sha256));
      const bytes = await readFile(source).catch(() => null);
      if (!bytes) throw new BackupError(`stored file ${sha256} is missing from ${options.evidenceDir}`);
      if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new BackupError(`stored file ${source} does not match its SHA-256: the evidence store is damaged`);
      const file = path.posix.join('evidence', sha256.slice(0, 2), sha256);
      await mkdir(path.join(staging, path.dirname(file)), { recursive: true });
      await copyFile(source, path.join(staging, file));
      evidence.push({ sha256, file, bytes: bytes.length });
    }
    await client.query('commit');
    const app = (JSON.parse(await readFile(path.join(repoRoot, 'api', 'package.json'), 'utf8')) as { version: string }).version;
    const manifest: BackupManifest = { format: 'gridwatch-backup', version: 1, createdAt: options.clock.now().toISOString(), server: server.server_version, app, migrations, tables, sequences, eventMonths: months, evidence };
    await writeFile(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await mkdir(path.dirname(path.resolve(options.out)), { recursive: true });
    await tar.create({ gzip: true, cwd: staging, file: options.out, portable: true }, [MANIFEST_FILE, 'tables', ...(evidence.length ? ['evidence'] : [])]);
    return manifest;
  } finally {
    await client.end();
    await rm(staging, { recursive: true, force: true });
  }
}
