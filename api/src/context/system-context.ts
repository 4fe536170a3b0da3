import type { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { buildSchedulerAbility } from '../auth/ability';
import { SCOPE_FILTER, type ScopeFilterArgs } from '../auth/scope-filter';
import type { Clock } from '../common/clock';
import { Loaders } from './loaders';
import type { RequestContext } from './request-context';

/**
 * The context a scheduled job runs in: no principal, the scheduler's narrow ability, every
 * county in scope (a trusted system job: its ORM connects as the owner, outside row-level
 * security), and the injected clock. Jobs get it from runAsSystem (unit-of-work.ts).
 */
export function systemContext(orm: MikroORM, clock: Clock): RequestContext {
  const em = orm.em.fork();
  em.setFilterParams(SCOPE_FILTER, { system: true } satisfies ScopeFilterArgs);
  return { requestId: `job-${randomUUID()}`, em, principal: null, ability: buildSchedulerAbility(), locale: 'zh-CN', loaders: new Loaders(), clock, sessionToken: null, apiKey: null, limits: null, principals: null, callerChanges: [], refusal: null };
}
