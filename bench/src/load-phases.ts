import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { migrate } from '../../api/src/db/database';
import { startEmbeddedPostgres } from '../../api/src/db/embedded-postgres';
import { PROFILES, REFERENCE_ANCHOR, isProfileName, loadProfile, type ProfileName, type ProfileSpec } from '../../seeds/src/index';
import { phaseCpuMeter } from './load-cpu';

/**
 * Loads a profile into a fresh database of an embedded server and prints each phase's wall
 * time beside the CPU seconds of the loader and of PostgreSQL, and the load average:
 * `node -r @swc-node/register src/load-phases.ts --profile city [--cases N --sources N] [--set name=value]`.
 * `--cases` scales a profile down for quick comparisons; `--set` passes server settings;
 * `--serial` loads as before the overlap (one connection, no worker threads), to compare.
 */
const { values } = parseArgs({
  options: {
    profile: { type: 'string', default: 'city' },
    cases: { type: 'string' },
    sources: { type: 'string' },
    'data-dir': { type: 'string', default: '/tmp/gridwatch-load-phases' },
    set: { type: 'string', multiple: true, default: [] },
    serial: { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  const profile = values.profile ?? 'city';
  if (!isProfileName(profile)) throw new Error(`unknown profile ${profile}`);
  const spec: ProfileSpec = { ...PROFILES[profile] };
  if (values.cases) spec.cases = Number(values.cases);
  if (values.sources) spec.sources = Number(values.sources);
  const settings = Object.fromEntries((values.set ?? []).map((s) => [s.slice(0, s.indexOf('=')), s.slice(s.indexOf('=') + 1)]));
  const dataDir = values['data-dir'] ?? '/tmp/gridwatch-load-phases';
  const server = await startEmbeddedPostgres({ dataDir, persistent: true, log: (l) => console.error(l), settings });
  const admin = new Client(server.url('postgres'));
  await admin.connect();
  await admin.query('drop database if exists load_phases');
  await admin.end();
  await server.createDatabase('load_phases');
  const url = server.url('load_phases');
  await migrate(url);
  const client = new Client(url);
  await client.connect();
  const walAt = async (): Promise<string> => (await client.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn')).rows[0].lsn;
  const walFrom = await walAt();
  const meter = phaseCpuMeter(dataDir);
  const totals = { node: 0, postgres: 0 };
  const started = performance.now();
  console.log(`${'phase'.padEnd(28)}  wall s  node cpu s  pg cpu s  load avg`);
  await loadProfile(client, profile as ProfileName, {
    anchor: REFERENCE_ANCHOR,
    spec,
    ...(values.serial
      ? { caseWorkers: 0, spoolEvents: false }
      : {
          connect: async () => {
            const side = new Client(url);
            await side.connect();
            return side;
          },
        }),
    onPhase: ({ phase, ms }) => {
      const cpu = meter();
      totals.node += cpu.node;
      totals.postgres += cpu.postgres;
      if (ms >= 50 || cpu.postgres >= 0.05) {
        console.log(`${phase.padEnd(28)} ${(ms / 1000).toFixed(1).padStart(7)} ${cpu.node.toFixed(1).padStart(11)} ${cpu.postgres.toFixed(1).padStart(9)} ${cpu.loadAverage.toFixed(1).padStart(9)}`);
      }
    },
  });
  const wall = (performance.now() - started) / 1000;
  console.log(`${'total'.padEnd(28)} ${wall.toFixed(1).padStart(7)} ${totals.node.toFixed(1).padStart(11)} ${totals.postgres.toFixed(1).padStart(9)}`);
  const wal = await client.query<{ bytes: string }>(`select pg_size_pretty(pg_wal_lsn_diff($1, $2)) as bytes`, [await walAt(), walFrom]);
  console.log(`WAL written: ${wal.rows[0].bytes}`);
  await client.end();
  await server.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
