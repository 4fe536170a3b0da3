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

/** The unit levels, top down; each has a database role (Migration20261129000000_rls_level_roles). */
export const SCOPE_LEVELS = ['CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE'] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];

export const scopeRole = (level: ScopeLevel): string => `gridwatch_${level.toLowerCase()}`;

/** The login role and the four level roles: every policy that is not a level's own names them all. */
export const TENANT_ROLES = ['gridwatch_app', ...SCOPE_LEVELS.map(scopeRole)];

/**
 * Row-level security for a table created after the level roles: one policy per level, each a
 * single equality an index can answer. `columns` are the table's city, county, township and
 * village-anchor columns. Rows that follow a parent use `dependentPolicySql` instead.
 */
export function levelPoliciesSql(table: string, columns: [city: string, county: string, township: string, anchor: string]): string[] {
  const name = table.replaceAll('"', '');
  return [
    `alter table ${table} enable row level security;`,
    `alter table ${table} force row level security;`,
    `create policy ${name}_owner on ${table} to current_user using (true) with check (true);`,
    ...SCOPE_LEVELS.map((level, i) => {
      const condition = `${columns[i]} = gw_unit_id('${level}')`;
      return `create policy ${name}_${level.toLowerCase()} on ${table} to ${scopeRole(level)} using (${condition}) with check (${condition});`;
    }),
  ];
}

/** Row-level security for a table whose rows are visible exactly when their parent row is. */
export function dependentPolicySql(table: string, condition: string): string[] {
  const name = table.replaceAll('"', '');
  return [
    `alter table ${table} enable row level security;`,
    `alter table ${table} force row level security;`,
    `create policy ${name}_owner on ${table} to current_user using (true) with check (true);`,
    `create policy ${name}_tenant on ${table} to ${TENANT_ROLES.join(', ')} using (${condition}) with check (${condition});`,
  ];
}
