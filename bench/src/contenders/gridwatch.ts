import 'reflect-metadata';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { MikroORM } from '@mikro-orm/postgresql';
import { scopeFilterDef } from '../../../api/src/auth/scope-filter';
import { loadConfig } from '../../../api/src/config';
import { enableAppRole } from '../../../api/src/db/app-role';
import { ormConfig } from '../../../api/src/db/orm.config';
import { startServer } from '../../../api/src/server/app';
import { createLogger } from '../../../api/src/server/logger';

/**
 * The API as shipped (api/src/server/app.ts, production mode, no scheduler), with two
 * bench-only switches to price the authorization layers:
 * GW_BENCH_SCOPE=off drops the CASL scope filter (as startTestApp's withoutScopeFilter does);
 * GW_BENCH_RLS=off connects as the owner instead of gridwatch_app (its policy passes every row).
 */
async function main(): Promise<void> {
  const ownerUrl = String(process.env.DATABASE_URL);
  const scopeOff = process.env.GW_BENCH_SCOPE === 'off';
  const url = process.env.GW_BENCH_RLS === 'off' ? ownerUrl : await enableAppRole(ownerUrl);
  const orm = await MikroORM.init(
    ormConfig(url, scopeOff ? { filters: { [scopeFilterDef.name]: { ...scopeFilterDef, default: false } } } : {}),
  );
  const config = { ...loadConfig({ ...process.env, NODE_ENV: 'production' }), production: true };
  // Request logs at warn: the floor and PostGraphile log nothing per request either.
  await startServer(orm, config, createLogger(process.env.LOG_LEVEL ?? 'warn'));
  // A clean exit on SIGTERM, so that --cpu-prof writes its profile.
  process.once('SIGTERM', () => process.exit(0));
  profileOnSignal();
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
