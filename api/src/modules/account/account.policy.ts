import type { Policy } from '../../auth/ability';
import { unitSubtree } from '../../auth/territory';
import { GridLevel, Role } from '../../common/enums';

/**
 * Roles an administrator may grant, inside its own subtree only: never its own rank or
 * above (a county admin makes platform operators, departments, officers, townships and
 * grid workers; a township admin makes grid workers).
 */
export const GRANTABLE_ROLES: Partial<Record<Role, Role[]>> = {
  [Role.CITY_ADMIN]: [
    Role.CITY_INSPECTOR,
    Role.CITY_DEPARTMENT,
    Role.PLATFORM_OPERATOR,
    Role.COUNTY_ADMIN,
    Role.COUNTY_DEPARTMENT,
    Role.OFFICER,
    Role.TOWNSHIP_ADMIN,
    Role.GRID_WORKER,
  ],
  [Role.COUNTY_ADMIN]: [Role.PLATFORM_OPERATOR, Role.COUNTY_DEPARTMENT, Role.OFFICER, Role.TOWNSHIP_ADMIN, Role.GRID_WORKER],
  [Role.TOWNSHIP_ADMIN]: [Role.GRID_WORKER],
};

/** The unit levels each role can belong to (属地 of the role). */
export const ROLE_UNIT_LEVELS: Record<Role, GridLevel[]> = {
  [Role.CITY_ADMIN]: [GridLevel.CITY],
  [Role.CITY_INSPECTOR]: [GridLevel.CITY],
  [Role.CITY_DEPARTMENT]: [GridLevel.CITY],
  [Role.PLATFORM_OPERATOR]: [GridLevel.COUNTY],
  [Role.COUNTY_ADMIN]: [GridLevel.COUNTY],
  [Role.COUNTY_DEPARTMENT]: [GridLevel.COUNTY],
  [Role.OFFICER]: [GridLevel.CITY, GridLevel.COUNTY, GridLevel.TOWNSHIP],
  [Role.TOWNSHIP_ADMIN]: [GridLevel.TOWNSHIP],
  // Urban grid workers are employed by the district, the others by their township.
  [Role.GRID_WORKER]: [GridLevel.COUNTY, GridLevel.TOWNSHIP],
  [Role.API_CLIENT]: [],
};

/** Accounts and API keys: administrators manage those of their subtree, within the roles they may grant. */
export const accountPolicy: Policy = ({ can }, p) => {
  if (p.accountId != null) can('read', 'Account', { id: p.accountId });
  const grantable = GRANTABLE_ROLES[p.role];
  if (!grantable) return;
  const subtree = unitSubtree(p, 'unitId');
  can('read', 'Account', subtree);
  can(['create', 'update', 'deactivate'], 'Account', { ...subtree, role: { $in: grantable } });
  if (p.role !== Role.TOWNSHIP_ADMIN) can(['read', 'create', 'deactivate'], 'ApiKey', subtree);
};
