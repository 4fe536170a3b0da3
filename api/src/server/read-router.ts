import { MikroORM } from '@mikro-orm/postgresql';
import { Pool } from 'pg';
import { SCOPE_FILTER, type ScopeFilterArgs } from '../auth/scope-filter';
import { callerKnownHere } from '../context/create-context';
import type { RequestContext } from '../context/request-context';
import { survivePoolIdleErrors } from '../db/idle-errors';
import { ormConfig } from '../db/orm.config';
import { parseLsn, replicaAppUrl, type ReadTarget } from '../db/read-target';

/**
 * Reads that may be slightly stale go to the streaming replica (see db/read-target.ts); the
 * router holds the replica's pool and ORM and decides per query. Composition root: it builds
 * an ORM and knows the context.
 */
export interface ReplicaOptions {
  /** The API's own (app role) URL of the primary. */
  primaryUrl: string;
  /** DATABASE_REPLICA_URL: its host, port and database; the credentials are the primary's app role (the replica has the primary's roles). */
  replicaUrl: string;
  /** DATABASE_REPLICA_MAX_LAG_MS: a replica further behind than this is not read from. */
  maxLagMs: number;
  pollMs?: number;
  poolMax?: number;
  /** A pooled connection lost while idle (logged by the API; replaced on next use). */
  onIdleError?: (error: Error) => void;
}

export class ReadRouter {
  /** Queries routed to each server (tests, diagnosis). */
  readonly stats = { primary: 0, replica: 0 };
  private replayed: bigint | null = null;
  private answeredAt = -Infinity;
  /** Primary positions the replica had not replayed yet, with when they were first seen: the oldest is the lag. */
  private behind: { lsn: bigint; at: number }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;

  private constructor(
    private readonly primary: Pool,
    readonly replicaPool: Pool,
    readonly replicaOrm: MikroORM,
    private readonly maxLagMs: number,
  ) {}

  static async open(options: ReplicaOptions): Promise<ReadRouter> {
    const url = replicaAppUrl(options.primaryUrl, options.replicaUrl);
    // Not connected at start: a replica that is down (or has not replayed the database yet) only keeps reads on the primary.
    const replicaOrm = await MikroORM.init(ormConfig(url, { pool: { ...ormConfig(url).pool, max: options.poolMax ?? 10 }, connect: false, ensureDatabase: false }));
    const primary = new Pool({ connectionString: options.primaryUrl, max: 1 });
    const replica = new Pool({ connectionString: url, max: options.poolMax ?? 10 });
    survivePoolIdleErrors([primary, replica], options.onIdleError ?? (() => undefined));
    const router = new ReadRouter(primary, replica, replicaOrm, options.maxLagMs);
    await router.poll();
    router.timer = setInterval(() => void router.poll(), options.pollMs ?? 100);
    router.timer.unref();
    return router;
  }

  /** Both positions, one round trip each; a replica that does not answer is out until it does. */
  poll(): Promise<void> {
    this.polling ??= this.measure().finally(() => (this.polling = null));
    return this.polling;
  }

  private async measure(): Promise<void> {
    try {
      const [primary, replica] = await Promise.all([
        this.primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn'),
        this.replicaPool.query<{ lsn: string | null }>('select pg_last_wal_replay_lsn()::text as lsn'),
      ]);
      const now = performance.now();
      const written = parseLsn(primary.rows[0].lsn);
      const replayed = parseLsn(replica.rows[0].lsn);
      if (written === null || replayed === null) throw new Error('not a streaming standby');
      const last = this.behind[this.behind.length - 1];
      if (written > replayed && (!last || written > last.lsn)) this.behind.push({ lsn: written, at: now });
      while (this.behind.length && this.behind[0].lsn <= replayed) this.behind.shift();
      this.replayed = replayed;
      this.answeredAt = now;
    } catch {
      this.replayed = null;
    }
  }

  /** How long the replica has been behind a position the primary had written (0 when caught up). */
  lagMs(now = performance.now()): number {
    return this.behind.length ? now - this.behind[0].at : 0;
  }

  /** Where a read by a client that last saw `after` (its commit's LSN) goes. */
  target(after: bigint | null | 'malformed'): ReadTarget {
    const now = performance.now();
    if (this.replayed === null || after === 'malformed') return 'primary';
    // A poll that stopped answering tells nothing of the lag: the primary, as for a lagging replica.
    if (now - this.answeredAt > this.maxLagMs || this.lagMs(now) > this.maxLagMs) return 'primary';
    // The replayed position only grows, so one measured earlier is a safe lower bound.
    return after === null || this.replayed >= after ? 'replica' : 'primary';
  }

  /**
   * Decides once where a query's reads go, before its first statement: on the replica the
   * request's entity manager is one of the replica's (its transaction, the caller's binding
   * and row-level security run there); the compiled reads take poolFor.
   */
  route(ctx: RequestContext): ReadTarget {
    if (ctx.readFrom) return ctx.readFrom;
    // A transaction already open (the caller looked up for a compiled read) is the primary's; so
    // is a caller this process does not keep yet (its session may be too new for the replica).
    const target = ctx.em.isInTransaction() || !callerKnownHere(ctx) ? 'primary' : this.target(ctx.readAfter ?? null);
    ctx.readFrom = target;
    this.stats[target] += 1;
    if (target === 'replica') {
      ctx.em = this.replicaOrm.em.fork();
      ctx.em.setFilterParams(SCOPE_FILTER, { ability: ctx.ability } satisfies ScopeFilterArgs);
    }
    return target;
  }

  poolFor(ctx: RequestContext, primary: Pool): Pool {
    return this.route(ctx) === 'replica' ? this.replicaPool : primary;
  }

  /** After a commit: a position at or past its commit record, for the client to send back. */
  async committedLsn(): Promise<string> {
    const { rows } = await this.primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
    return rows[0].lsn;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.polling;
    await this.primary.end();
    await this.replicaPool.end();
    await this.replicaOrm.close(true);
  }
}
