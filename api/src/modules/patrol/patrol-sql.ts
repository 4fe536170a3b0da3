import type { Grid } from '../grid/grid.entity';

/** SQL bounding rows of `alias` to a unit's subtree, as subtreeOf does for the ORM. */
export function subtreeSql(unit: Grid, alias = 'g', villageColumn = 'id'): [string, number] {
  const column = { CITY: 'city_id', COUNTY: 'county_id', TOWNSHIP: 'township_id', VILLAGE: villageColumn }[unit.level];
  return [`${alias}.${column} = ?`, unit.id];
}

/** A Postgres array literal: knex would expand a JS array binding into a list of parameters. */
export function pgArray(values: readonly (number | null)[]): string {
  return `{${values.map((v) => (v == null ? 'NULL' : String(v))).join(',')}}`;
}
