import type { WorkerEvents } from 'graphile-worker';
import { Client } from 'pg';
import type { Logger } from 'pino';

/** How often a replica looks for jobs locked by dead workers, and how old such a lock must be. */
const SWEEP_MS = 10_000;
const GRACE = '5 seconds';
const RECONNECT_MS = 1_000;

const LOCK = `hashtextextended('gw-worker:' || $1, 0)`;

/**
 * graphile-worker leaves a job locked by a worker that died without releasing it (SIGKILL, a
 * lost machine) for four hours before another worker may take it: a scheduled job that was
 * running when its process died would wait that long. So each worker of this process holds a
 * session advisory lock named by its id, on a connection of its own; every few seconds (and at
 * start) a replica tries the locks of the workers that hold jobs, and a lock it can take belongs
 * to a process that is gone: those jobs are unlocked and run again at once. The jobs are
 * idempotent (the sweep, plans, checkpoints, deliveries), so the rare early release (this
 * connection lost while its workers still run) costs a repeated run, never a doubled effect.
 */
export async function watchWorkerLiveness(connectionString: string, events: WorkerEvents, logger: Logger): Promise<{ sweep(): Promise<void>; close(): Promise<void> }> {
  const own = new Set<string>();
  let client: Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  // One statement at a time on the connection (pg deprecates queueing on a busy client).
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  const hold = (id: string) => serial(async () => client?.query(`select pg_advisory_lock(${LOCK})`, [id])).catch(() => undefined);
  const connect = async (): Promise<void> => {
    const next = new Client(connectionString);
    next.on('error', (error) => logger.warn({ err: error }, 'worker liveness lost its connection'));
    next.on('end', () => {
      if (client !== next) return;
      client = null;
      if (!closed) retry = setTimeout(() => void connect().catch(() => undefined), RECONNECT_MS);
    });
    try {
      await next.connect();
    } catch (error) {
      if (!closed) retry = setTimeout(() => void connect().catch(() => undefined), RECONNECT_MS);
      throw error;
    }
    client = next;
    // Back after a lost connection: this process's workers are alive, say so again.
    await Promise.all([...own].map(hold));
  };

  const sweep = (): Promise<void> => serial(releaseDead);
  const releaseDead = async (): Promise<void> => {
    const current = client;
    if (!current) return;
    const { rows } = await current.query<{ worker: string }>(
      `select locked_by as worker from graphile_worker._private_jobs where locked_by is not null and locked_at < now() - interval '${GRACE}'
       union select locked_by from graphile_worker._private_job_queues where locked_by is not null and locked_at < now() - interval '${GRACE}'`,
    );
    for (const { worker } of rows) {
      if (own.has(worker)) continue;
      const { rows: taken } = await current.query<{ free: boolean }>(`select pg_try_advisory_lock(${LOCK}) as free`, [worker]);
      if (!taken[0].free) continue;
      await current.query('select graphile_worker.force_unlock_workers($1::text[])', [[worker]]);
      await current.query(`select pg_advisory_unlock(${LOCK})`, [worker]);
      logger.warn({ worker }, 'released the jobs of a worker whose process is gone');
    }
  };

  events.on('worker:create', ({ worker }) => {
    own.add(worker.workerId);
    void hold(worker.workerId);
  });
  events.on('worker:stop', ({ worker }) => {
    own.delete(worker.workerId);
    void serial(async () => client?.query(`select pg_advisory_unlock(${LOCK})`, [worker.workerId])).catch(() => undefined);
  });
  await connect().catch((error: unknown) => logger.warn({ err: error }, 'worker liveness could not connect yet'));
  const timer = setInterval(() => void sweep().catch((error: unknown) => logger.warn({ err: error }, 'worker liveness sweep failed')), SWEEP_MS);
  timer.unref();
  return {
    sweep: () => sweep().catch((error: unknown) => logger.warn({ err: error }, 'worker liveness sweep failed')),
    async close() {
      closed = true;
      clearInterval(timer);
      clearTimeout(retry);
      const open = client;
      client = null;
      await open?.end().catch(() => undefined);
    },
  };
}
