import { scopeCondition } from '../../auth/scope-filter';
import type { SqlFragment } from '../../common/scoped-sql';
import type { AppAbility } from '../../auth/ability';
import { pgArray } from '../patrol/patrol-sql';
import type { AssessmentSubjectType } from './assessment.enums';

/**
 * The caller's CASL rules on `AssessmentRow` as a SQL condition over the subject CTE `s`
 * (city_id, county_id, township_id, grid_ids int[]). An assessment row is no table, so the
 * MikroORM filter cannot translate it: this compiles the few operators the policy uses and
 * throws on any other (a rule it cannot read must not silently widen or hide rows).
 */
const COLUMNS: Record<string, string> = { cityId: 's.city_id', countyId: 's.county_id', townshipId: 's.township_id' };

type Condition = Record<string, unknown>;

function isIdList(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => Number.isSafeInteger(v));
}

function fieldSql(field: string, test: unknown, subjectType: AssessmentSubjectType, out: unknown[]): string {
  const op = test !== null && typeof test === 'object' && !Array.isArray(test) ? (test as Condition) : { $eq: test };
  const [[name, value], ...more] = Object.entries(op);
  if (more.length) return `(${Object.entries(op).map(([n, v]) => fieldSql(field, { [n]: v }, subjectType, out)).join(' and ')})`;
  if (field === 'subjectType') {
    // The table's subject type is one value: the condition is decided here.
    if (name === '$eq') return value === subjectType ? 'true' : 'false';
    if (name === '$in' && Array.isArray(value)) return value.includes(subjectType) ? 'true' : 'false';
  } else if (field === 'gridIds') {
    // An array field matches when any of its elements does (CASL's semantics).
    if (name === '$eq' && Number.isSafeInteger(value)) return out.push(value), '? = any(s.grid_ids)';
    if (name === '$in' && isIdList(value)) return out.push(pgArray(value)), 's.grid_ids && ?::int[]';
  } else if (COLUMNS[field]) {
    if (name === '$eq' && value === null) return `${COLUMNS[field]} is null`;
    if (name === '$eq' && Number.isSafeInteger(value)) return out.push(value), `${COLUMNS[field]} = ?`;
    if (name === '$in' && isIdList(value)) return out.push(pgArray(value)), `${COLUMNS[field]} = any(?::int[])`;
  }
  throw new Error(`Cannot express the AssessmentRow rule ${field} ${name} in SQL`);
}

function conditionSql(condition: Condition, subjectType: AssessmentSubjectType, out: unknown[]): string {
  const parts = Object.entries(condition).map(([key, value]) => {
    if (key === '$and' || key === '$or') {
      const list = (value as Condition[]).map((c) => conditionSql(c, subjectType, out));
      return list.length ? `(${list.join(key === '$and' ? ' and ' : ' or ')})` : key === '$and' ? 'true' : 'false';
    }
    if (key === '$not') return `not coalesce(${conditionSql(value as Condition, subjectType, out)}, false)`;
    return fieldSql(key, value, subjectType, out);
  });
  return parts.length ? `(${parts.join(' and ')})` : 'true';
}

/** The rows of `subjectType` the caller may read, as SQL over `s`; `false` when no rule permits any. */
export function readableRowSql(ability: AppAbility, subjectType: AssessmentSubjectType): SqlFragment {
  const condition = scopeCondition<Condition>(ability, 'read', 'AssessmentRow');
  if (condition === null) return { sql: 'false', bindings: [] };
  const bindings: unknown[] = [];
  return { sql: conditionSql(condition as Condition, subjectType, bindings), bindings };
}
