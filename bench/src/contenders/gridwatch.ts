import 'reflect-metadata';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { scopeFilterDef } from '../../../api/src/auth/scope-filter';
import { loadConfig } from '../../../api/src/config';
import { enableAppRole } from '../../../api/src/db/app-role';
import { ormConfig } from '../../../api/src/db/orm.config';
import { appConnections } from '../../../api/src/db/pooler';
import { createStreamingReplica, type RunningReplica } from '../../../api/src/db/replica';
import { startPgBouncer } from '../../../api/src/test/pgbouncer';
import { startServer } from '../../../api/src/server/app';
import { createLogger } from '../../../api/src/server/logger';

/**
 * The API as shipped (api/src/server/app.ts, production mode, no scheduler), with two
 * bench-only switches to price the authorization layers:
 * GW_BENCH_SCOPE=off drops the CASL scope filter (as startTestApp's withoutScopeFilter does);
 * GW_BENCH_RLS=off connects as the owner instead of gridwatch_app (its policy passes every row).
 * GW_BENCH_PGBOUNCER=on puts PgBouncer in transaction mode (pool of 10) between it and PostgreSQL,
 * as deploy/cluster.sh does (DATABASE_POOLER_URL: no session-level prepared statement).
 * GW_BENCH_REPLICA=on makes a streaming replica of the bench's server and reads from it
 * (DATABASE_REPLICA_URL, lag budget 5 s), as deploy/cluster.sh does; mutations stay on the primary.
 */
async function main(): Promise<void> {
  const ownerUrl = String(process.env.DATABASE_URL);
  const scopeOff = process.env.GW_BENCH_SCOPE === 'off';
  const direct = process.env.GW_BENCH_RLS === 'off' ? ownerUrl : await enableAppRole(ownerUrl);
  const bouncer = process.env.GW_BENCH_PGBOUNCER === 'on' ? await startPgBouncer(direct, 10) : null;
  const connections = bouncer ? await appConnections(ownerUrl, bouncer.url) : { pooled: direct, direct, transactionPooling: false };
  const url = connections.pooled;
  const orm = await MikroORM.init(
    ormConfig(url, scopeOff ? { filters: { [scopeFilterDef.name]: { ...scopeFilterDef, default: false } } } : {}),
  );
  const replica = process.env.GW_BENCH_REPLICA === 'on' ? await startReplica(ownerUrl) : null;
  const config = {
    ...loadConfig({
      ...process.env,
      NODE_ENV: 'production',
      ...(bouncer ? { DATABASE_POOLER_URL: bouncer.url } : {}),
      ...(replica ? { DATABASE_REPLICA_URL: replica.url(new URL(ownerUrl).pathname.slice(1)), DATABASE_REPLICA_MAX_LAG_MS: '5000' } : {}),
    }),
    production: true,
  };
  // Request logs at warn: the floor and PostGraphile log nothing per request either.
  await startServer(orm, config, createLogger(process.env.LOG_LEVEL ?? 'warn'), undefined, connections);
  // A clean exit on SIGTERM, so that --cpu-prof writes its profile (and PgBouncer and the replica stop with it).
  process.once('SIGTERM', () => void Promise.allSettled([bouncer?.stop(), replica?.stop({ remove: true })]).finally(() => process.exit(0)));
  profileOnSignal();
}

/** A standby of the bench's server beside its data (bench/.data), removed with its slot at the end. */
async function startReplica(ownerUrl: string): Promise<RunningReplica> {
  const primaryUrl = Object.assign(new URL(ownerUrl), { pathname: '/postgres' }).toString();
  const dataDir = path.join(__dirname, '..', '..', '.data', `replica-${process.pid}`);
  return createStreamingReplica({ primaryUrl, dataDir, slot: `gw_bench_${process.pid}`, log: (line) => console.warn(line) });
}

/** SIGUSR2 starts a CPU profile of the steady state (no start-up in it), the next SIGUSR2 writes it to GW_BENCH_PROFILE. */
function profileOnSignal(): void {
  const file = process.env.GW_BENCH_PROFILE;
  if (!file) return;
  const session = new Session();
  session.connect();
  let running = false;
  process.on('SIGUSR2', () => {
    void (async () => {
      if (!running) {
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
      } else {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(file, JSON.stringify(profile));
      }
      running = !running;
    })();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
