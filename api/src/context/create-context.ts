import type { MikroORM } from '@mikro-orm/postgresql';
import { parse as parseCookies } from 'cookie';
import { LRUCache } from 'lru-cache';
import type { IncomingHttpHeaders } from 'node:http';
import { type AppAbility, buildAbility } from '../auth/ability';
import { SCOPE_FILTER, type ScopeFilterArgs } from '../auth/scope-filter';
import { bindSessionPrincipal, SESSION_COOKIE, tokenHash } from '../auth/session.service';
import { principalCaches, type PrincipalCache } from '../auth/principal-cache';
import { hashSecret, principalForApiKey } from '../auth/api-key.service';
import { DEFERRED } from '../db/pooled-connection';
import { LSN_HEADER, lsnOf } from '../db/read-target';
import type { Limits } from '../auth/limits';
import type { DomainError } from '../common/errors';
import { type Clock, systemClock } from '../common/clock';
import { CommitOutcomeUnknown, infrastructureFailure } from '../common/infrastructure-errors';
import { Loaders } from './loaders';
import type { Principal } from './principal';
import type { Locale, RequestContext } from './request-context';

/** The ability of no caller (it permits nothing and is never updated): one for every request. */
const NO_ONE = buildAbility(null);

function localeOf(headers: IncomingHttpHeaders): Locale {
  const wanted = String(headers['x-locale'] ?? headers['accept-language'] ?? '');
  return /^en\b/i.test(wanted) ? 'en' : 'zh-CN';
}

/** What a context is made from: the request's headers and correlation id. */
export interface RequestHead {
  headers: IncomingHttpHeaders;
  requestId: string;
}

/**
 * Builds the per-request context without touching the database: documents that fail
 * parsing, validation or the armor limits are refused before any SQL runs.
 */
export function createRequestContext(orm: MikroORM, limits: Limits, head: RequestHead, http: RequestContext['http'], clock: Clock = systemClock): RequestContext {
  const { headers, requestId } = head;
  const sessionToken = parseCookies(headers.cookie ?? '')[SESSION_COOKIE] ?? null;
  const bearer = /^Bearer (\S+)$/.exec(headers.authorization ?? '');
  const em = orm.em.fork();
  em.setFilterParams(SCOPE_FILTER, { ability: NO_ONE } satisfies ScopeFilterArgs);
  return {
    requestId,
    em,
    principal: null,
    ability: NO_ONE,
    locale: localeOf(headers),
    loaders: new Loaders(),
    sessionToken,
    apiKey: bearer?.[1] ?? null,
    limits,
    principals: principalCaches.get(orm) ?? null,
    callerChanges: [],
    clock,
    refusal: null,
    http,
    readAfter: lsnOf(headers[LSN_HEADER]),
  };
}

/**
 * Opens the request's transaction just before execution and binds the caller. One
 * transaction per request: the unit set in `actAs` is transaction-local, so pooled
 * connections never carry one caller's territory into another's request.
 */
export async function beginRequest(ctx: RequestContext): Promise<void> {
  // Begun already by a compiled read that then left the document to the resolvers.
  if (ctx.em.isInTransaction()) return;
  await ctx.em.begin();
  try {
    await identify(ctx);
    const key = ctx.principal?.apiKey;
    if (key) await ctx.limits?.consumeKey(key.id, key.rateLimitPerMinute).catch((error: DomainError) => (ctx.refusal = error));
  } catch (error) {
    // A rollback on a lost connection fails too: the first error is the one to answer.
    await ctx.em.rollback().catch(() => undefined);
    throw error;
  }
}

/**
 * Binds the caller: an API key when one is presented (an unknown key is no one), else the
 * session, whose lookup also sets the database's row-level scope (one statement).
 */
async function identify(ctx: RequestContext): Promise<void> {
  if (ctx.apiKey) await bindApiKey(ctx, ctx.apiKey, ctx.principals);
  else if (ctx.sessionToken) await bindSession(ctx, ctx.sessionToken, ctx.principals);
  // No caller: nothing to set, a fresh transaction carries no unit (the settings are transaction-local).
  else bindInProcess(ctx, null);
}

/**
 * A caller kept in memory costs no lookup: its unit is bound (values as parameters) just before
 * the request's first statement, and a request that runs none (`{ __typename }`) touches no database at all.
 */
async function bindKept(ctx: RequestContext, principal: Principal): Promise<void> {
  bindInProcess(ctx, principal);
  await ctx.em.execute(`${DEFERRED} ${BIND_UNIT}`, bindUnitValues(principal));
}

/**
 * A request's session digest and its key in the principal cache, hashed once per request (a
 * compiled read that falls back to the resolvers asks twice). Kept per request, never by the token.
 */
const sessionKeys = new WeakMap<RequestContext, { digest: string; key: string }>();

function sessionKey(ctx: RequestContext, token: string): { digest: string; key: string } {
  let found = sessionKeys.get(ctx);
  if (!found) {
    const digest = tokenHash(token);
    found = { digest, key: `session:${digest}` };
    sessionKeys.set(ctx, found);
  }
  return found;
}

/**
 * A compiled read's caller without a transaction: a session whose principal this process keeps
 * is bound in memory, and the SQL that binds its unit is returned to travel with the read.
 * Null when that is not enough (an API key, with its rate limit; a session not kept; no caller):
 * then the request opens its transaction as every other does (beginRequest).
 */
export function bindFromMemory(ctx: RequestContext): UnitBinding | null {
  if (ctx.apiKey || !ctx.sessionToken || ctx.em.isInTransaction()) return null;
  const kept = ctx.principals?.get(sessionKey(ctx, ctx.sessionToken).key);
  if (!kept) return null;
  bindInProcess(ctx, kept);
  return unitBinding(kept);
}

/**
 * Whether this process keeps the request's caller (or it has none): only then may its reads go
 * to a replica, which may not have a session just opened, nor know one just revoked (the cache
 * forgets a revoked one at once, so it is looked up again, on the primary).
 */
export function callerKnownHere(ctx: RequestContext): boolean {
  if (ctx.apiKey) return ctx.principals?.get(`key:${hashSecret(ctx.apiKey)}`) != null;
  if (ctx.sessionToken) return ctx.principals?.get(sessionKey(ctx, ctx.sessionToken).key) != null;
  return true;
}

/** Otherwise the session's lookup (which binds the unit in the same statement), kept when this process hears of revocations. */
async function bindSession(ctx: RequestContext, token: string, cache: PrincipalCache | null): Promise<void> {
  const { digest, key } = sessionKey(ctx, token);
  const kept = cache?.get(key);
  if (kept) return bindKept(ctx, kept);
  const since = cache?.mark() ?? 0;
  const found = await bindSessionPrincipal(ctx.em, digest);
  if (found) cache?.keep(key, found.principal, found.secondsLeft, since);
  bindInProcess(ctx, found?.principal ?? null);
}

/** An API key: looked up by prefix and compared in constant time, then kept the same way (an unknown key is no one). */
async function bindApiKey(ctx: RequestContext, presented: string, cache: PrincipalCache | null): Promise<void> {
  const digest = `key:${hashSecret(presented)}`;
  const kept = cache?.get(digest);
  if (kept) return bindKept(ctx, kept);
  const since = cache?.mark() ?? 0;
  const found = await principalForApiKey(ctx.em, presented);
  if (found) cache?.keep(digest, found.principal, found.secondsLeft, since);
  if (found) await bindKept(ctx, found.principal);
  else await actAs(ctx, null);
}

/** `gw_bind_unit`'s arguments for a principal, as SQL literals: a level name and integers only, checked here. */
export interface UnitBinding {
  level: string;
  unitId: number;
  /** The unit's path (city, county, township ids) as an array literal: `{1,7}`. */
  path: string;
}

function unitBinding(principal: Principal): UnitBinding {
  const ids = [principal.unitScope.cityId, principal.unitScope.countyId, principal.unitScope.townshipId].filter((id): id is number => id != null);
  if (!/^[A-Z]+$/.test(principal.unitLevel) || ![principal.unitId, ...ids].every(Number.isInteger)) throw new Error('A principal with a malformed unit');
  return { level: principal.unitLevel, unitId: principal.unitId, path: `{${ids.join(',')}}` };
}

/**
 * The ability is a pure function of the principal, which is read afresh on every request
 * (revocation and role changes apply at once). Building it costs 0.05-0.13 ms of CPU, so the
 * abilities of the principals seen lately are kept, keyed by the principal's whole content:
 * any change of role, unit or assignments is a different key, nothing to invalidate.
 */
const abilities = new LRUCache<string, AppAbility>({ max: 500 });
/** A principal the cache keeps is one frozen object for as long as it is kept: its ability is found without the key. */
const keptAbilities = new WeakMap<Principal, AppAbility>();

function abilityOf(principal: Principal | null): AppAbility {
  if (!principal) return NO_ONE;
  const kept = keptAbilities.get(principal);
  if (kept) return kept;
  const ability = abilityByContent(principal);
  if (Object.isFrozen(principal)) keptAbilities.set(principal, ability);
  return ability;
}

function abilityByContent(principal: Principal): AppAbility {
  const key = JSON.stringify(principal);
  let ability = abilities.get(key);
  if (!ability) {
    // Built from its own copy, so the kept ability shares no array with any request's principal.
    ability = buildAbility(JSON.parse(key) as Principal);
    abilities.set(key, ability);
  }
  return ability;
}

/** The in-process half of binding: ability, scope filter, fresh loaders. */
function bindInProcess(ctx: RequestContext, principal: Principal | null): void {
  ctx.principal = principal;
  ctx.ability = abilityOf(principal);
  ctx.em.setFilterParams(SCOPE_FILTER, { ability: ctx.ability } satisfies ScopeFilterArgs);
  ctx.loaders = new Loaders();
}

const BIND_UNIT = 'select gw_bind_unit(?, ?, ?::int[])';

function bindUnitValues(principal: Principal | null): unknown[] {
  const path = principal ? [principal.unitScope.cityId, principal.unitScope.countyId, principal.unitScope.townshipId].filter((id) => id != null) : [];
  return [principal?.unitLevel ?? null, principal?.unitId ?? null, `{${path.join(',')}}`];
}

/** Binds a principal to the context: ability, scope filter, the database's row-level scope, fresh loaders. */
export async function actAs(ctx: RequestContext, principal: Principal | null): Promise<RequestContext> {
  bindInProcess(ctx, principal);
  await ctx.em.execute(BIND_UNIT, bindUnitValues(principal));
  return ctx;
}

/**
 * Ends the request's transaction. A mutation whose root field failed changes nothing: the
 * whole request is rolled back (other errors, such as a hidden sensitive field, are not failures of the write).
 * A query writes nothing through the unit of work: its loaded entities are let go before the
 * commit, so the commit does not compare each of them with its snapshot (13 ms for a page of 50).
 */
export async function finishRequest(ctx: RequestContext, failedMutation: boolean, readOnly = false): Promise<void> {
  if (!ctx.em.isInTransaction()) return;
  if (failedMutation) {
    // The connection may be gone (the reason the mutation failed): PostgreSQL drops its transaction then.
    await ctx.em.rollback().catch((error: unknown) => {
      if (!infrastructureFailure(error)) throw error;
    });
    return;
  }
  if (readOnly) ctx.em.clear();
  try {
    await ctx.em.commit();
  } catch (error) {
    await ctx.em.rollback().catch(() => undefined);
    // The connection lost during COMMIT: it may have committed; the client hears neither success nor
    // "nothing changed". (An error PostgreSQL answers, a full disk, means it did not.)
    throw infrastructureFailure(error)?.code === 'DATABASE_UNAVAILABLE' && !readOnly ? new CommitOutcomeUnknown(error) : error;
  }
  // Every process hears of it by NOTIFY; this one forgets before it answers (read your writes).
  for (const change of ctx.callerChanges) ctx.principals?.changed(change);
}
