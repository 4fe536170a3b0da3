import type { AppAbility } from '../../auth/ability';
import type { SqlFragment } from '../../data/scoped-sql';
import { scopeSql } from '../../data/scope-sql';
import { SqlParams, type Column } from '../../data/sql-condition';
import type { AssessmentSubjectType } from './assessment.enums';

/**
 * The caller's CASL rules on `AssessmentRow` as a SQL condition over the subject CTE `s`
 * (city_id, county_id, township_id, grid_ids int[]), through the one scope compiler: an
 * assessment row is no table, so its column map says how each property appears (the grids as
 * an array, the subject type as the table's one value). A rule it cannot write throws.
 */
export function readableRowSql(ability: AppAbility, subjectType: AssessmentSubjectType): SqlFragment {
  const columns: Record<string, Column> = {
    cityId: 's.city_id',
    countyId: 's.county_id',
    townshipId: 's.township_id',
    gridIds: { array: 's.grid_ids' },
    subjectType: { constant: subjectType },
  };
  const params = new SqlParams('?');
  return { sql: scopeSql(ability, 'read', 'AssessmentRow', (property) => columns[property], params), bindings: params.values };
}
