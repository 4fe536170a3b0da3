import type { Policy } from '../../auth/ability';
import { territory, unitSubtree } from '../../auth/territory';
import { Role } from '../../common/enums';

/**
 * Patrols: the rule is city-wide (everyone reads it, the city sets it); plans and check-ins
 * are read in territory; administrators generate their units' plans; grid workers check in
 * on the grids they reach.
 */
export const patrolPolicy: Policy = ({ can }, p) => {
  // No key scope covers patrol records: third parties never see them.
  if (p.role === Role.API_CLIENT) return;
  can('read', 'PatrolRule');
  for (const where of territory(p, 'attached')) can('read', ['PatrolPlan', 'PatrolCheckIn'], where);
  switch (p.role) {
    case Role.CITY_ADMIN:
      can('update', 'PatrolRule');
      can('create', 'PatrolPlan', unitSubtree(p, 'gridId'));
      break;
    case Role.COUNTY_ADMIN:
    case Role.TOWNSHIP_ADMIN:
      can('create', 'PatrolPlan', unitSubtree(p, 'gridId'));
      break;
    case Role.GRID_WORKER:
      for (const where of territory(p, 'attached')) can('create', 'PatrolCheckIn', where);
      // The photo of one's own check-in (attached once, see patrol-photo.service).
      can('update', 'PatrolCheckIn', ['photo'], { recordedById: p.accountId });
      break;
    default:
      break;
  }
};
