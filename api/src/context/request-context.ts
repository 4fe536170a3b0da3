import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { AppAbility } from '../auth/ability';
import type { Limits } from '../auth/limits';
import type { PrincipalCache } from '../auth/principal-cache';
import type { DomainError } from '../common/errors';
import type { Clock } from '../common/clock';
import type { ReadTarget } from '../db/read-target';
import type { Loaders } from './loaders';
import type { Principal } from './principal';

export type Locale = 'zh-CN' | 'en';

/**
 * Everything a service needs about the request, passed first to every service method.
 * `em` is a fork whose scope filter carries `ability`: queries through it only ever see
 * the caller's territory.
 */
export interface RequestContext {
  requestId: string;
  em: EntityManager;
  principal: Principal | null;
  ability: AppAbility;
  locale: Locale;
  loaders: Loaders;
  /** Where "now" comes from (deadlines, event times): injectable for tests and jobs. */
  clock: Clock;
  /** The session cookie's token, when the request carried one. */
  sessionToken: string | null;
  /** `Authorization: Bearer <api key>`, when the request carried one. */
  apiKey: string | null;
  /** Rate limits of this server (null for jobs, which never sign in). */
  limits: Limits | null;
  /** This server's principals of recent sessions and keys (null for jobs and CLIs). */
  principals: PrincipalCache | null;
  /** Callers this request changed (`account:<id>`, `*`): forgotten by this process as soon as it commits. */
  callerChanges: string[];
  /** Why the caller may do nothing in this request (an exhausted key budget); the auth checker raises it. */
  refusal: DomainError | null;
  http?: { req: Request; res: Response };
  /** The commit position the client last wrote at (x-gridwatch-lsn): its reads wait for a replica past it. */
  readAfter?: bigint | null | 'malformed';
  /** Where this query's reads went, once decided (server/read-router.ts); unset without a replica. */
  readFrom?: ReadTarget;
}
