import type { EntityName, FilterQuery } from '@mikro-orm/postgresql';
import type { SubjectType } from '../auth/ability';
import type { RequestContext } from '../context/request-context';
import { entityColumns, quoteIdentifier, scopeSql } from './scope-sql';
import { conditionSql, SqlParams } from './sql-condition';

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
  return scopedSelectSql(ctx, entity, subject, 'scoped', ['id'], filter);
}

/**
 * Like scopedIdsSql, selecting the given columns of the table under `alias` (one scan, no
 * self-join); without a subject, no scope of its own. The scope comes from the one scope compiler (data/scope-sql.ts); `?` placeholders,
 * for em.execute.
 */
export function scopedSelectSql<T extends object>(
  ctx: Pick<RequestContext, 'em' | 'ability'>,
  entity: EntityName<T>,
  subject: SubjectType | undefined,
  alias: string,
  columns: string[],
  filter: FilterQuery<T> = {} as FilterQuery<T>,
): SqlFragment | null {
  const meta = ctx.em.getMetadata().get<T>((entity as { name: string }).name);
  const columnsOf = entityColumns(meta, alias);
  const params = new SqlParams('?');
  // No subject: rows reached only through a parent the caller may read (a case's timeline).
  const scope = subject ? scopeSql(ctx.ability, 'read', subject, columnsOf, params) : 'true';
  if (scope === 'false') return null;
  const where = conditionSql(filter as Record<string, unknown>, columnsOf, params);
  const list = columns.map((column) => `${alias}.${quoteIdentifier(column)}`).join(', ');
  return { sql: `select ${list} from ${quoteIdentifier(meta.tableName)} ${alias} where ${scope} and ${where}`, bindings: params.values };
}
