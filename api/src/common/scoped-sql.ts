import type { EntityName, FilterQuery } from '@mikro-orm/postgresql';
import type { SubjectType } from '../auth/ability';
import { scopeCondition } from '../auth/scope-filter';
import type { RequestContext } from '../context/request-context';

export interface SqlFragment {
  sql: string;
  bindings: unknown[];
}

/**
 * `select id from <table> where <caller's read scope> and <filter>` as SQL to embed in a
 * hand-written statement (`x.id in (...)`), so raw reports honour the same CASL territory as
 * every ORM query (row-level security bounds them too). Null when nothing is readable.
 */
export function scopedIdsSql<T extends object>(
  ctx: RequestContext,
  entity: EntityName<T>,
  subject: SubjectType,
  filter: FilterQuery<T> = {} as FilterQuery<T>,
): SqlFragment | null {
  const scope = scopeCondition<T>(ctx.ability, 'read', subject);
  if (scope === null) return null;
  const qb = ctx.em.createQueryBuilder(entity, 'scoped').select('scoped.id' as never).where({ $and: [scope, filter] } as FilterQuery<T>);
  const { sql, bindings } = qb.getKnexQuery().toSQL();
  return { sql, bindings: [...bindings] };
}
