import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SequenceState } from './backup-catalog';

export const MANIFEST_FILE = 'manifest.json';

/** What a backup holds, with the SHA-256 of every file in it (manifest.json at the archive's root). */
export interface BackupManifest {
  format: 'gridwatch-backup';
  version: 1;
  /** From the injected clock (GRIDWATCH_CLOCK_START when set). */
  createdAt: string;
  server: string;
  app: string;
  /** The applied migrations, oldest first: restore builds the schema by running exactly these. */
  migrations: string[];
  /** In load order (referenced tables first); files are COPY text format. */
  tables: { name: string; columns: string[]; rows: number; file: string; bytes: number; sha256: string }[];
  sequences: SequenceState[];
  /** The event log's month partitions (yyyy-mm), made before its rows load; absent in backups from before partitioning. */
  eventMonths?: string[];
  /** Stored files, content-addressed: the name is the SHA-256 of the bytes. */
  evidence: { sha256: string; file: string; bytes: number }[];
}

export class BackupError extends Error {}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The evidence file's place, as the local evidence storage lays it out (evidence-storage.ts). */
export const evidencePath = (sha256: string): string => path.join(sha256.slice(0, 2), sha256);

export async function readManifest(dir: string): Promise<BackupManifest> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8')) as BackupManifest;
  } catch (error) {
    throw new BackupError(`${MANIFEST_FILE} is missing or unreadable: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (manifest.format !== 'gridwatch-backup' || manifest.version !== 1 || !Array.isArray(manifest.tables) || !Array.isArray(manifest.evidence) || !Array.isArray(manifest.migrations)) {
    throw new BackupError(`${MANIFEST_FILE} is not a gridwatch backup manifest (version 1)`);
  }
  return manifest;
}

/**
 * Every file the manifest names, hashed against it before anything is loaded; the first
 * mismatch is named. A file's name must stay inside the backup (no `..`).
 */
export async function checkFiles(dir: string, manifest: BackupManifest): Promise<void> {
  const files = [
    ...manifest.tables.map((t) => ({ file: t.file, sha256: t.sha256 })),
    ...manifest.evidence.map((e) => {
      if (!/^[0-9a-f]{64}$/.test(e.sha256) || e.file !== path.posix.join('evidence', e.sha256.slice(0, 2), e.sha256)) throw new BackupError(`${MANIFEST_FILE}: evidence entry ${e.file} is not content-addressed`);
      return { file: e.file, sha256: e.sha256 };
    }),
  ];
  for (const { file, sha256 } of files) {
    const full = path.resolve(dir, file);
    if (!full.startsWith(path.resolve(dir) + path.sep)) throw new BackupError(`${MANIFEST_FILE} names a file outside the backup: ${file}`);
    const actual = await sha256File(full).catch(() => null);
    if (actual === null) throw new BackupError(`backup file ${file} is missing`);
    if (actual !== sha256) throw new BackupError(`backup file ${file} is corrupt: SHA-256 ${actual}, the manifest says ${sha256}`);
  }
}
