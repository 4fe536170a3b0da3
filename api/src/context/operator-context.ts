import { createMongoAbility } from '@casl/ability';
import type { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { AppAbility } from '../auth/ability';
import { SCOPE_FILTER } from '../auth/scope-filter';
import { systemClock, type Clock } from '../common/clock';
import { Loaders } from './loaders';
import type { RequestContext } from './request-context';

/**
 * The context of an operator's command-line tool (the grid import): no principal, every
 * record in scope and any action allowed, on the owner's connection (outside row-level
 * security). Administrators do the same through the API, within their territory.
 */
export function operatorContext(orm: MikroORM, clock: Clock = systemClock): RequestContext {
  const em = orm.em.fork();
  em.setFilterParams(SCOPE_FILTER, { system: true });
  const ability = createMongoAbility([{ action: 'manage', subject: 'all' }]) as unknown as AppAbility;
  return { requestId: `cli-${randomUUID()}`, em, principal: null, ability, locale: 'zh-CN', loaders: new Loaders(), clock, sessionToken: null, apiKey: null, limits: null, principals: null, callerChanges: [], refusal: null };
}
