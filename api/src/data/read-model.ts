import type { FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import type { FieldNode } from 'graphql';
import type { SubjectType } from '../auth/ability';
import type { RequestContext } from '../context/request-context';

/**
 * How one GraphQL field of a record type is read in SQL. Only what is listed here is compiled:
 * a field the model does not name (a computed field such as `availableActions`) sends the
 * whole document down the resolvers' path instead.
 */
export type FieldRead =
  /** The entity property of the same name, as its GraphQL type serialises it. */
  | { kind: 'column' }
  /**
   * A column CASL may hide by field (a complainant's name): compiled when the caller's rules
   * for the field are its rules for the record, so the field is readable wherever the record
   * is; otherwise the resolvers answer (null and their refusal, per record).
   */
  | { kind: 'restricted' }
  /** The opaque global id (`base64url("Case:42")`). */
  | { kind: 'globalId' }
  /** A GeoPoint from two number properties, null when either is. */
  | { kind: 'point'; lng: string; lat: string }
  /** A record this one points at (`gridId`), null when outside the caller's territory (loadVisible). */
  | { kind: 'parent'; type: string; property: string }
  /** A nested connection (first/after) of the records pointing here, by id. */
  | { kind: 'children'; type: string; property: string; order: 'asc' | 'desc' };

export interface ReadModel {
  /** The GraphQL object type. */
  type: string;
  /**
   * The entity class: its metadata gives the table and the columns. A model of computed rows
   * (an aggregate a service writes in SQL) names instead each property's column in those rows.
   */
  entity: { name: string } | { rowColumns: Record<string, string> };
  /** The CASL subject bounding every read of the table; none for rows reached only through a visible parent. */
  subject?: SubjectType;
  fields: Record<string, FieldRead>;
}

export interface ListQuery<T> {
  where: FilterQuery<T>;
  /** Keyset order: every key one direction, ending with a unique one. */
  orderBy: QueryOrderMap<T>[];
}

/** The statement of a `rows` root (`?` placeholders): its columns named as the model's rowColumns, in `orderBy`'s order. */
export interface RowsQuery {
  sql: string;
  bindings: unknown[];
  orderBy: string[];
}

/**
 * A root query field the compiler answers: a record by global id, a list with the service's
 * own filter and order, or a list of rows the service computes (statistics), each row's
 * related records read in the same statement.
 */
export type RootRead =
  | { kind: 'byId'; type: string }
  | {
      kind: 'rows';
      type: string;
      /** The arguments' class, checked with its class-validator rules as the resolver's are. */
      args: new () => object;
      /** The statement, or null when the caller may count nothing (an empty list); `field` says what is asked. */
      query: (ctx: RequestContext, args: Record<string, unknown>, field: FieldNode) => Promise<RowsQuery | null>;
      /** Whether building it looks a record up through the ORM (`within`). */
      looksUp: (args: Record<string, unknown>) => boolean;
    }
  | {
      kind: 'list';
      type: string;
      /** The argument classes to validate as the resolver would (class-validator). */
      validate?: Record<string, new () => object>;
      query: (ctx: RequestContext, args: Record<string, unknown>) => Promise<ListQuery<object>>;
      /** Whether building the query looks a record up through the ORM (a `withinId` filter), which needs the caller bound in a transaction. */
      looksUp: (args: Record<string, unknown>) => boolean;
    };

export interface ReadCatalog {
  models: ReadModel[];
  roots: Record<string, RootRead>;
}

/** Column fields named once: `columns('number', 'status')`. */
export function columns(...names: string[]): Record<string, FieldRead> {
  return Object.fromEntries(names.map((name) => [name, { kind: 'column' } as FieldRead]));
}

/**
 * The two root fields of a record type: one by global id (`case`) and its list (`cases`), the
 * list with the service's own filter and order and its filter class's validation.
 */
export function recordRoots<F extends object, O>(
  type: string,
  names: { byId: string; list: string },
  filter: new () => F,
  listQuery: (ctx: RequestContext, filter?: F, order?: O) => Promise<ListQuery<object>>,
  /** Filter fields besides `withinId` whose list query reads the database first (through the request's transaction). */
  lookupFields: (keyof F & string)[] = [],
): Record<string, RootRead> {
  return {
    [names.byId]: { kind: 'byId', type },
    [names.list]: {
      kind: 'list',
      type,
      validate: { filter },
      query: (ctx, args) => listQuery(ctx, args.filter as F | undefined, args.orderBy as O | undefined),
      looksUp: (args) => {
        const given = (args.filter ?? {}) as Record<string, unknown>;
        return ['withinId', ...lookupFields].some((field) => given[field] != null);
      },
    },
  };
}
