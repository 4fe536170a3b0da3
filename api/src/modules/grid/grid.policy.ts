import type { Policy } from '../../auth/ability';
import { readsAs, territory } from '../../auth/territory';
import { ApiKeyScope } from '../../common/api-key-scope';
import { GridLevel, Role } from '../../common/enums';

/**
 * Grids: everyone reads their territory. The city administers level-2 units; a county
 * administers what lies below it (never its own county grid, never outside it).
 */
export const gridPolicy: Policy = ({ can }, p) => {
  // A complaint channel must name the grid a complaint is about.
  if (readsAs(p, ApiKeyScope.READ_GRIDS) || readsAs(p, ApiKeyScope.CREATE_COMPLAINTS)) {
    // The unit handling a case one reads: a township follows what it escalated to the county.
    // First, so the SQL tries the territory's plain conditions before this subquery.
    if (readsAs(p, ApiKeyScope.READ_CASES)) for (const where of territory(p, 'attached')) can('read', 'Grid', { handledCases: { $some: where } });
    for (const where of territory(p, 'grid')) can('read', 'Grid', where);
    // One's own unit is always visible (a grid worker's township employs it but is not its beat).
    can('read', 'Grid', { id: p.unitId });
  }
  switch (p.role) {
    case Role.CITY_ADMIN:
      can(['create', 'update', 'deactivate'], 'Grid', { cityId: p.unitId, level: { $ne: GridLevel.CITY } });
      break;
    case Role.COUNTY_ADMIN:
      can(['create', 'update', 'deactivate'], 'Grid', {
        countyId: p.unitId,
        level: { $in: [GridLevel.TOWNSHIP, GridLevel.VILLAGE] },
      });
      break;
    case Role.TOWNSHIP_ADMIN:
      // A township keeps its villages' names and shapes; codes and the hierarchy are the county's.
      can(['create', 'deactivate'], 'Grid', { townshipId: p.unitId, level: GridLevel.VILLAGE });
      can('update', 'Grid', ['name', 'boundary', 'centroid'], { townshipId: p.unitId, level: GridLevel.VILLAGE });
      break;
    default:
      break;
  }
};
