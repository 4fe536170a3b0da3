import { ReferenceKind, type EntityMetadata } from '@mikro-orm/postgresql';
import type { Action, AppAbility, SubjectType } from '../auth/ability';
import { isStoredColumn } from '../common/selection';
import type { MongoQuery } from '@casl/ability';
import { rulesToCondition } from '@casl/ability/extra';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { conditionSql, type Column, type ColumnOf, type SqlParams } from './sql-condition';

/**
 * The caller's territory for `action` on `subject` as a SQL condition over a table: the same
 * CASL rules the ORM filter and `ability.can` read, written through the table's column map.
 * `false` when no rule permits anything; a rule it cannot write throws (UntranslatableCondition):
 * it never widens what a caller sees.
 */
export function scopeSql(ability: AppAbility, action: Action, subject: SubjectType, columnOf: ColumnOf, params: SqlParams): string {
  const condition = scopeCondition<Record<string, unknown>>(ability, action, subject);
  if (condition === null) return 'false';
  return conditionSql(condition as Record<string, unknown>, columnOf, params);
}

/** A table's property → how it appears in SQL (an entity's columns and its related rows). */
export type TableColumnOf = ColumnOf;

/**
 * An entity's column map under a table alias: its scalar properties, the foreign keys it maps to
 * ids, and its one-to-many collections (the rows pointing at it, for `$some`).
 */
export function entityColumns(meta: EntityMetadata, alias: string): ColumnOf {
  return (property) => {
    const prop = meta.properties[property as keyof typeof meta.properties] as EntityMetadata['props'][number] | undefined;
    if (prop?.kind === ReferenceKind.ONE_TO_MANY && prop.targetMeta && prop.mappedBy) return relatedRows(meta, alias, prop.targetMeta, prop.mappedBy);
    if (!prop || !isStoredColumn(prop)) return undefined;
    return `${alias}.${quoteIdentifier(prop.fieldNames[0])}`;
  };
}

/** `exists` over the rows of `child` whose `mappedBy` points at the row under `alias`, meeting a condition. */
function relatedRows(meta: EntityMetadata, alias: string, child: EntityMetadata, mappedBy: string): Column | undefined {
  const foreignKey = child.properties[mappedBy as keyof typeof child.properties]?.fieldNames?.[0];
  const primaryKey = meta.properties[meta.primaryKeys[0] as keyof typeof meta.properties]?.fieldNames?.[0];
  if (!foreignKey || !primaryKey) return undefined;
  // Its own name, not derived from the outer alias (the ORM filter rewrites that one by text).
  const inner = `gw_r_${child.tableName}`;
  return {
    some: (condition, params) =>
      `exists (select 1 from ${quoteIdentifier(child.tableName)} ${inner} where ${inner}.${quoteIdentifier(foreignKey)} = ${alias}.${quoteIdentifier(primaryKey)} and ${conditionSql(condition, entityColumns(child, inner), params)})`,
  };
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * CASL rules → a MikroORM condition: every permitting rule OR-ed, each bounded by the
 * `cannot` rules above it (as `$not`). `null` means no rule permits anything.
 */
export function scopeCondition<T>(ability: AppAbility, action: Action, type: SubjectType): FilterQuery<T> | null {
  const condition = rulesToCondition(
    ability.rulesFor(action, type),
    (rule) => (rule.inverted ? { $not: rule.conditions ?? {} } : (rule.conditions ?? {})) as MongoQuery,
    {
      and: (conditions) => ({ $and: conditions }) as MongoQuery,
      or: (conditions) => ({ $or: conditions }) as MongoQuery,
      empty: () => ({}) as MongoQuery,
    },
  );
  return condition as FilterQuery<T> | null;
}
