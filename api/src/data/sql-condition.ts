import type { MongoQuery } from '@casl/ability';

/**
 * The bound values of one statement, in order: `add` answers the placeholder of a value,
 * numbered (`$1`) for pg, or `?` for a fragment spliced into knex's raw SQL (there the values
 * must be added in the order their placeholders appear in the text).
 */
export class SqlParams {
  readonly values: unknown[] = [];

  constructor(private readonly style: '$n' | '?' = '$n') {}

  add(value: unknown): string {
    this.values.push(value);
    return this.style === '?' ? '?' : `$${this.values.length}`;
  }

  /** `column` is one of `list` (not empty): one array value for pg, one `?` per item for knex (which spreads arrays). */
  isAnyOf(column: string, list: unknown[]): string {
    // One value is an equality, which an index on (county, status, deadline) serves in the page's
    // order; a generic plan for `= any($n)` walks the county's deadlines filtering by status
    // (a page of REPORTED cases: 0.05 against 0.13 ms, and far worse for a rare status).
    if (list.length === 1) return `${column} = ${this.add(list[0])}`;
    return this.style === '?' ? `${column} in (${list.map((item) => this.add(item)).join(', ')})` : `${column} = any(${this.add(list)})`;
  }
}

/** A condition the compiler does not know how to write: the caller fails closed. */
export class UntranslatableCondition extends Error {}

/**
 * How a property appears in SQL: a column (already qualified by the table's alias); an array
 * column, which matches when any of its elements does (CASL's semantics for arrays); a value
 * that is the same for every row of the statement, decided here; or the rows of another table
 * pointing at this one (`{ items: { $some: … } }`), written as `exists` over them.
 */
export type Column = string | { array: string } | { constant: Scalar } | { some: (condition: Record<string, unknown>, params: SqlParams) => string };

/** A property name → how it appears in SQL, or undefined when the table has no such property. */
export type ColumnOf = (property: string) => Column | undefined;

export type Scalar = string | number | boolean | Date | null;

const comparisons: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/**
 * A Mongo-style condition (CASL rule conditions, and the lists' own filters) as a SQL boolean
 * over a table: `{ countyId: 5, status: { $in: [...] } }` → `t.county_id = $1 and t.status = any($2)`.
 * Values are always bound. Semantics are CASL's (what `ability.can` says of a record), so a
 * NULL never turns a `$not` or `$ne` into "no": `is distinct from`, `not coalesce(…, false)`.
 */
export function conditionSql(condition: MongoQuery | Record<string, unknown>, columnOf: ColumnOf, params: SqlParams): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(condition)) {
    if (key === '$and' || key === '$or') {
      const list = asConditions(value, key).map((item) => conditionSql(item, columnOf, params));
      parts.push(list.length ? `(${list.join(key === '$and' ? ' and ' : ' or ')})` : key === '$and' ? 'true' : 'false');
    } else if (key === '$not') {
      parts.push(`not coalesce(${conditionSql(asCondition(value), columnOf, params)}, false)`);
    } else if (key.startsWith('$')) {
      throw new UntranslatableCondition(`operator ${key}`);
    } else {
      const column = columnOf(key);
      if (!column) throw new UntranslatableCondition(`property ${key}`);
      parts.push(fieldSql(column, value, params));
    }
  }
  return parts.length === 0 ? 'true' : parts.length === 1 ? parts[0] : `(${parts.join(' and ')})`;
}

function fieldSql(column: Column, value: unknown, params: SqlParams): string {
  if (typeof column === 'object' && 'some' in column) return someSql(column.some, value, params);
  if (typeof column !== 'string') return 'array' in column ? arraySql(column.array, value, params) : constantSql(column.constant, value);
  if (!isOperatorObject(value)) return equals(column, scalar(value), params);
  const parts = Object.entries(value).map(([op, operand]) => {
    switch (op) {
      case '$eq':
        return equals(column, scalar(operand), params);
      case '$ne': {
        const v = scalar(operand);
        return v === null ? `${column} is not null` : `${column} is distinct from ${params.add(v)}`;
      }
      case '$in':
      case '$nin': {
        const list = scalarList(operand);
        if (list.length === 0) return op === '$in' ? 'false' : 'true';
        const test = params.isAnyOf(column, list);
        return op === '$in' ? test : `not coalesce(${test}, false)`;
      }
      case '$like':
      case '$ilike':
        return `${column} ${op === '$like' ? 'like' : 'ilike'} ${params.add(String(scalar(operand)))}`;
      default:
        if (op in comparisons) return `${column} ${comparisons[op]} ${params.add(scalar(operand))}`;
        throw new UntranslatableCondition(`operator ${op}`);
    }
  });
  return parts.length === 1 ? parts[0] : `(${parts.join(' and ')})`;
}

/** An array column: `$eq` one of its elements, `$in` any overlap (the list as a PostgreSQL array literal). */
function arraySql(column: string, value: unknown, params: SqlParams): string {
  const [[op, operand], ...more] = Object.entries(isOperatorObject(value) ? value : { $eq: value });
  if (more.length) throw new UntranslatableCondition('several operators on an array');
  if (op === '$eq' && scalar(operand) !== null) return `${params.add(scalar(operand))} = any(${column})`;
  if (op === '$in') return `${column} && ${params.add(`{${scalarList(operand).map((item) => JSON.stringify(String(item))).join(',')}}`)}`;
  throw new UntranslatableCondition(`operator ${op} on an array`);
}

/** Related rows: `$some` (alone) is true when one of them meets the condition. */
function someSql(some: (condition: Record<string, unknown>, params: SqlParams) => string, value: unknown, params: SqlParams): string {
  const entries = isOperatorObject(value) ? Object.entries(value) : [];
  if (entries.length !== 1 || entries[0][0] !== '$some') throw new UntranslatableCondition('a relation without $some');
  return some(asCondition(entries[0][1]), params);
}

/** A value the same for every row: the condition is true or false before any row is read. */
function constantSql(constant: Scalar, value: unknown): string {
  const [[op, operand], ...more] = Object.entries(isOperatorObject(value) ? value : { $eq: value });
  if (more.length) throw new UntranslatableCondition('several operators on a constant');
  if (op === '$eq') return constant === scalar(operand) ? 'true' : 'false';
  if (op === '$ne') return constant !== scalar(operand) ? 'true' : 'false';
  if (op === '$in') return scalarList(operand).includes(constant) ? 'true' : 'false';
  throw new UntranslatableCondition(`operator ${op} on a constant`);
}

function equals(column: string, value: Scalar, params: SqlParams): string {
  return value === null ? `${column} is null` : `${column} = ${params.add(value)}`;
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && !Array.isArray(value) && Object.keys(value).every((k) => k.startsWith('$'));
}

function scalar(value: unknown): Scalar {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  throw new UntranslatableCondition(`value ${JSON.stringify(value)}`);
}

function scalarList(value: unknown): Scalar[] {
  if (!Array.isArray(value)) throw new UntranslatableCondition('$in without a list');
  const list = value.map(scalar);
  if (list.some((item) => item === null)) throw new UntranslatableCondition('null in a list');
  return list;
}

function asConditions(value: unknown, key: string): MongoQuery[] {
  if (!Array.isArray(value)) throw new UntranslatableCondition(`${key} without a list`);
  return value.map(asCondition);
}

function asCondition(value: unknown): MongoQuery {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UntranslatableCondition('not a condition');
  return value as MongoQuery;
}
