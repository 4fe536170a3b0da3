import 'reflect-metadata';
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
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
