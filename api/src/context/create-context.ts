import type { MikroORM } from '@mikro-orm/postgresql';
import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import { buildAbility } from '../auth/ability';
import { SCOPE_FILTER, type ScopeFilterArgs } from '../auth/scope-filter';
import { principalForToken, SESSION_COOKIE } from '../auth/session.service';
import { type Clock, systemClock } from '../common/clock';
import { Loaders } from './loaders';
import type { Principal } from './principal';
import type { Locale, RequestContext } from './request-context';

function localeOf(req: Request): Locale {
  const wanted = String(req.headers['x-locale'] ?? req.headers['accept-language'] ?? '');
  return /^en\b/i.test(wanted) ? 'en' : 'zh-CN';
}

/** Builds the per-request context: principal from the session cookie, ability, scoped em. */
export async function createRequestContext(orm: MikroORM, req: Request, res: Response, clock: Clock = systemClock): Promise<RequestContext> {
  const requestId = String(res.locals.requestId);
  const sessionToken = parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE] ?? null;
  const em = orm.em.fork();
  const principal = sessionToken ? await principalForToken(em, sessionToken) : null;
  const ability = buildAbility(principal);
  const ctx: RequestContext = { requestId, em, principal, ability, locale: localeOf(req), loaders: new Loaders(), clock, sessionToken, http: { req, res } };
  return actAs(ctx, principal);
}

/** Binds a principal to the context: ability, the scope of every query, fresh loaders. */
export function actAs(ctx: RequestContext, principal: Principal | null): RequestContext {
  ctx.principal = principal;
  ctx.ability = buildAbility(principal);
  ctx.em.setFilterParams(SCOPE_FILTER, { ability: ctx.ability } satisfies ScopeFilterArgs);
  ctx.loaders = new Loaders();
  return ctx;
}
