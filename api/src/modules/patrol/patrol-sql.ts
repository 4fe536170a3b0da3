import { subtree } from '../../auth/territory';
import { conditionSql, SqlParams } from '../../data/sql-condition';
import type { Grid } from '../grid/grid.entity';

/** SQL bounding rows of `alias` to a unit's subtree: the one subtree notion (territory.ts), written by the condition compiler. */
export function subtreeSql(unit: Grid, alias = 'g', villageColumn = 'id'): [string, unknown] {
  const columns: Record<string, string> = { cityId: `${alias}.city_id`, countyId: `${alias}.county_id`, townshipId: `${alias}.township_id`, village: `${alias}.${villageColumn}` };
  const params = new SqlParams('?');
  const sql = conditionSql(subtree(unit.level, unit.id, 'village'), (property) => columns[property], params);
  return [sql, params.values[0]];
}

/** A Postgres array literal: knex would expand a JS array binding into a list of parameters. */
export function pgArray(values: readonly (number | null)[]): string {
  return `{${values.map((v) => (v == null ? 'NULL' : String(v))).join(',')}}`;
}
