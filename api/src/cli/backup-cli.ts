import 'reflect-metadata';
import path from 'node:path';
import { type Clock, StartedClock, systemClock } from '../common/clock';
import { loadConfig, type Config } from '../config';
import { openDatabase } from '../db/database';
import { BackupError } from './backup/backup-manifest';

/** Paths on the command line are the caller's, not api/'s (pnpm runs scripts in the package folder). */
export const fromCaller = (file: string): string => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

export function cliClock(config: Config): Clock {
  return config.clockStart ? new StartedClock(config.clockStart) : systemClock;
}

/**
 * Runs a backup command on --database-url, else DATABASE_URL, else the embedded database
 * (started for the command and stopped after). A BackupError is the operator's to read: its
 * message, exit code 2; anything else exit code 1.
 */
export function runBackupCli(databaseUrl: string | undefined, body: (url: string, config: Config) => Promise<number>): void {
  const run = async (): Promise<number> => {
    const config = loadConfig();
    const database = await openDatabase({ databaseUrl: databaseUrl ?? config.databaseUrl, dataDir: config.dataDir, log: () => undefined });
    try {
      return await body(database.url, config);
    } finally {
      await database.embedded?.stop();
    }
  };
  run().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(error instanceof BackupError ? 2 : 1);
    },
  );
}
