import 'reflect-metadata';
import { REFERENCE_ANCHOR, loadProfile } from '@gridwatch/seeds';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { migrate, openAppOrm } from '../src/db/database';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { startServer } from '../src/server/app';
import { createLogger } from '../src/server/logger';

/**
 * Streams large exports from the real server and reports time and the process's memory.
 *   pnpm --filter @gridwatch/api bench:export [--data-dir DIR] [--reported-index] [--all]
 * The city profile (1,000,000 cases, ~45 s to load, ~730 MB) is loaded once into DIR
 * (default .data/export-bench) and reused. Server and client share this process, so the
 * peak RSS is an upper bound for the server's. The script runs with a 160 MB old space:
 * an export that kept its rows would run out of memory. `--reported-index` adds the index
 * `case (city_id, reported_at desc, id desc)` that the case list's default order needs
 * (without it every keyset page sorts the county's cases); `--all` also exports all cases.
 */
const DATABASE = 'gridwatch_export_bench';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
}

async function query<T extends object>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client(url);
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function prepare(dataDir: string): Promise<{ ownerUrl: string; stop: () => Promise<void> }> {
  const server = await startEmbeddedPostgres({ dataDir, persistent: true, log: console.log });
  const ownerUrl = server.url(DATABASE);
  const exists = (await query(server.url('postgres'), 'select 1 from pg_database where datname = $1', [DATABASE])).length > 0;
  if (!exists) await server.createDatabase(DATABASE);
  await migrate(ownerUrl, console.log);
  const [{ n }] = await query<{ n: number }>(ownerUrl, 'select count(*)::int as n from "case"');
  if (n === 0) {
    const client = new Client(ownerUrl);
    await client.connect();
    console.log('loading the city profile (once)');
    const result = await loadProfile(client, 'city', { anchor: REFERENCE_ANCHOR }).finally(() => client.end());
    console.log(`loaded in ${(result.elapsedMs / 1000).toFixed(1)} s`);
  }
  if (process.argv.includes('--reported-index')) {
    await query(ownerUrl, 'create index if not exists case_city_reported_index on "case" (city_id, reported_at desc, id desc)');
    await query(ownerUrl, 'analyze "case"');
  }
  return { ownerUrl, stop: () => server.stop() };
}

async function main(): Promise<void> {
  const dataDir = path.resolve(option('data-dir', path.join(__dirname, '..', '..', '.data', 'export-bench')));
  const { ownerUrl, stop } = await prepare(dataDir);
  const orm = await openAppOrm(ownerUrl);
  const config = { ...loadConfig({ PORT: '0', SCHEDULER: 'off' }), logLevel: 'silent' };
  const server = await startServer(orm, config, createLogger('silent'));
  try {
    const signIn = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { signIn(login: "cityadmin", password: "gridwatch") { role } }' }),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    // About 100,000 cases: those reported in the first five and a half weeks of 2026 (Beijing time).
    const filter = { reportedFrom: '2026-01-01T00:00:00+08:00', reportedTo: '2026-02-07T00:00:00+08:00' };
    const [{ n }] = await query<{ n: number }>(ownerUrl, 'select count(*)::int as n from "case" where reported_at >= $1 and reported_at < $2', [
      filter.reportedFrom,
      filter.reportedTo,
    ]);
    const runs = [
      { label: `cases.csv (${n} rows)`, path: `/export/cases.csv?filter=${encodeURIComponent(JSON.stringify(filter))}` },
      { label: `cases.xlsx (${n} rows)`, path: `/export/cases.xlsx?filter=${encodeURIComponent(JSON.stringify(filter))}` },
      { label: 'sources.csv (all 100,000)', path: '/export/sources.csv' },
      ...(process.argv.includes('--all') ? [{ label: 'cases.csv (all 1,000,000)', path: '/export/cases.csv' }] : []),
    ];
    for (const run of runs) {
      global.gc?.();
      const base = process.memoryUsage();
      let peakRss = base.rss;
      let peakHeap = base.heapUsed;
      const sampler = setInterval(() => {
        const now = process.memoryUsage();
        peakRss = Math.max(peakRss, now.rss);
        peakHeap = Math.max(peakHeap, now.heapUsed);
      }, 50);
      const cpu = process.cpuUsage();
      const started = performance.now();
      const response = await fetch(`${server.url}${run.path}`, { headers: { cookie } });
      let bytes = 0;
      for await (const chunk of response.body ?? []) bytes += (chunk as Uint8Array).length;
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      clearInterval(sampler);
      global.gc?.();
      const after = process.memoryUsage().heapUsed;
      const mb = (value: number) => `${(value / 1024 / 1024).toFixed(0)} MB`;
      console.log(
        `${run.label}: HTTP ${response.status}, ${mb(bytes)} in ${seconds.toFixed(1)} s (this process's CPU ${((used.user + used.system) / 1e6).toFixed(1)} s); ` +
          `RSS ${mb(base.rss)} before, peak ${mb(peakRss)}; heap ${mb(base.heapUsed)} before, peak ${mb(peakHeap)}, ${mb(after)} after`,
      );
    }
  } finally {
    await server.close();
    server.httpServer.close();
    await orm.close(true);
    await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
