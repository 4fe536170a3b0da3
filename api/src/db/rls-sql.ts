/**
 * SQL used by migrations to put a table under row-level security. Migrations are history:
 * never change what these return; add a new function if the policy shape must change.
 */
export function rowLevelSecuritySql(table: string, condition: string): string[] {
  const name = table.replaceAll('"', '');
  return [
    `alter table ${table} enable row level security;`,
    `alter table ${table} force row level security;`,
    `create policy ${name}_tenant on ${table} to gridwatch_app using (${condition}) with check (${condition});`,
    `create policy ${name}_owner on ${table} to current_user using (true) with check (true);`,
  ];
}

/** The condition for a table with scope columns and a column tying it to a village-level unit. */
export function tenantCondition(anchor: string): string {
  return `gw_visible(city_id, county_id, township_id, ${anchor})`;
}
