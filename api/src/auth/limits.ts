import type { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../common/errors';

export class TooManyRequestsError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', `Too many attempts; try again in ${retryAfterSeconds} s`, { retryAfter: retryAfterSeconds });
  }
}

/** Shared by replicas through Postgres (table `rate_limit`, created by a migration). */
function limiter(pool: Pool, keyPrefix: string, points: number, duration: number): RateLimiterPostgres {
  return new RateLimiterPostgres({ storeClient: pool, storeType: 'pool', tableName: 'rate_limit', tableCreated: true, keyPrefix, points, duration });
}

export interface LimitSettings {
  /** Failed sign-ins per login per 15 minutes. */
  failuresPerAccount: number;
  /** Failed sign-ins per IP per 15 minutes. */
  failuresPerIp: number;
  /** Anonymous public-disclosure reads per client address per minute. */
  publicReadsPerMinute: number;
}

export const defaultLimits: LimitSettings = { failuresPerAccount: 5, failuresPerIp: 30, publicReadsPerMinute: 60 };

/**
 * Brute-force protection for sign-in (per account and per IP, counting every alias of a
 * batched document) and per-key request budgets for API clients.
 */
export class Limits {
  private readonly byAccount: RateLimiterPostgres;
  private readonly byIp: RateLimiterPostgres;
  private readonly byKey: RateLimiterPostgres;
  private readonly publicReads: RateLimiterPostgres;

  constructor(pool: Pool, settings: LimitSettings = defaultLimits) {
    this.byAccount = limiter(pool, 'signin_account', settings.failuresPerAccount, 15 * 60);
    this.byIp = limiter(pool, 'signin_ip', settings.failuresPerIp, 15 * 60);
    // Each key has its own budget: count freely here and compare with the key's limit.
    this.byKey = limiter(pool, 'api_key', Number.MAX_SAFE_INTEGER, 60);
    this.publicReads = limiter(pool, 'public_read', settings.publicReadsPerMinute, 60);
  }

  async checkSignIn(login: string, ip: string): Promise<void> {
    const [account, address] = await Promise.all([this.byAccount.get(login), this.byIp.get(ip)]);
    for (const [state, max] of [[account, this.byAccount.points], [address, this.byIp.points]] as const) {
      if (state && state.consumedPoints >= max) throw new TooManyRequestsError(Math.ceil(state.msBeforeNext / 1000));
    }
  }

  async failedSignIn(login: string, ip: string): Promise<void> {
    await Promise.all([this.byAccount.penalty(login), this.byIp.penalty(ip)]);
  }

  async succeededSignIn(login: string): Promise<void> {
    await this.byAccount.delete(login);
  }

  async consumeKey(keyId: number, perMinute: number): Promise<void> {
    const state: RateLimiterRes = await this.byKey.consume(String(keyId));
    if (state.consumedPoints > perMinute) throw new TooManyRequestsError(Math.ceil(state.msBeforeNext / 1000));
  }

  async consumePublicRead(ip: string): Promise<void> {
    // consume is atomic across replicas; over the budget it rejects with the limiter's state.
    await this.publicReads.consume(ip).catch((rejection: unknown) => {
      if (rejection instanceof RateLimiterRes) throw new TooManyRequestsError(Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    });
  }
}

/** The part of a request context a public read is charged to (a structural type: the context holds a Limits). */
export interface PublicReader {
  limits: Limits | null;
  http?: { req: { ip?: string } } | null;
}

/**
 * Every anonymous public read (公开) spends one of its address's budget, whoever asks: the
 * public data is the same for everyone, so a signed-in caller gets no larger share.
 */
export async function spendPublicRead(ctx: PublicReader): Promise<void> {
  await ctx.limits?.consumePublicRead(ctx.http?.req.ip ?? 'unknown');
}
