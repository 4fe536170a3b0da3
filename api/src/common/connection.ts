import { Cursor, type EntityManager, type EntityMetadata, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/postgresql';
import { IsOptional, Max, Min, validate } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, ArgumentValidationError, Args, ArgsType, Field, Int, ObjectType, type ClassType, type ValidatorFn } from 'type-graphql';
import { BadInputError } from './errors';
import { columnsFor, perField, type Columns } from './selection';

export const MAX_PAGE_SIZE = 100;

/** class-validator's options for every argument (buildSchema's `validate`, and the nested pages' own check). */
export const ARGUMENT_VALIDATION = { forbidUnknownValues: false };

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `前 N 条 (1-${MAX_PAGE_SIZE}); first 与 last 必须给出其一` })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Opaque cursor: items after it' })
  after?: string;

  @Field(() => Int, { nullable: true, description: `后 N 条 (1-${MAX_PAGE_SIZE})` })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  last?: number;

  @Field(() => String, { nullable: true, description: 'Opaque cursor: items before it' })
  before?: string;
}

/** Lists nested under another object page forward only, from the first item. */
@ArgsType()
export class ChildConnectionArgs {
  @Field(() => Int, { description: `前 N 条 (1-${MAX_PAGE_SIZE})` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first!: number;

  @Field(() => String, { nullable: true, description: 'Opaque cursor: items after it' })
  after?: string;
}

const validatedPerField = perField<Promise<void>>();

/**
 * A nested page's arguments are the same for every parent row (220 objects for grids →
 * sources → cases): class-validator runs once per field of a request, and each row awaits
 * that one answer (an invalid argument still fails every row, as before).
 */
const validateOncePerField: ValidatorFn = (value, _type, { info }) =>
  validatedPerField(info.variableValues, info, async () => {
    const errors = await validate(value as object, { ...ARGUMENT_VALIDATION, skipMissingProperties: true });
    if (errors.length) throw new ArgumentValidationError(errors);
  });

/**
 * A plain list's `first` argument (lists that are not connections): a whole number from 1 to
 * `max`, refused otherwise with BAD_USER_INPUT naming the field, never clamped.
 */
export const PageSize = (defaultValue: number, max: number, description = `至多条数 (1-${max})`) =>
  Arg('first', () => Int, {
    defaultValue,
    description,
    validateFn: (value) => {
      if (typeof value !== 'number' || value < 1 || value > max) throw new BadInputError(`first must be 1-${max}`, [{ field: 'first', message: `1-${max}` }]);
    },
  });

/** The arguments of a nested connection field (`first`, `after`). */
export const ChildPage = () => Args(() => ChildConnectionArgs, { validateFn: validateOncePerField });

@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

/**
 * A Relay connection. `totalCount` is a getter: it runs (and counts in SQL) only when the
 * client selects the field, so counting is opt-in and costs nothing otherwise.
 */
export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

/** Assembles a connection whose edges (a cursor each) and count are made only if the document reads them. */
export function connection<T>(nodes: T[], cursorOf: (node: T) => string, pageInfo: PageInfo, count: () => Promise<number>): Connection<T> {
  return {
    nodes,
    get edges() {
      return nodes.map((node) => ({ node, cursor: cursorOf(node) }));
    },
    pageInfo,
    get totalCount() {
      return count();
    },
  };
}

/** Builds `<Name>Connection` and `<Name>Edge` object types for an item type. */
export function ConnectionType<T extends object>(itemType: ClassType<T>, name: string): ClassType<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => itemType)
    node!: T;

    @Field(() => String)
    cursor!: string;
  }

  @ObjectType(`${name}Connection`, { description: `${name} 分页列表 (Relay connection, keyset)` })
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => [itemType], { description: 'Shortcut for edges { node }' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Total matching items; counted only when asked for' })
    totalCount!: Promise<number>;
  }
  return ConnectionClass;
}

/** Exactly one of first/last, each within bounds (also enforced by validation). */
export function pageWindow(args: ConnectionArgs): { first?: number; last?: number } {
  if ((args.first == null) === (args.last == null)) {
    throw new BadInputError('Give exactly one of first or last', [{ field: 'first', message: 'first or last is required' }]);
  }
  if (args.after && args.before) {
    throw new BadInputError('Give at most one of after or before', [{ field: 'before', message: 'not with after' }]);
  }
  return args.first != null ? { first: args.first } : { last: args.last };
}

/** A cursor this API gave out (MikroORM's: its sort values, dates revived), or null for anything else. */
export function cursorValues(value: string): unknown[] | null {
  try {
    const decoded: unknown = Cursor.decode(value);
    return Array.isArray(decoded) ? decoded : null;
  } catch {
    return null;
  }
}

export function invalidCursor(field: string): BadInputError {
  return new BadInputError('Invalid cursor', [{ field, message: 'not a cursor returned by this API' }]);
}

function checkCursor(value: string | undefined, field: string): void {
  if (value != null && !cursorValues(value)) throw invalidCursor(field);
}

/** The columns the document asks of a page's items, and the sort keys its cursors are made of. */
function pageColumns<T>(meta: EntityMetadata<T>, info: GraphQLResolveInfo | undefined, orderBy: QueryOrderMap<T>[]): Columns {
  const asked = columnsFor(meta, info, 'connection');
  return asked && [...new Set([...asked, ...orderBy.flatMap((order) => Object.keys(order))])];
}

/**
 * Keyset pagination through MikroORM's cursor API: `WHERE (sort keys) > (cursor values)`
 * so page 10,000 costs what page 1 costs. `orderBy` must end with a unique key. With the
 * field's `info`, only the columns the document asks for (selection.ts) and the sort keys
 * are read. The hot lists (cases, grids, sources) are answered by the read compiler before
 * this runs (data/read-compiler.ts); this is the resolvers' path for the rest.
 */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: EntityName<T> & { name: string; prototype: T },
  where: FilterQuery<T>,
  orderBy: QueryOrderMap<T>[],
  args: ConnectionArgs,
  read: { info?: GraphQLResolveInfo } = {},
): Promise<Connection<T>> {
  const window = pageWindow(args);
  checkCursor(args.after, 'after');
  checkCursor(args.before, 'before');
  const meta = em.getMetadata().get<T>(entity.name);
  const fields = pageColumns(meta, read.info, orderBy);
  const options = { ...window, after: args.after, before: args.before, orderBy, includeCount: false, overfetch: true, ...(fields ? { fields } : {}) };
  const cursor = await em.findByCursor(entity, where, options as never);
  return connection(
    cursor.items as T[],
    (node) => cursor.from(node as never),
    { hasNextPage: cursor.hasNextPage, hasPreviousPage: cursor.hasPrevPage, startCursor: cursor.startCursor, endCursor: cursor.endCursor },
    () => em.count(entity, where),
  );
}
