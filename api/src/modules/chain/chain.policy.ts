import type { Policy } from '../../auth/ability';
import { readsAs, territory, unitSubtree } from '../../auth/territory';
import { Role } from '../../common/enums';
import { ApiKeyScope } from '../../common/api-key-scope';

/** Departments read events only through the cases of their field, never a whole chain. */
const departmentRoles = new Set<Role>([Role.CITY_DEPARTMENT, Role.COUNTY_DEPARTMENT]);
const administrations = new Set<Role>([Role.CITY_ADMIN, Role.COUNTY_ADMIN]);

/**
 * Chain checkpoints: read by whoever reads the county's events (its people and its API keys
 * with READ_CASES), requested on demand by the city's or the county's administration.
 */
export const chainPolicy: Policy = ({ can }, p) => {
  if (departmentRoles.has(p.role) || !readsAs(p, ApiKeyScope.READ_CASES)) return;
  for (const where of territory(p, 'attached')) can('read', 'ChainCheckpoint', where);
  if (administrations.has(p.role)) can('create', 'ChainCheckpoint', unitSubtree(p, 'gridId'));
};
