import type { MikroORM } from '@mikro-orm/postgresql';
import type { Clock } from '../common/clock';
import { beginRequest, finishRequest } from './create-context';
import type { RequestContext } from './request-context';
import { systemContext } from './system-context';

/*
 * One unit of work: a request's or a job's writes commit together or not at all. GraphQL
 * (the Apollo plugin, whose hooks are the two halves beginRequest/finishRequest), REST routes
 * (runInRequest) and jobs (runAsSystem) open it; write services check they run inside one
 * (requireUnit), so a transition never commits its case change without its event.
 */

/** The two halves, for a pipeline fn cannot wrap (Apollo's hooks; sign-in before a route reads its body). */
export { beginRequest, finishRequest };

export interface RequestUnitOptions<T> {
  /** Rolls back instead of committing what fn answered (a dry run, an import with problems). */
  rollbackIf?: (result: T) => boolean;
  /** A read: its loaded entities are let go before the commit (see finishRequest). */
  readOnly?: boolean;
}

/**
 * Runs fn in the request's transaction, opening it (and binding the caller) unless the route's
 * sign-in already did: committed when fn returns, rolled back when it throws.
 */
export async function runInRequest<T>(ctx: RequestContext, fn: (ctx: RequestContext) => Promise<T>, options: RequestUnitOptions<T> = {}): Promise<T> {
  await beginRequest(ctx);
  let result: T;
  try {
    result = await fn(ctx);
  } catch (error) {
    await finishRequest(ctx, true).catch(() => undefined);
    throw error;
  }
  await finishRequest(ctx, options.rollbackIf?.(result) ?? false, options.readOnly);
  return result;
}

export interface SystemUnitOptions {
  /**
   * The job waits on the network between its writes (webhook delivery): it gets a context with
   * no transaction open and opens one per step with inUnit, never holding one across a wait.
   */
  unitPerStep?: boolean;
}

/** A job (scheduler task, CLI) in the system's context: by default one transaction for the whole run. */
export async function runAsSystem<T>(orm: MikroORM, clock: Clock, fn: (ctx: RequestContext) => Promise<T>, options: SystemUnitOptions = {}): Promise<T> {
  const ctx = systemContext(orm, clock);
  return options.unitPerStep ? fn(ctx) : inUnit(ctx, () => fn(ctx));
}

/**
 * fn as one transaction of ctx's entity manager (what it left unflushed is flushed by the
 * commit); inside an open unit it simply joins it, and the outer unit decides.
 */
export async function inUnit<T>(ctx: RequestContext, fn: () => Promise<T>): Promise<T> {
  if (ctx.em.isInTransaction()) return fn();
  await ctx.em.begin();
  try {
    const result = await fn();
    await ctx.em.commit();
    return result;
  } catch (error) {
    await ctx.em.rollback().catch(() => undefined);
    throw error;
  }
}

/** A write service's guard: its writes must share the caller's transaction (a programming error otherwise). */
export function requireUnit(ctx: RequestContext, what: string): void {
  if (!ctx.em.isInTransaction()) throw new Error(`${what} runs inside a unit of work (runInRequest, runAsSystem or inUnit)`);
}
