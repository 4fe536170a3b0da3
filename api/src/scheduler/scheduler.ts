import type { MikroORM } from '@mikro-orm/postgresql';
import { Logger as WorkerLogger, run, type Runner, type TaskList } from 'graphile-worker';
import type { Logger } from 'pino';
import { type Clock, systemClock } from '../common/clock';
import { sweepDeadlines } from '../modules/supervision/deadline-sweep.service';
import { schedulerContext } from './scheduler-context';
import { generateAllPatrolPlans } from '../modules/patrol/patrol-job';
import { loadSigner } from '../modules/chain/chain-signer';
import { chainService } from '../modules/chain/chain.service';

export const DEADLINE_SWEEP = 'deadline_sweep';
export const PATROL_PLANS = 'patrol_plans';
/** Also queued on demand (gw_request_chain_checkpoints): the name is in that migration too. */
export const CHAIN_CHECKPOINTS = 'chain_checkpoints';

/** `chainSigningKey`: CHAIN_SIGNING_KEY (PKCS#8 PEM), else the key kept in the database (chain-signer.ts). */
export function schedulerTasks(orm: MikroORM, clock: Clock, logger?: Logger, chainSigningKey: string | null = null): TaskList {
  return {
    async [DEADLINE_SWEEP]() {
      const result = await sweepDeadlines(schedulerContext(orm, clock));
      logger?.info({ task: DEADLINE_SWEEP, ...result }, 'deadline sweep');
    },
    async [PATROL_PLANS]() {
      const result = await generateAllPatrolPlans(schedulerContext(orm, clock));
      logger?.info({ task: PATROL_PLANS, ...result }, 'patrol plans');
    },
    async [CHAIN_CHECKPOINTS]() {
      const ctx = schedulerContext(orm, clock);
      const result = await chainService.makeCheckpoints(ctx, await loadSigner(ctx.em, chainSigningKey));
      logger?.info({ task: CHAIN_CHECKPOINTS, ...result }, 'chain checkpoints');
    },
  };
}

/**
 * Jobs live in PostgreSQL (graphile-worker): every API replica runs a worker, the cron entry
 * is enqueued once per tick across replicas (graphile-worker's known_crontabs) under one job
 * key, and the sweep itself is idempotent, so replicas never double an alert or escalation.
 */
export function startScheduler(orm: MikroORM, connectionString: string, logger: Logger, clock: Clock = systemClock, chainSigningKey: string | null = null): Promise<Runner> {
  return run({
    connectionString,
    concurrency: 1,
    noHandleSignals: true,
    pollInterval: 5000,
    taskList: schedulerTasks(orm, clock, logger, chainSigningKey),
    crontab: [
      `*/10 * * * * ${DEADLINE_SWEEP} ?jobKey=${DEADLINE_SWEEP}`,
      // Daily, so a month's plans exist from its first day and pick up new assignments (idempotent).
      `5 16 * * * ${PATROL_PLANS} ?jobKey=${PATROL_PLANS}`,
      // Daily just after midnight Beijing (16:10 UTC): every county's chain head, signed.
      `10 16 * * * ${CHAIN_CHECKPOINTS} ?jobKey=${CHAIN_CHECKPOINTS}`,
    ].join('\n'),
    logger: new WorkerLogger(() => (level, message) => {
      if (level === 'error') logger.error({ scheduler: true }, message);
      else if (level === 'warning') logger.warn({ scheduler: true }, message);
    }),
  });
}
