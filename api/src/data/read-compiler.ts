import type { EntityMetadata, MetadataStorage } from '@mikro-orm/postgresql';
import {
  GraphQLEnumType,
  GraphQLObjectType,
  GraphQLScalarType,
  getArgumentValues,
  getNamedType,
  isAbstractType,
  isListType,
  isNonNullType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
  type GraphQLType,
  type SelectionSetNode,
} from 'graphql';
import type { AppAbility, SubjectType } from '../auth/ability';
import { cursorValues, MAX_PAGE_SIZE } from '../common/connection';
import type { FieldRead, ListQuery, ReadModel, RowsQuery } from './read-model';
import { entityColumns, quoteIdentifier, scopeSql, type TableColumnOf } from './scope-sql';
import { conditionSql, SqlParams, type Column } from './sql-condition';

/** The document asks for something the compiler does not write: the resolvers answer it instead. */
export class NotCompilable extends Error {}

export interface CompileEnv {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  ability: AppAbility;
  models: ReadonlyMap<string, ReadModel>;
  metadata: MetadataStorage;
  /** False only where the CASL scope filter is switched off too (the row-level security backstop test). */
  scoped: boolean;
}

export interface Statement {
  sql: string;
  values: unknown[];
}

interface OrderKey {
  property: string;
  direction: 'asc' | 'desc';
}

interface Page {
  first: number;
  /** The sort values after which the page starts (a decoded cursor), or null for the first page. */
  after: unknown[] | null;
}

/** json_build_object takes at most 100 arguments. */
const MAX_KEYS = 50;

const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const base64url = (text: string) => `translate(encode(convert_to(${text}, 'UTF8'), 'base64'), E'+/\\n=', '-_')`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'::text`;

/**
 * Compiles one root field of a query into one SQL statement that builds its answer as JSON in
 * PostgreSQL (as PostGraphile does): nested records and connections become correlated
 * subqueries, each bounded by the caller's scope (scope-sql.ts), every value bound. The
 * answer is what the resolvers would have returned, byte for byte (read-compiler's
 * differential test); anything outside the read models throws NotCompilable.
 */
export class ReadCompiler {
  private readonly params = new SqlParams();
  private aliases = 0;

  constructor(private readonly env: CompileEnv) {}

  /** `select <record json> from <table> where id = $1 and <scope>`: no row when absent or out of scope. */
  byId(typeName: string, id: number, field: FieldNode): Statement {
    const model = this.model(typeName);
    const alias = this.alias();
    const meta = this.meta(model);
    const body = this.objectJson(model, alias, this.objectType(typeName), [field]);
    const sql = `select ${body} as v from ${table(meta)} ${alias} where ${alias}."id" = ${this.params.add(id)}::bigint and ${this.scope(model, meta, alias)}`;
    return { sql, values: this.params.values };
  }

  /** A root connection: the service's filter and order, `first` and `after` (forward pages only). */
  list(typeName: string, query: ListQuery<object>, args: Record<string, unknown>, field: FieldNode, connectionType: GraphQLObjectType): Statement {
    if (args.last != null || args.before != null) throw new NotCompilable('backward page');
    const model = this.model(typeName);
    const order = query.orderBy.map((entry) => {
      const [[property, direction]] = Object.entries(entry) as [string, string][];
      const lower = String(direction).toLowerCase();
      if (lower !== 'asc' && lower !== 'desc') throw new NotCompilable(`order ${String(direction)}`);
      return { property, direction: lower } as OrderKey;
    });
    const page = { first: pageSize(args.first), after: decodeCursor(args.after, order.length) };
    const where = (columnsOf: TableColumnOf) => [conditionSql(query.where as Record<string, unknown>, columnsOf, this.params)];
    const sql = this.connectionSelect(model, where, order, page, [field], connectionType);
    return { sql, values: this.params.values };
  }

  /**
   * Rows a service computes (`query`, `?` placeholders), as one JSON array in the query's order;
   * their related records (a statistic's unit) are correlated subqueries under the caller's scope.
   */
  rows(typeName: string, query: RowsQuery | null, field: FieldNode): Statement {
    if (!query) return { sql: `select '[]'::json as v`, values: [] };
    const model = this.model(typeName);
    if (!('rowColumns' in model.entity)) throw new NotCompilable(`${typeName} is a table`);
    const alias = this.alias();
    const pieces = query.sql.split('?');
    if (pieces.length !== query.bindings.length + 1) throw new NotCompilable('placeholders do not match the bindings');
    const inner = pieces.reduce((sql, piece, i) => `${sql}${this.params.add(query.bindings[i - 1])}${piece}`);
    const body = this.objectJson(model, alias, this.objectType(typeName), [field]);
    const order = query.orderBy.map((column) => `${alias}.${quoteIdentifier(column)}`).join(', ');
    const sql = `select coalesce(json_agg(${body}${order ? ` order by ${order}` : ''}), '[]'::json) as v from (${inner}) ${alias}`;
    return { sql, values: this.params.values };
  }

  private objectJson(model: ReadModel, alias: string, type: GraphQLObjectType, nodes: readonly FieldNode[]): string {
    const fields = this.collect(type, nodes);
    if (fields.size > MAX_KEYS) throw new NotCompilable('too many fields');
    const columnsOf = 'rowColumns' in model.entity ? rowColumnsOf(model.entity.rowColumns, alias) : entityColumns(this.meta(model), alias);
    const pairs = [...fields].map(([key, fieldNodes]) => `${literal(key)}, ${this.fieldJson(model, alias, columnsOf, type, fieldNodes)}`);
    return `json_build_object(${pairs.join(', ')})`;
  }

  private fieldJson(model: ReadModel, alias: string, columnsOf: TableColumnOf, type: GraphQLObjectType, nodes: FieldNode[]): string {
    const name = nodes[0].name.value;
    if (name === '__typename') return literal(type.name);
    const definition = type.getFields()[name] as GraphQLField<unknown, unknown> | undefined;
    const read: FieldRead | undefined = model.fields[name];
    if (!definition || !read) throw new NotCompilable(`${type.name}.${name}`);
    switch (read.kind) {
      case 'column':
        return scalarJson(required(columnsOf(name)), definition.type);
      case 'restricted':
        if (!model.subject || !readableWithRecord(this.env.ability, model.subject, name)) throw new NotCompilable(`${type.name}.${name} is hidden from this caller`);
        return scalarJson(required(columnsOf(name)), definition.type);
      case 'globalId':
        return base64url(`${literal(`${this.meta(model).className}:`)} || ${alias}."id"`);
      case 'point': {
        const [lng, lat] = [required(columnsOf(read.lng)), required(columnsOf(read.lat))];
        const pointType = this.objectType(getNamedType(definition.type).name);
        const pairs = [...this.collect(pointType, nodes)].map(([key, [node]]) => {
          const sub = node.name.value;
          return `${literal(key)}, ${sub === '__typename' ? literal(pointType.name) : sub === 'lng' ? lng : sub === 'lat' ? lat : unknownField(sub)}`;
        });
        return `case when ${lng} is null or ${lat} is null then null else json_build_object(${pairs.join(', ')}) end`;
      }
      case 'parent': {
        const parent = this.model(read.type);
        const parentMeta = this.meta(parent);
        const parentAlias = this.alias();
        const body = this.objectJson(parent, parentAlias, this.objectType(read.type), nodes);
        const scope = this.scope(parent, parentMeta, parentAlias);
        return `(select ${body} from ${table(parentMeta)} ${parentAlias} where ${parentAlias}."id" = ${required(columnsOf(read.property))} and ${scope})`;
      }
      case 'children': {
        const args = getArgumentValues(definition, nodes[0], this.env.variables);
        const child = this.model(read.type);
        const page = { first: pageSize(args.first), after: decodeCursor(args.after, 1) };
        const where = (childColumns: TableColumnOf) => [`${required(childColumns(read.property))} = ${alias}."id"`];
        return `(${this.connectionSelect(child, where, [{ property: 'id', direction: read.order }], page, nodes, this.objectType(getNamedType(definition.type).name))})`;
      }
    }
  }

  /**
   * One page: the inner select reads `first + 1` rows by keyset (the extra one says whether a
   * next page exists) and builds each item's JSON; the outer one aggregates them in order.
   */
  private connectionSelect(
    model: ReadModel,
    where: (columnsOf: TableColumnOf) => string[],
    order: OrderKey[],
    page: Page,
    nodes: readonly FieldNode[],
    connectionType: GraphQLObjectType,
  ): string {
    const meta = this.meta(model);
    const alias = this.alias();
    const columnsOf = entityColumns(meta, alias);
    const direction = order[0].direction;
    if (order.some((key) => key.direction !== direction)) throw new NotCompilable('mixed order');
    const keys = order.map((key) => ({ ...key, column: required(columnsOf(key.property)) }));
    const itemType = this.objectType(getNamedType(connectionType.getFields().nodes.type).name);
    const inner: string[] = keys.map((key, i) => `${key.column} as gw_k${i}`);
    const innerColumn = (expression: string) => {
      inner.push(`${expression} as gw_c${inner.length}`);
      return `gw_page.gw_c${inner.length - 1}`;
    };
    const aggregateOrder = keys.map((key, i) => `gw_page.gw_k${i} ${key.direction}`).join(', ');
    const first = page.first;
    const aggregate = (column: string) => `coalesce(array_to_json((array_agg(${column} order by ${aggregateOrder}))[1:${first}]), '[]'::json)`;
    // A page's first or last cursor, written once from its sort keys (not for every row).
    const cursor = (index: string) =>
      this.cursorJson(meta, keys.map((key, i) => ({ ...key, column: `(array_agg(gw_page.gw_k${i} order by ${aggregateOrder}))[${index}]` })));
    const outer: string[] = [];
    for (const [key, fieldNodes] of this.collect(connectionType, nodes)) {
      const name = fieldNodes[0].name.value;
      let value: string;
      if (name === '__typename') value = literal(connectionType.name);
      else if (name === 'nodes') value = aggregate(innerColumn(this.objectJson(model, alias, itemType, fieldNodes)));
      else if (name === 'edges') value = aggregate(innerColumn(this.edgeJson(model, alias, meta, keys, connectionType, fieldNodes, itemType)));
      else if (name === 'totalCount') value = this.count(model, where);
      else if (name === 'pageInfo') value = this.pageInfoJson(fieldNodes, first, page.after !== null, cursor);
      else throw new NotCompilable(`${connectionType.name}.${name}`);
      outer.push(`${literal(key)}, ${value}`);
    }
    const conditions = [...where(columnsOf), this.scope(model, meta, alias)];
    if (page.after) {
      const values = page.after.map((value) => this.params.add(value));
      conditions.push(`(${keys.map((key) => key.column).join(', ')}) ${direction === 'asc' ? '>' : '<'} (${values.join(', ')})`);
    }
    const innerOrder = keys.map((key) => `${key.column} ${key.direction}`).join(', ');
    const rows = `select ${inner.join(', ')} from ${table(meta)} ${alias} where ${conditions.join(' and ')} order by ${innerOrder} limit ${first + 1}`;
    // One group even when the page is empty and nothing aggregates it (`{ totalCount }` alone).
    return `select json_build_object(${outer.join(', ')}) as v from (${rows}) gw_page group by ()`;
  }

  private edgeJson(
    model: ReadModel,
    alias: string,
    meta: EntityMetadata,
    keys: (OrderKey & { column: string })[],
    connectionType: GraphQLObjectType,
    nodes: FieldNode[],
    itemType: GraphQLObjectType,
  ): string {
    const edgeType = this.objectType(getNamedType(connectionType.getFields().edges.type).name);
    const pairs = [...this.collect(edgeType, nodes)].map(([key, fieldNodes]) => {
      const name = fieldNodes[0].name.value;
      if (name === '__typename') return `${literal(key)}, ${literal(edgeType.name)}`;
      if (name === 'cursor') return `${literal(key)}, ${this.cursorJson(meta, keys)}`;
      if (name === 'node') return `${literal(key)}, ${this.objectJson(model, alias, itemType, fieldNodes)}`;
      return unknownField(name);
    });
    return `json_build_object(${pairs.join(', ')})`;
  }

  private pageInfoJson(nodes: FieldNode[], first: number, hasPrevious: boolean, cursor: (index: string) => string): string {
    const pageInfoType = this.objectType('PageInfo');
    const pairs = [...this.collect(pageInfoType, nodes)].map(([key, [node]]) => {
      switch (node.name.value) {
        case '__typename':
          return `${literal(key)}, ${literal('PageInfo')}`;
        case 'hasNextPage':
          return `${literal(key)}, count(*) > ${first}`;
        case 'hasPreviousPage':
          return `${literal(key)}, ${hasPrevious}`;
        case 'startCursor':
          return `${literal(key)}, ${cursor('1')}`;
        case 'endCursor':
          return `${literal(key)}, ${cursor(`least(count(*), ${first})`)}`;
        default:
          return unknownField(node.name.value);
      }
    });
    return `json_build_object(${pairs.join(', ')})`;
  }

  /** MikroORM's cursor (`base64url(JSON.stringify([sort values]))`), dates as JSON writes them. */
  private cursorJson(meta: EntityMetadata, keys: (OrderKey & { column: string })[]): string {
    const values = keys.map(({ property, column }) => {
      const isDate = meta.properties[property as keyof typeof meta.properties]?.runtimeType === 'Date';
      return `to_json(${isDate ? iso(column) : column})::text`;
    });
    return base64url(`'[' || ${values.join(` || ',' || `)} || ']'`);
  }

  private count(model: ReadModel, where: (columnsOf: TableColumnOf) => string[]): string {
    const meta = this.meta(model);
    const alias = this.alias();
    const conditions = [...where(entityColumns(meta, alias)), this.scope(model, meta, alias)];
    return `(select count(*)::int from ${table(meta)} ${alias} where ${conditions.join(' and ')})`;
  }

  private scope(model: ReadModel, meta: EntityMetadata, alias: string): string {
    return model.subject && this.env.scoped ? scopeSql(this.env.ability, 'read', model.subject, entityColumns(meta, alias), this.params) : 'true';
  }

  /** The fields of a selection on a type, merged by response key in document order (as graphql-js collects them). */
  private collect(type: GraphQLObjectType, nodes: readonly FieldNode[]): Map<string, FieldNode[]> {
    const fields = new Map<string, FieldNode[]>();
    const visit = (selectionSet: SelectionSetNode | undefined, seen: Set<string>) => {
      for (const selection of selectionSet?.selections ?? []) {
        if (selection.directives?.length) throw new NotCompilable('directive');
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          fields.set(key, [...(fields.get(key) ?? []), selection]);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (this.matches(selection.typeCondition?.name.value, type)) visit(selection.selectionSet, seen);
        } else {
          const name = selection.name.value;
          const fragment = this.env.fragments[name];
          if (!fragment || seen.has(name)) continue;
          if (fragment.directives?.length) throw new NotCompilable('directive');
          if (this.matches(fragment.typeCondition.name.value, type)) visit(fragment.selectionSet, new Set([...seen, name]));
        }
      }
    };
    for (const node of nodes) visit(node.selectionSet, new Set());
    return fields;
  }

  private matches(condition: string | undefined, type: GraphQLObjectType): boolean {
    if (!condition || condition === type.name) return true;
    const conditionType = this.env.schema.getType(condition);
    return isAbstractType(conditionType) && this.env.schema.isSubType(conditionType, type);
  }

  private model(typeName: string): ReadModel {
    const model = this.env.models.get(typeName);
    if (!model) throw new NotCompilable(`no read model for ${typeName}`);
    return model;
  }

  private meta(model: ReadModel): EntityMetadata {
    if ('rowColumns' in model.entity) throw new NotCompilable(`${model.type} is computed rows, not a table`);
    return this.env.metadata.get(model.entity.name);
  }

  private objectType(name: string): GraphQLObjectType {
    const type = this.env.schema.getType(name);
    if (!(type instanceof GraphQLObjectType)) throw new NotCompilable(`${name} is not an object type`);
    return type;
  }

  private alias(): string {
    this.aliases += 1;
    return `t${this.aliases}`;
  }
}

/** A computed row's property → its column under the alias. */
function rowColumnsOf(rowColumns: Record<string, string>, alias: string): TableColumnOf {
  return (property) => (Object.hasOwn(rowColumns, property) ? `${alias}.${quoteIdentifier(rowColumns[property])}` : undefined);
}

function table(meta: EntityMetadata): string {
  return quoteIdentifier(meta.tableName);
}

/** A plain column of the table (not related rows). */
function required(column: Column | undefined): string {
  if (typeof column !== 'string') throw new NotCompilable('no such column');
  return column;
}

function unknownField(name: string): never {
  throw new NotCompilable(`field ${name}`);
}

/** A leaf value as its GraphQL type serialises it; only types whose JSON PostgreSQL writes the same way. */
function scalarJson(column: string, type: GraphQLType): string {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) throw new NotCompilable('list of scalars');
  const named = getNamedType(type);
  if (named instanceof GraphQLEnumType) {
    // Only enums whose GraphQL names are their stored values (all of ours); a mapped one is the resolvers'.
    if (named.getValues().some((value) => value.name !== value.value)) throw new NotCompilable(`enum ${named.name}`);
    return column;
  }
  if (!(named instanceof GraphQLScalarType)) throw new NotCompilable(`${named.name} is not a leaf`);
  if (named.name === 'DateTimeISO') return iso(column);
  if (['String', 'Int', 'Float', 'Boolean', 'ID', 'JSONObject'].includes(named.name)) return column;
  throw new NotCompilable(`scalar ${named.name}`);
}

function pageSize(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) throw new NotCompilable('page size');
  return value;
}

/** A cursor this API gave out, decoded to `length` sort values; anything else is the resolvers' error to raise. */
function decodeCursor(value: unknown, length: number): unknown[] | null {
  if (value == null) return null;
  const decoded = cursorValues(String(value));
  if (decoded?.length === length && decoded.every((v) => (v !== null && typeof v !== 'object') || v instanceof Date)) return decoded;
  throw new NotCompilable('cursor');
}

/** The caller's rules for reading the field are its rules for reading the record: the same decision on every row. */
function readableWithRecord(ability: AppAbility, subject: SubjectType, field: string): boolean {
  const forRecord = ability.rulesFor('read', subject);
  const forField = ability.rulesFor('read', subject, field);
  return forRecord.length === forField.length && forRecord.every((rule, i) => rule === forField[i]);
}
