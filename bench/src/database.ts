import { REFERENCE_ANCHOR, loadProfile, databaseSize, type ProfileName } from '@gridwatch/seeds';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { migrate } from '../../api/src/db/database';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../api/src/db/embedded-postgres';
import { enableAppRole } from '../../api/src/db/app-role';
import { phaseCpuMeter } from './load-cpu';

const DATABASE = 'gridwatch_bench';

export interface BenchDatabase {
  server: EmbeddedServer;
  ownerUrl: string;
  appUrl: string;
  /** Seconds the profile took to load (from the run that loaded it, when reused). */
  loadSeconds: number;
  sizePretty: string;
  reused: boolean;
  statements: boolean;
}

interface LoadRecord {
  profile: string;
  loadSeconds: number;
  sizePretty: string;
}

/** Runs one statement as the owner on a short-lived connection. */
export async function ownerQuery<T extends object>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client(url);
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

// Statement counts per request come from pg_stat_statements; it must be preloaded.
const SETTINGS = { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'top', 'pg_stat_statements.max': '10000' };
// The load truncates its tables in its own transaction (seeds fresh-tables.ts), so on a server at
// wal_level minimal their COPY and index builds write no WAL (the city's 200,000-case sample: 52
// MB instead of 554). The server then restarts as configured: minimal forbids a replica.
const BULK_LOAD = { wal_level: 'minimal', max_wal_senders: '0' };

/**
 * An embedded server with the profile loaded. Scale profiles keep their data directory, so a
 * second run skips the load (minutes for the city, about 20 for the province on this shared
 * machine); the smoke run uses a fresh one.
 */
export async function prepareDatabase(profile: ProfileName, dataDir: string, persistent: boolean, log: (line: string) => void): Promise<BenchDatabase> {
  const start = (extra: Record<string, string> = {}): Promise<EmbeddedServer> =>
    startEmbeddedPostgres({ dataDir, persistent, log, settings: { ...SETTINGS, ...extra } });
  let server = await start();
  const marker = path.join(dataDir, 'gridwatch-bench-load.json');
  const exists = (await ownerQuery<{ n: number }>(server.url('postgres'), 'select 1 as n from pg_database where datname = $1', [DATABASE])).length > 0;
  let record: LoadRecord | null = exists && existsSync(marker) ? (JSON.parse(readFileSync(marker, 'utf8')) as LoadRecord) : null;
  if (record && record.profile !== profile) throw new Error(`${dataDir} holds the ${record.profile} profile; use another data directory`);
  if (!record) {
    // A smoke run's server removes its data when it stops: it loads as it started.
    if (persistent) {
      await server.stop();
      server = await start(BULK_LOAD);
    }
    const ownerUrl = server.url(DATABASE);
    if (exists) await ownerQuery(server.url('postgres'), `drop database ${DATABASE}`);
    await server.createDatabase(DATABASE);
    await migrate(ownerUrl, log);
    const client = new Client(ownerUrl);
    await client.connect();
    try {
      log(`loading the ${profile} profile`);
      const meter = phaseCpuMeter(dataDir);
      // A pinned anchor: the same data whatever day the benchmark runs, so runs compare.
      const result = await loadProfile(client, profile, {
        anchor: REFERENCE_ANCHOR,
        connect: async () => {
          const side = new Client(ownerUrl);
          await side.connect();
          return side;
        },
        // Where a scale load's time goes, with what it cost in CPU and the machine's load beside it (a shared machine).
        onPhase: ({ phase, ms }) => {
          const cpu = meter();
          if (ms >= 1000) {
            log(`  ${(ms / 1000).toFixed(1)} s ${phase} (CPU s: loader ${cpu.node.toFixed(1)}, PostgreSQL ${cpu.postgres.toFixed(1)}; load average ${cpu.loadAverage.toFixed(1)})`);
          }
        },
      });
      // The seeds predate deadlines (due_at is NULL everywhere), and the API's DUE_ASC list
      // fails on a NULL sort key (MikroORM cannot encode it in a cursor). A REPORTED case
      // waits for filing, whose limit is 24 h: give it that, as the workflow would have.
      await client.query(`update "case" set due_at = reported_at + interval '24 hours' where status = 'REPORTED' and due_at is null`);
      await client.query('vacuum analyze "case"');
      const size = await databaseSize(client);
      record = { profile, loadSeconds: result.elapsedMs / 1000, sizePretty: size.pretty };
    } finally {
      await client.end();
    }
    if (persistent) {
      writeFileSync(marker, JSON.stringify(record));
      await server.stop();
      server = await start();
    }
  } else {
    await migrate(server.url(DATABASE), log);
  }
  const ownerUrl = server.url(DATABASE);
  const statements = await ownerQuery(ownerUrl, 'create extension if not exists pg_stat_statements').then(
    () => true,
    () => false,
  );
  return {
    server,
    ownerUrl,
    appUrl: await enableAppRole(ownerUrl),
    loadSeconds: record.loadSeconds,
    sizePretty: record.sizePretty,
    reused: exists,
    statements,
  };
}
