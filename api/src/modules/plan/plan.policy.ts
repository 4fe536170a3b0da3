import type { Policy } from '../../auth/ability';
import { territory, unitSubtree } from '../../auth/territory';
import { Role } from '../../common/enums';

/** Roles that plan enforcement and issue tasks within their unit (制定计划, 交办任务). */
const PLANNERS: Role[] = [Role.CITY_ADMIN, Role.CITY_INSPECTOR, Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN];

/**
 * Enforcement plans are read in the unit's subtree and from the units above (a township
 * sees the county's and the city's plans); tasks where their grid is. Planners write in
 * their subtree; officers and grid workers report the result of tasks on their grids.
 */
export const planPolicy: Policy = ({ can }, p) => {
  if (p.role === Role.API_CLIENT) return;
  const above = [p.unitScope.cityId, p.unitScope.countyId, p.unitScope.townshipId].filter((id): id is number => id != null);
  can('read', 'EnforcementPlan', unitSubtree(p, 'unitId'));
  can('read', 'EnforcementPlan', { unitId: { $in: above } });
  for (const where of territory(p, 'attached')) can('read', 'WorkTask', where);
  if (PLANNERS.includes(p.role)) {
    can(['create', 'update'], 'EnforcementPlan', unitSubtree(p, 'unitId'));
    can(['create', 'update', 'deactivate'], 'WorkTask', unitSubtree(p, 'gridId'));
  } else if (p.role === Role.OFFICER || p.role === Role.GRID_WORKER) {
    for (const where of territory(p, 'attached')) can('update', 'WorkTask', ['status', 'result'], where);
  }
};
