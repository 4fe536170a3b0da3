import { raw, type Dictionary, type Options } from '@mikro-orm/core';
import { entityColumns, scopeSql } from '../data/scope-sql';
import { SqlParams, UntranslatableCondition } from '../data/sql-condition';
import { subjectTypes, type Action, type AppAbility, type SubjectType } from './ability';

/** Stands for the query's table alias until MikroORM names it. */
const ALIAS = '__gw_alias__';

export const SCOPE_FILTER = 'scope';

type FilterDef = NonNullable<Options['filters']>[string] & { name: string };

/** What a request puts on its entity manager: its ability, or the system marker for trusted jobs. */
export type ScopeFilterArgs = { ability: AppAbility } | { system: true };

/** Matches nothing: no row has a null primary key. */
export const NOTHING = { id: null };

export { scopeCondition } from '../data/scope-sql';

/** City-wide reference data: the same for every caller, so no territory applies. */
const cityWide = new Set<SubjectType>([
  'CaseCategory',
  'CalendarDay',
  'CalendarYear',
  'TimeLimit',
  'DutyAssignment',
  'InspectionFrequency',
  'PatrolRule',
  'AssessmentIndicator',
  'DisclosureSetting',
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
  cond: (args: Dictionary, operation, em, _options, entityName) => {
    const scopeArgs = args as ScopeFilterArgs;
    if ('system' in scopeArgs && scopeArgs.system === true) return {};
    if (!('ability' in scopeArgs)) return NOTHING;
    const type = (typeof entityName === 'string' ? entityName : (entityName as { name: string }).name) as SubjectType;
    const action = operationAction[operation];
    // The one scope compiler writes the condition, under the query's own alias.
    const params = new SqlParams('?');
    let where: string;
    try {
      where = scopeSql(scopeArgs.ability, action, type, entityColumns(em.getMetadata().get(type), ALIAS), params);
    } catch (error) {
      if (!(error instanceof UntranslatableCondition)) throw error;
      // A rule the scope compiler cannot write is never widened into something else: nothing.
      return NOTHING;
    }
    if (where === 'false') return NOTHING;
    if (where === 'true') return {};
    return { [raw((alias: string) => where.replaceAll(`${ALIAS}.`, `${alias}.`), params.values)]: [] };
  },
};
