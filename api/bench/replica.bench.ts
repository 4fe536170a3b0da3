import 'reflect-metadata';
import { REFERENCE_ANCHOR, loadProfile } from '@gridwatch/seeds';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { migrate, openAppOrm } from '../src/db/database';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { LSN_HEADER, READ_FROM_HEADER } from '../src/db/read-target';
import { createStreamingReplica } from '../src/db/replica';
import { startServer } from '../src/server/app';
import { createLogger } from '../src/server/logger';

/**
 * The read replica set-up on the Hefei seed: how long making the replica takes (db/replica.ts),
 * a compiled list read answered by the replica against the same read sent to the primary (an
 * LSN no replica has reached), interleaved in blocks; and after a mutation, how long until the
 * writer's reads go to the replica again (replay as the router polls it, every 100 ms).
 *   pnpm --filter @gridwatch/api bench:replica [--requests N] [--writes N] [--data-dir DIR]
 */
const DATABASE = 'gridwatch_replica_bench';
const option = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
};

async function main(): Promise<void> {
  const requests = Number(option('requests', '1000'));
  const writes = Number(option('writes', '50'));
  const primary = await startEmbeddedPostgres({ dataDir: path.resolve(option('data-dir', path.join(__dirname, '..', '..', '.data', 'replica-bench'))), log: () => undefined });
  const admin = new Client(primary.url('postgres'));
  await admin.connect();
  if (!(await admin.query('select 1 from pg_database where datname = $1', [DATABASE])).rowCount) await primary.createDatabase(DATABASE);
  await admin.end();
  const url = primary.url(DATABASE);
  await migrate(url, () => undefined);
  const seed = new Client(url);
  await seed.connect();
  if ((await seed.query<{ n: number }>('select count(*)::int as n from account')).rows[0].n === 0) await loadProfile(seed, 'hefei', { anchor: REFERENCE_ANCHOR });
  await seed.end();

  const started = performance.now();
  const replica = await createStreamingReplica({ primaryUrl: primary.url('postgres'), dataDir: mkdtempSync(path.join(os.tmpdir(), 'gw-replica-bench-')), slot: 'gridwatch_bench' });
  const setupMs = performance.now() - started;
  const size = execFileSync('du', ['-sm', replica.dataDir]).toString().split('\t')[0];
  const orm = await openAppOrm(url);
  const server = await startServer(orm, { ...loadConfig({ PORT: '0', SCHEDULER: 'off', DATABASE_REPLICA_URL: replica.url(DATABASE), DATABASE_REPLICA_MAX_LAG_MS: '5000' }), logLevel: 'silent' }, createLogger('silent'));
  const post = (body: object, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  try {
    // Right after the seed the primary's autovacuum writes for a while: measure once the replica keeps up.
    for (let waited = 0; server.readRouter?.target(null) !== 'replica'; waited += 100) {
      if (waited > 120_000) throw new Error('the replica did not catch up within 2 minutes');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const signIn = await post({ query: 'mutation { signIn(login: "feidong", password: "gridwatch") { role } }' });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    const list = { query: '{ sources(first: 20) { nodes { id name version } } }' };
    const first = (await (await post(list, { cookie })).json()) as { data: { sources: { nodes: { id: string; version: number }[] } } };
    const modes = [
      { label: 'replica', headers: { cookie } },
      { label: 'primary (LSN ahead)', headers: { cookie, [LSN_HEADER]: 'FFFFFFFF/0' } },
    ];
    const samples = new Map(modes.map((m) => [m.label, [] as number[]]));
    for (let done = 0; done < requests * 2; done += 50) {
      for (const mode of modes) {
        for (let i = 0; i < 50; i++) {
          const at = performance.now();
          const response = await post(list, mode.headers);
          await response.arrayBuffer();
          const from = response.headers.get(READ_FROM_HEADER);
          if (!response.ok || from !== mode.label.split(' ')[0]) throw new Error(`${mode.label}: HTTP ${response.status}, read from ${from}`);
          if (done >= requests) samples.get(mode.label)?.push(performance.now() - at);
        }
      }
    }
    const { id } = first.data.sources.nodes[0];
    let { version } = first.data.sources.nodes[0];
    const untilReplica: number[] = [];
    for (let i = 0; i < writes; i++) {
      const wrote = await post(
        { query: 'mutation($id: ID!, $v: Int!, $n: String!) { updateSource(id: $id, version: $v, input: { name: $n }) { version } }', variables: { id, v: version, n: `基准 ${i}` } },
        { cookie },
      );
      const lsn = wrote.headers.get(LSN_HEADER) ?? '';
      version = ((await wrote.json()) as { data: { updateSource: { version: number } } }).data.updateSource.version;
      const at = performance.now();
      for (;;) {
        const read = await post(list, { cookie, [LSN_HEADER]: lsn });
        await read.arrayBuffer();
        if (read.headers.get(READ_FROM_HEADER) === 'replica') break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      untilReplica.push(performance.now() - at);
    }
    console.log(`replica of the hefei seed: made and streaming in ${(setupMs / 1000).toFixed(1)} s, ${size} MB copied`);
    for (const mode of modes) {
      const values = samples.get(mode.label) ?? [];
      console.log(`  sources(first: 20) from ${mode.label.padEnd(20)} p50 ${percentile(values, 0.5).toFixed(2)} ms  p90 ${percentile(values, 0.9).toFixed(2)} ms  (${values.length} requests)`);
    }
    console.log(`  after a mutation, the writer's reads back on the replica in p50 ${percentile(untilReplica, 0.5).toFixed(0)} ms, p95 ${percentile(untilReplica, 0.95).toFixed(0)} ms (${writes} writes)`);
  } finally {
    await server.close();
    server.httpServer.close();
    await orm.close(true);
    await replica.stop({ remove: true });
    await primary.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
