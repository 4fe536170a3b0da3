import { type GridLevel, UNIT_LEVELS } from '@gridwatch/domain';
/**
 * SQL used by migrations to put a table under row-level security. Migrations are history:
 * never change what these return; add a new function if the policy shape must change.
 * Since Migration20261129000000_rls_level_roles a tenant table needs one policy per level
 * role instead of `tenantCondition` (row-level-security.e2e.spec.ts fails otherwise), and is
 * declared in tenant-tables.ts (rls-manifest.e2e.spec.ts fails otherwise).
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

/** The unit levels, top down (@gridwatch/domain's); each has a database role (Migration20261129000000_rls_level_roles). */
export const SCOPE_LEVELS: readonly GridLevel[] = UNIT_LEVELS;
export type ScopeLevel = GridLevel;

export const scopeRole = (level: ScopeLevel): string => `gridwatch_${level.toLowerCase()}`;

/** The four level roles, each with the login role's privileges and one equality policy per tenant table. */
export const LEVEL_ROLES = SCOPE_LEVELS.map(scopeRole);

/** The login role and the level roles: every policy that is not a level's own names them all. */
export const TENANT_ROLES = ['gridwatch_app', ...LEVEL_ROLES];

/**
 * A new tenant table under row-level security the way Migration20261129000000_rls_level_roles
 * left the others: one equality policy per level role on its scope column (`anchor` ties a row
 * to a village-level unit), and the owner's own policy.
 */
export function levelPoliciesSql(table: string, anchor: string): string[] {
  const columns = ['city_id', 'county_id', 'township_id', anchor];
  return [
    `alter table ${table} enable row level security;`,
    `alter table ${table} force row level security;`,
    ...SCOPE_LEVELS.map(
      (level, i) =>
        `create policy ${table}_${level.toLowerCase()} on ${table} to ${scopeRole(level)} using (${columns[i]} = gw_unit_id('${level}')) with check (${columns[i]} = gw_unit_id('${level}'));`,
    ),
    `create policy ${table}_owner on ${table} to current_user using (true) with check (true);`,
  ];
}
