import { REFERENCE_ANCHOR, loadProfile, databaseSize, type ProfileName } from '@gridwatch/seeds';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { migrate } from '../../api/src/db/database';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../api/src/db/embedded-postgres';
import { enableAppRole } from '../../api/src/db/app-role';

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

/**
 * An embedded server with the profile loaded. Scale profiles keep their data directory, so a
 * second run skips the load (minutes for the city, about 20 for the province on this shared
 * machine); the smoke run uses a fresh one.
 */
export async function prepareDatabase(profile: ProfileName, dataDir: string, persistent: boolean, log: (line: string) => void): Promise<BenchDatabase> {
  const server = await startEmbeddedPostgres({
    dataDir,
    persistent,
    log,
    // Statement counts per request come from pg_stat_statements; it must be preloaded.
    settings: { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'top', 'pg_stat_statements.max': '10000' },
  });
  const ownerUrl = server.url(DATABASE);
  const marker = path.join(dataDir, 'gridwatch-bench-load.json');
  const exists = (await ownerQuery<{ n: number }>(server.url('postgres'), 'select 1 as n from pg_database where datname = $1', [DATABASE])).length > 0;
  let record: LoadRecord | null = exists && existsSync(marker) ? (JSON.parse(readFileSync(marker, 'utf8')) as LoadRecord) : null;
  if (record && record.profile !== profile) throw new Error(`${dataDir} holds the ${record.profile} profile; use another data directory`);
  if (!record) {
    if (exists) await ownerQuery(server.url('postgres'), `drop database ${DATABASE}`);
    await server.createDatabase(DATABASE);
    await migrate(ownerUrl, log);
    const client = new Client(ownerUrl);
    await client.connect();
    try {
      log(`loading the ${profile} profile`);
      // A pinned anchor: the same data whatever day the benchmark runs, so runs compare.
      const result = await loadProfile(client, profile, {
        anchor: REFERENCE_ANCHOR,
        // Where a scale load's time goes, with the machine's load beside it (a shared machine).
        onPhase: ({ phase, ms }) => {
          if (ms >= 1000) log(`  ${(ms / 1000).toFixed(1)} s ${phase} (load average ${os.loadavg()[0].toFixed(1)})`);
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
    if (persistent) writeFileSync(marker, JSON.stringify(record));
  } else {
    await migrate(ownerUrl, log);
  }
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
