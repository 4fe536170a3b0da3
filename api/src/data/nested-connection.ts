import { Cursor, type EntityManager, type EntityName, type FilterQuery } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import type { AppAbility, SubjectType } from '../auth/ability';
import type { Loaders } from '../context/loaders';
import type { RequestContext } from '../context/request-context';
import { quoteIdentifier } from './scope-sql';
import { scopedSelectSql } from './scoped-sql';
import { connection, cursorValues, invalidCursor, type ChildConnectionArgs, type Connection } from '../common/connection';
import { columnsFor, isStoredColumn, perField, type Columns } from '../common/selection';

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
  const loader = ctx.loaders.get<number, ChildPage<T>>(key, (ids) => loadPages(ctx, relation, ids, where, args.first, afterId, plan.columns));
  const page = await loader.load(parentId);
  const counter = ctx.loaders.get<number, number>(`count:${key}`, (ids) => countChildren(ctx, relation, ids, where));
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
  const columns = columnsFor(ctx.em.getMetadata().get<T>(relation.entity.name), info, 'connection');
  // The scope itself is written into the statement by the scope compiler (scopedSelectSql).
  const visible = !relation.subject || ctx.ability.can('read', relation.subject);
  return {
    where: visible ? filter : null,
    afterId,
    columns,
    key: `${relation.entity.name}.${relation.column}:${args.first}:${afterId}:${JSON.stringify(filter)}:${columns?.join() ?? '*'}`,
  };
}

function decodeIdCursor(cursor: string): number {
  const [id] = cursorValues(cursor) ?? [];
  if (typeof id === 'number' && Number.isSafeInteger(id)) return id;
  throw invalidCursor('after');
}

type Scoped = Pick<RequestContext, 'em' | 'ability'>;

async function loadPages<T extends { id: number }>(
  ctx: Scoped,
  relation: ChildRelation<T>,
  parentIds: readonly number[],
  filter: FilterQuery<T>,
  first: number,
  afterId: number | null,
  columns: Columns,
): Promise<ChildPage<T>[]> {
  const meta = ctx.em.getMetadata().get<T>(relation.entity.name);
  // The asked properties' columns, or every column (scalars and the foreign keys kept as ids).
  const stored = meta.props.filter(isStoredColumn);
  const names = (columns ? stored.filter((p) => columns.includes(p.name)) : stored).flatMap((p) => p.fieldNames);
  const keyset = afterId == null ? [] : [{ id: relation.order === 'asc' ? { $gt: afterId } : { $lt: afterId } }];
  const page = scopedSelectSql(ctx, relation.entity, relation.subject, 'child', names, { $and: [filter, ...keyset] } as FilterQuery<T>);
  if (!page) return parentIds.map(() => ({ items: [], hasNextPage: false }));
  // Through em.execute so the statement is logged and counted like every other; the parent
  // ids travel as one array literal.
  const rows = await ctx.em.execute<Record<string, unknown>[]>(
    `select page.*, parent.id as gw_parent_id from unnest(?::int[]) as parent(id) cross join lateral
       (${page.sql} and child.${quoteIdentifier(relation.column)} = parent.id order by child."id" ${relation.order} limit ?) page`,
    [`{${parentIds.join(',')}}`, ...page.bindings, first + 1],
  );
  const byParent = new Map<number, T[]>(parentIds.map((id) => [id, []]));
  // Raw rows (column names) as entities, through MikroORM's own mapping; the parent id is ours.
  for (const { gw_parent_id: parentId, ...row } of rows) byParent.get(parentId as number)?.push(ctx.em.map(relation.entity, row as never) as T);
  return parentIds.map((id) => {
    const items = byParent.get(id) ?? [];
    return { items: items.slice(0, first), hasNextPage: items.length > first };
  });
}

async function countChildren<T>(ctx: Scoped, relation: ChildRelation<T>, parentIds: readonly number[], filter: FilterQuery<T>): Promise<number[]> {
  const children = scopedSelectSql(ctx, relation.entity, relation.subject, 'child', [relation.column], {
    $and: [filter, { [relation.property]: { $in: [...parentIds] } }],
  } as FilterQuery<T>);
  if (!children) return parentIds.map(() => 0);
  const rows = await ctx.em.execute<{ parent: number; n: number }[]>(
    `select c.${quoteIdentifier(relation.column)} as parent, count(*)::int as n from (${children.sql}) c group by 1`,
    children.bindings,
  );
  const counts = new Map(rows.map((r) => [r.parent, r.n]));
  return parentIds.map((id) => counts.get(id) ?? 0);
}
