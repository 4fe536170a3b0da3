import type { MikroORM } from '@mikro-orm/postgresql';
import { EventEmitter } from 'node:events';
import { Logger as WorkerLogger, run, type Runner, type TaskList, type WorkerEvents } from 'graphile-worker';
import type { Logger } from 'pino';
import { type Clock, systemClock } from '../common/clock';
import { sweepDeadlines } from '../modules/supervision/deadline-sweep.service';
import { runAsSystem } from '../context/unit-of-work';
import { installAppPolicies } from '../server/policies';
import { generateAllPatrolPlans } from '../modules/patrol/patrol-job';
import { loadSigner } from '../modules/chain/chain-signer';
import { chainService } from '../modules/chain/chain.service';
import { eventPartitions } from '../modules/chain/event-partitions.service';
import { watchWorkerLiveness } from './worker-liveness';
import { DEFAULT_WEBHOOK_SETTINGS, webhookDelivery, type WebhookSettings } from '../modules/webhook/webhook-delivery.service';

export const DEADLINE_SWEEP = 'deadline_sweep';
export const PATROL_PLANS = 'patrol_plans';
/** Also queued on demand (gw_request_chain_checkpoints): the name is in that migration too. */
export const CHAIN_CHECKPOINTS = 'chain_checkpoints';
/** Queued by the outbox triggers too (gw_queue_webhook): the names are in that migration. */
export const WEBHOOK_DELIVER = 'webhook_deliver';
export const WEBHOOK_DISPATCH = 'webhook_dispatch';
export const EVENT_PARTITIONS = 'event_partitions';

/** `chainSigningKey`: CHAIN_SIGNING_KEY (PKCS#8 PEM), else the key kept in the database (chain-signer.ts). */
export function schedulerTasks(
  orm: MikroORM,
  clock: Clock,
  logger?: Logger,
  chainSigningKey: string | null = null,
  webhooks: WebhookSettings = DEFAULT_WEBHOOK_SETTINGS,
): TaskList {
  return {
    // Each escalation of a run commits with its event (the sweep's own units); other jobs are one unit per run.
    async [DEADLINE_SWEEP]() {
      const result = await runAsSystem(orm, clock, sweepDeadlines, { unitPerStep: true });
      logger?.info({ task: DEADLINE_SWEEP, ...result }, 'deadline sweep');
    },
    async [PATROL_PLANS]() {
      const result = await runAsSystem(orm, clock, generateAllPatrolPlans);
      logger?.info({ task: PATROL_PLANS, ...result }, 'patrol plans');
    },
    async [CHAIN_CHECKPOINTS]() {
      const result = await runAsSystem(orm, clock, async (ctx) => chainService.makeCheckpoints(ctx, await loadSigner(ctx.em, chainSigningKey)));
      logger?.info({ task: CHAIN_CHECKPOINTS, ...result }, 'chain checkpoints');
    },
    async [EVENT_PARTITIONS]() {
      const made = await runAsSystem(orm, clock, eventPartitions.maintain);
      if (made) logger?.info({ task: EVENT_PARTITIONS, made }, 'event log partitions');
    },
    async [WEBHOOK_DELIVER](payload) {
      const endpointId = Number((payload as { endpointId?: unknown }).endpointId);
      if (!Number.isInteger(endpointId)) return;
      // Posts wait on the network: each attempt's record is its own unit (webhook-delivery.service.ts).
      const result = await runAsSystem(orm, clock, (ctx) => webhookDelivery.drain(ctx, endpointId, webhooks), { unitPerStep: true });
      if (result.delivered || result.failed) logger?.info({ task: WEBHOOK_DELIVER, endpointId, ...result }, 'webhook delivery');
    },
    async [WEBHOOK_DISPATCH]() {
      await runAsSystem(orm, clock, (ctx) => webhookDelivery.dispatchDue(ctx));
    },
  };
}

/**
 * Jobs live in PostgreSQL (graphile-worker): every API replica runs a worker, the cron entry
 * is enqueued once per tick across replicas (graphile-worker's known_crontabs) under one job
 * key, and the sweep itself is idempotent, so replicas never double an alert or escalation.
 */
export async function startScheduler(
  orm: MikroORM,
  connectionString: string,
  logger: Logger,
  clock: Clock = systemClock,
  chainSigningKey: string | null = null,
  webhooks: WebhookSettings = DEFAULT_WEBHOOK_SETTINGS,
): Promise<Runner> {
  installAppPolicies();
  // Jobs a killed replica held are released by the others (and by this one when it comes back).
  const events: WorkerEvents = new EventEmitter();
  const liveness = await watchWorkerLiveness(connectionString, events, logger);
  const runner = await run({
    connectionString,
    events,
    // One job at a time per named queue (each webhook endpoint has its own), so two endpoints' drains may overlap.
    concurrency: 2,
    noHandleSignals: true,
    pollInterval: 5000,
    taskList: schedulerTasks(orm, clock, logger, chainSigningKey, webhooks),
    crontab: [
      `*/10 * * * * ${DEADLINE_SWEEP} ?jobKey=${DEADLINE_SWEEP}`,
      // Daily, so a month's plans exist from its first day and pick up new assignments (idempotent).
      `5 16 * * * ${PATROL_PLANS} ?jobKey=${PATROL_PLANS}`,
      // Daily just after midnight Beijing (16:10 UTC): every county's chain head, signed.
      `10 16 * * * ${CHAIN_CHECKPOINTS} ?jobKey=${CHAIN_CHECKPOINTS}`,
      // Daily: the event log's months ahead exist, and rows that went to its DEFAULT partition move to theirs.
      `20 16 * * * ${EVENT_PARTITIONS} ?jobKey=${EVENT_PARTITIONS}`,
      // Webhook retries fall due and deliveries queued before the queue existed are picked up.
      `* * * * * ${WEBHOOK_DISPATCH} ?jobKey=${WEBHOOK_DISPATCH}`,
    ].join('\n'),
    logger: new WorkerLogger(() => (level, message) => {
      if (level === 'error') logger.error({ scheduler: true }, message);
      else if (level === 'warning') logger.warn({ scheduler: true }, message);
    }),
  }).catch(async (error: unknown) => {
    await liveness.close();
    throw error;
  });
  void runner.promise.finally(() => liveness.close()).catch(() => undefined);
  await liveness.sweep();
  return runner;
}
