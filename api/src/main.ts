import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { type Clock, StartedClock, systemClock } from './common/clock';
import { ormConfig } from './db/orm.config';
import { loadConfig } from './config';
import { migrate, openAppOrm, openDatabase, type Database } from './db/database';
import { StartupError } from './db/embedded-postgres';
import { seedIfEmpty } from './db/seed';
import { beijingDay } from '@gridwatch/domain';
import { ensureEventPartitions } from './db/event-partitions';
import { appConnections } from './db/pooler';
import { printBanner } from './server/banner';
import { startServer, type RunningServer } from './server/app';
import { installAppPolicies } from './server/policies';
import { createLogger } from './server/logger';
import { startScheduler } from './scheduler/scheduler';
import { DEFAULT_WEBHOOK_SETTINGS } from './modules/webhook/webhook-delivery.service';
import { loadSigner } from './modules/chain/chain-signer';
import type { Runner } from 'graphile-worker';

/** Starts everything: database (embedded unless DATABASE_URL), migrations, first-run seed, HTTP. */
async function main(): Promise<void> {
  const started = performance.now();
  installAppPolicies();
  const config = loadConfig();
  const clock: Clock = config.clockStart ? new StartedClock(config.clockStart) : systemClock;
  const logger = createLogger(config.logLevel);
  let database: Database | null = null;
  let orm: MikroORM | null = null;
  let server: RunningServer | null = null;
  let scheduler: Runner | null = null;
  let systemOrm: MikroORM | null = null;

  const shutdown = async (signal: string): Promise<void> => {
    logger.info({ signal }, 'shutting down');
    await server?.close();
    await scheduler?.stop();
    await systemOrm?.close(true);
    await orm?.close(true);
    await database?.embedded?.stop();
    process.exit(0);
  };
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log: (line) => logger.info(line) });
    // embedded-postgres installs exit hooks that stop the server and exit with 143 on a
    // signal; we take the signals over to drain HTTP first, then stop PostgreSQL ourselves.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(signal);
      process.once(signal, () => void shutdown(signal));
    }
    await migrate(database.url, (line) => logger.info(line));
    // The demo is laid out before today (Beijing), so it is live whatever day the system starts.
    const seeded = await seedIfEmpty(database.url, beijingDay(clock.now()));
    const months = await ensureEventPartitions(database.url, clock.now());
    if (months) logger.info(`created ${months} month partition(s) of the event log`);
    const connections = await appConnections(database.url, config.databasePoolerUrl);
    orm = await openAppOrm(database.url, connections, config.statementTimeoutMs);
    server = await startServer(orm, config, logger, clock, connections).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        throw new StartupError(`Port ${config.port} on ${config.host} is already in use. Stop the other program or set PORT (e.g. PORT=4001).`);
      }
      throw error;
    });
    if (config.scheduler) {
      // Jobs are trusted system work across every county: their ORM connects as the owner.
      systemOrm = await MikroORM.init(ormConfig(database.url));
      // The checkpoint key exists (and its public half is published) from the first start.
      await loadSigner(systemOrm.em.fork(), config.chainSigningKey);
      scheduler = await startScheduler(systemOrm, database.url, logger, clock, config.chainSigningKey, {
        ...DEFAULT_WEBHOOK_SETTINGS,
        disableAfterDays: config.webhookDisableAfterDays,
      });
    }
    printBanner({ url: server.url, seeded, embedded: database.embedded != null, dataDir: config.dataDir, startedMs: Math.round(performance.now() - started) });
  } catch (error) {
    await orm?.close(true).catch(() => undefined);
    await database?.embedded?.stop().catch(() => undefined);
    if (error instanceof StartupError) {
      console.error(`\ngridwatch could not start: ${error.message}\n`);
    } else {
      console.error('gridwatch could not start:', error);
    }
    process.exit(1);
  }
}

void main();
