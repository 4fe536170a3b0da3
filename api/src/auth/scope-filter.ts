import type { MongoQuery } from '@casl/ability';
import { rulesToCondition } from '@casl/ability/extra';
import type { Dictionary, FilterQuery, Options } from '@mikro-orm/core';
import { subjectTypes, type Action, type AppAbility, type SubjectType } from './ability';

export const SCOPE_FILTER = 'scope';

type FilterDef = NonNullable<Options['filters']>[string] & { name: string };

/** What a request puts on its entity manager: its ability, or the system marker for trusted jobs. */
export type ScopeFilterArgs = { ability: AppAbility } | { system: true };

/** Matches nothing: no row has a null primary key. */
export const NOTHING = { id: null };

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

/** City-wide reference data: the same for every caller, so no territory applies. */
const cityWide = new Set<SubjectType>([
  'CaseCategory',
  'CalendarDay',
  'CalendarYear',
  'TimeLimit',
  'InspectionFrequency',
  'PatrolRule',
  'AssessmentIndicator',
]);

/** Entities whose every read, update and delete is bounded by the caller's territory. */
export const scopedEntityNames: SubjectType[] = subjectTypes.filter((type) => !cityWide.has(type));

const operationAction: Record<'read' | 'update' | 'delete', Action> = {
  read: 'read',
  update: 'update',
  delete: 'deactivate',
};

/**
 * A default MikroORM filter on every scoped entity, so no query, populate or collection
 * load can forget the territory. It fails closed: without arguments MikroORM refuses to
 * run the query at all.
 */
export const scopeFilterDef: FilterDef = {
  name: SCOPE_FILTER,
  default: true,
  entity: scopedEntityNames,
  cond: (args: Dictionary, operation, _em, _options, entityName) => {
    const scopeArgs = args as ScopeFilterArgs;
    if ('system' in scopeArgs && scopeArgs.system === true) return {};
    if (!('ability' in scopeArgs)) return NOTHING;
    const type = (typeof entityName === 'string' ? entityName : (entityName as { name: string }).name) as SubjectType;
    return (scopeCondition(scopeArgs.ability, operationAction[operation], type) ?? NOTHING) as Dictionary;
  },
};
