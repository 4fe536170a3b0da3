import { Cursor, raw, type EntityManager, type EntityName, type FilterQuery } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import type { AppAbility, SubjectType } from '../auth/ability';
import { scopeCondition } from '../auth/scope-filter';
import type { Loaders } from '../context/loaders';
import { connection, type ChildConnectionArgs, type Connection } from './connection';
import { BadInputError } from './errors';
import { columnsFor, perField, type Columns } from './selection';

export interface ChildRelation<T> {
  entity: EntityName<T> & { name: string; prototype: T };
  /** The CASL subject bounding the children; omitted for rows only reachable through a visible parent. */
  subject?: SubjectType;
  /** The child's property pointing at the parent (e.g. `gridId`) and its column (`grid_id`). */
  property: string;
  column: string;
  order: 'asc' | 'desc';
}

interface ChildPage<T> {
  items: T[];
  hasNextPage: boolean;
}

/** A narrower child list (`filter`), and the field's `info` to read only the columns its document asks for. */
export interface ChildRead<T> {
  filter?: FilterQuery<T>;
  info?: GraphQLResolveInfo;
}

/**
 * A connection nested under a list of parents (grids → sources → cases) in one SQL
 * statement per level: a LATERAL subquery takes each parent's first N children by keyset,
 * within the caller's scope. Nested connections take `first` and `after` only.
 */
export async function childConnection<T extends { id: number }>(
  ctx: { em: EntityManager; ability: AppAbility; loaders: Loaders },
  relation: ChildRelation<T>,
  parentId: number,
  args: ChildConnectionArgs,
  read: ChildRead<T> = {},
): Promise<Connection<T>> {
  const make = () => planOf(ctx, relation, args, read);
  // The same for every parent row of the field: worked out once per request (keyed by its
  // context, since the scope is the caller's).
  const plan = read.info ? (plans(ctx, read.info, make) as ChildPlan<T>) : make();
  // No rule permits anything: an empty page, without asking the database.
  if (!plan.where) return connection<T>([], () => '', { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, async () => 0);
  const { where, key, afterId } = plan;
  const loader = ctx.loaders.get<number, ChildPage<T>>(key, (ids) => loadPages(ctx.em, relation, ids, where, args.first, afterId, plan.columns));
  const page = await loader.load(parentId);
  const counter = ctx.loaders.get<number, number>(`count:${key}`, (ids) => countChildren(ctx.em, relation, ids, where));
  const cursorOf = (node: T) => Cursor.encode([node.id]);
  const [firstItem, lastItem] = [page.items[0], page.items[page.items.length - 1]];
  return connection(
    page.items,
    cursorOf,
    {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: afterId != null,
      // Encoded only when the document asks for them.
      get startCursor() {
        return firstItem ? cursorOf(firstItem) : null;
      },
      get endCursor() {
        return lastItem ? cursorOf(lastItem) : null;
      },
    },
    () => counter.load(parentId),
  );
}

interface ChildPlan<T> {
  /** Null when no rule lets the caller read such children. */
  where: FilterQuery<T> | null;
  afterId: number | null;
  columns: Columns;
  /** The batch's loader key: everything the statement depends on. */
  key: string;
}
const plans = perField<ChildPlan<unknown>>();

function planOf<T extends { id: number }>(
  ctx: { em: EntityManager; ability: AppAbility },
  relation: ChildRelation<T>,
  args: ChildConnectionArgs,
  { filter = {}, info }: ChildRead<T>,
): ChildPlan<T> {
  const afterId = args.after ? decodeIdCursor(args.after) : null;
  const scope = relation.subject ? scopeCondition<T>(ctx.ability, 'read', relation.subject) : ({} as FilterQuery<T>);
  const columns = columnsFor(ctx.em.getMetadata().get<T>(relation.entity.name), info, 'connection');
  return {
    where: scope === null ? null : ({ $and: [scope, filter] } as FilterQuery<T>),
    afterId,
    columns,
    key: `${relation.entity.name}.${relation.column}:${args.first}:${afterId}:${JSON.stringify(filter)}:${columns?.join() ?? '*'}`,
  };
}

function decodeIdCursor(cursor: string): number {
  try {
    const [id] = Cursor.decode(cursor);
    if (typeof id === 'number' && Number.isSafeInteger(id)) return id;
  } catch {
    // fall through to the input error
  }
  throw new BadInputError('Invalid cursor', [{ field: 'after', message: 'not a cursor returned by this API' }]);
}

async function loadPages<T extends { id: number }>(
  em: EntityManager,
  relation: ChildRelation<T>,
  parentIds: readonly number[],
  where: FilterQuery<T>,
  first: number,
  afterId: number | null,
  columns: Columns,
): Promise<ChildPage<T>[]> {
  const inner = em
    .createQueryBuilder(relation.entity, 'child')
    .select(columns ? [...columns] : '*')
    .where(where)
    .andWhere(`child.${relation.column} = parent.id`)
    .orderBy({ id: relation.order } as never)
    .limit(first + 1);
  if (afterId != null) inner.andWhere({ id: relation.order === 'asc' ? { $gt: afterId } : { $lt: afterId } } as never);
  const { sql, bindings } = inner.getKnexQuery().toSQL();
  // Through em.execute so the statement is logged and counted like every other; the parent
  // ids travel as one array literal.
  const rows = await em.execute<Record<string, unknown>[]>(
    `select page.*, parent.id as gw_parent_id from unnest(?::int[]) as parent(id) cross join lateral (${sql}) page`,
    [`{${parentIds.join(',')}}`, ...bindings],
  );
  const byParent = new Map<number, T[]>(parentIds.map((id) => [id, []]));
  // Raw rows (column names) as entities, through MikroORM's own mapping; the parent id is ours.
  for (const { gw_parent_id: parentId, ...row } of rows) byParent.get(parentId as number)?.push(em.map(relation.entity, row as never) as T);
  return parentIds.map((id) => {
    const items = byParent.get(id) ?? [];
    return { items: items.slice(0, first), hasNextPage: items.length > first };
  });
}

async function countChildren<T>(
  em: EntityManager,
  relation: ChildRelation<T>,
  parentIds: readonly number[],
  where: FilterQuery<T>,
): Promise<number[]> {
  const rows = await em
    .createQueryBuilder(relation.entity, 'child')
    .select([`child.${relation.column} as parent`, raw('count(*)::int as n')] as never)
    .where({ $and: [where, { [relation.property]: { $in: parentIds } }] } as never)
    .groupBy(`child.${relation.column}` as never)
    .execute<{ parent: number; n: number }[]>('all', false);
  const counts = new Map(rows.map((r) => [r.parent, r.n]));
  return parentIds.map((id) => counts.get(id) ?? 0);
}
