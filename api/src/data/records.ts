import { permittedFieldsOf } from '@casl/ability/extra';
import type { EntityName, FilterQuery } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Action } from '../auth/ability';
import type { RequestContext } from '../context/request-context';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/errors';
import { fromGlobalId, toGlobalId } from '../common/global-id';
import { columnsFor } from '../common/selection';

type Named<T> = EntityName<T> & { name: string };

/**
 * Loads a record by its global id through the scoped entity manager. A record outside
 * the caller's territory and one that does not exist give the same NOT_FOUND.
 */
export async function findVisible<T extends object>(ctx: RequestContext, entity: Named<T>, globalId: string): Promise<T> {
  const id = fromGlobalId(entity.name, globalId);
  const found = await ctx.em.findOne(entity, { id } as FilterQuery<T>);
  if (!found) throw new NotFoundError(entity.name, globalId);
  return found;
}

/**
 * Like findVisible, for a record a query only returns, never for one a mutation changes: with
 * the field's `info`, only the columns its document asks for (selection.ts), a partial entity.
 */
export async function findVisibleRow<T extends object>(
  ctx: RequestContext,
  entity: Named<T> & { prototype: T },
  globalId: string,
  info?: GraphQLResolveInfo,
): Promise<T> {
  const id = fromGlobalId(entity.name, globalId);
  const columns = columnsFor(ctx.em.getMetadata().get<T>(entity.name), info, 'object');
  const found = await ctx.em.findOne(entity, { id } as FilterQuery<T>, (columns ? { fields: columns } : {}) as never);
  if (!found) throw new NotFoundError(entity.name, globalId);
  return found;
}

/** Like findVisible, for an internal id (e.g. a foreign key of a record already loaded). */
export async function findVisibleById<T extends { id: number }>(ctx: RequestContext, entity: Named<T>, id: number): Promise<T> {
  const found = await loadVisible(ctx, entity, id);
  if (!found) throw new NotFoundError(entity.name, toGlobalId(entity.name, id));
  return found;
}

/** Batches by-id lookups of one type within a request; out-of-scope ids resolve to null. */
export function loadVisible<T extends { id: number }>(ctx: RequestContext, entity: Named<T>, id: number | null | undefined): Promise<T | null> {
  if (id == null) return Promise.resolve(null);
  const loader = ctx.loaders.get<number, T | null>(`${entity.name}.byId`, async (ids) => {
    const rows = await ctx.em.find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<T>);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((key) => byId.get(key) ?? null);
  });
  return loader.load(id);
}

/**
 * The rows of one type that hang off a parent (a case's assignments, evidence, alerts),
 * batched over every parent on the page: one scoped statement, never one per parent.
 */
export function loadChildren<T extends object>(
  ctx: RequestContext,
  entity: Named<T>,
  property: keyof T & string,
  parentId: number,
): Promise<T[]> {
  const loader = ctx.loaders.get<number, T[]>(`${entity.name}.by.${property}`, async (ids) => {
    const rows = await ctx.em.find(entity, { [property]: { $in: [...ids] } } as unknown as FilterQuery<T>, {
      orderBy: { id: 'asc' } as never,
    });
    return ids.map((id) => rows.filter((row) => (row as Record<string, unknown>)[property] === id));
  });
  return loader.load(parentId);
}

/** The instance check after the scoped load: may this caller do `action` to this record? */
export function assertCan(ctx: RequestContext, action: Action, record: object): void {
  if (!ctx.ability.can(action, record)) {
    throw new ForbiddenError(`Your role may not ${action} this ${record.constructor.name} here`);
  }
}

/**
 * Input fields the caller may not change on this record are refused by name (never
 * silently dropped). Rules without a field list permit every field.
 */
export function assertPermittedFields(ctx: RequestContext, action: Action, record: object, input: object): void {
  const given = Object.entries(input)
    .filter(([, value]) => value !== undefined)
    .map(([field]) => field);
  const permitted = new Set(permittedFieldsOf(ctx.ability, action, record, { fieldsFrom: (rule) => rule.fields ?? given }));
  const refused = given.filter((field) => !permitted.has(field));
  if (refused.length) throw new ForbiddenError(`Your role may not change ${refused.join(', ')} here`, { fields: refused });
}

/** Escapes LIKE wildcards in user search text. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Optimistic concurrency: the record must still be at the version the caller read, or the
 * write is a CONFLICT naming the current version (and state, where the record has one).
 */
export function assertVersion(record: { version: number; status?: string }, version: number, what: string): void {
  if (record.version !== version) {
    throw new ConflictError(`The ${what} was changed meanwhile; reload it`, { currentState: record.status, currentVersion: record.version });
  }
}
