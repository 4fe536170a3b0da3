import 'reflect-metadata';
import { REFERENCE_ANCHOR, loadProfile } from '@gridwatch/seeds';
import path from 'node:path';
import { Client } from 'pg';
import { principalCaches } from '../src/auth/principal-cache';
import { loadConfig } from '../src/config';
import { migrate, openAppOrm } from '../src/db/database';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { startServer } from '../src/server/app';
import { createLogger } from '../src/server/logger';

/**
 * The fixed cost of who is calling: `{ __typename }` one request at a time, anonymous, with a
 * session cookie (principal kept in memory, and looked up every time), with an API key.
 * Interleaved in blocks, three rounds, p50 and p90 per mode and the difference to anonymous.
 *   pnpm --filter @gridwatch/api bench:signed-in [--requests N] [--data-dir DIR]
 * Client and server share this process (both sides' CPU counts, equally for every mode).
 */
const DATABASE = 'gridwatch_signed_in_bench';
const option = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};

async function prepare(dataDir: string) {
  const server = await startEmbeddedPostgres({ dataDir, persistent: true, log: () => undefined });
  const admin = new Client(server.url('postgres'));
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [DATABASE])).rowCount;
  await admin.end();
  if (!exists) await server.createDatabase(DATABASE);
  const url = server.url(DATABASE);
  await migrate(url, () => undefined);
  const client = new Client(url);
  await client.connect();
  const [{ n }] = (await client.query<{ n: number }>('select count(*)::int as n from account')).rows;
  if (n === 0) await loadProfile(client, 'hefei', { anchor: REFERENCE_ANCHOR });
  await client.end();
  return { url, stop: () => server.stop() };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

async function main(): Promise<void> {
  const requests = Number(option('requests', '1000'));
  const { url, stop } = await prepare(path.resolve(option('data-dir', path.join(__dirname, '..', '..', '.data', 'signed-in-bench'))));
  const orm = await openAppOrm(url);
  const server = await startServer(orm, { ...loadConfig({ PORT: '0', SCHEDULER: 'off' }), logLevel: 'silent' }, createLogger('silent'));
  const cache = principalCaches.get(orm);
  const post = (body: object, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  try {
    const signIn = await post({ query: 'mutation { signIn(login: "feidong", password: "gridwatch") { unit { id } } }' });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    const unitId = ((await signIn.json()) as { data: { signIn: { unit: { id: string } } } }).data.signIn.unit.id;
    const created = await post(
      { query: 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }', variables: { input: { name: `bench ${process.pid}`, scopes: ['READ_CASES'], unitId, rateLimitPerMinute: 100_000 } } },
      { cookie },
    );
    const answer = (await created.json()) as { data?: { createApiKey: { key: string } }; errors?: unknown[] };
    if (answer.errors) console.log('API key not created:', JSON.stringify(answer.errors));
    const key = answer.data?.createApiKey.key;
    const modes: { label: string; headers: Record<string, string>; cached: boolean }[] = [
      { label: 'anonymous', headers: {}, cached: true },
      { label: 'session, principal kept', headers: { cookie }, cached: true },
      { label: 'session, looked up', headers: { cookie }, cached: false },
      ...(key ? [{ label: 'API key', headers: { authorization: `Bearer ${key}` }, cached: true }] : []),
    ];
    const samples = new Map(modes.map((m) => [m.label, [] as number[]]));
    const block = 50;
    for (let round = 0; round < 3; round++) {
      for (let done = 0; done < requests; done += block) {
        for (const mode of modes) {
          if (cache) (mode.cached ? principalCaches.set(orm, cache) : principalCaches.delete(orm));
          for (let i = 0; i < block; i++) {
            const started = performance.now();
            const response = await post({ query: '{ __typename }' }, mode.headers);
            await response.arrayBuffer();
            if (!response.ok) throw new Error(`${mode.label}: HTTP ${response.status}`);
            samples.get(mode.label)!.push(performance.now() - started);
          }
        }
      }
    }
    if (cache) principalCaches.set(orm, cache);
    const base = percentile([...samples.get('anonymous')!].sort((a, b) => a - b), 0.5);
    console.log(`{ __typename }, sequential, ${requests * 3} requests per mode in blocks of ${block}, interleaved:`);
    for (const mode of modes) {
      const sorted = [...samples.get(mode.label)!].sort((a, b) => a - b);
      const p50 = percentile(sorted, 0.5);
      console.log(`  ${mode.label.padEnd(26)} p50 ${p50.toFixed(3)} ms  p90 ${percentile(sorted, 0.9).toFixed(3)} ms  p50 − anonymous ${(p50 - base).toFixed(3)} ms`);
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
