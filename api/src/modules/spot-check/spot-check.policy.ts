import type { Policy } from '../../auth/ability';
import { territory, unitSubtree } from '../../auth/territory';
import { Role } from '../../common/enums';

/** Who runs campaigns: the city's inspectors anywhere, a county's administration in its county. */
const campaignRunners = new Set<Role>([Role.CITY_INSPECTOR, Role.COUNTY_ADMIN]);

/**
 * Spot checks (双随机一公开). A campaign is read in its unit's subtree; a check (item) in its
 * source's territory, and through it the campaign: a county sees a city campaign's checks
 * on its own sources, never those in other counties. Only the running unit draws, records
 * results and publishes. API clients see nothing here (no key scope names spot checks).
 */
export const spotCheckPolicy: Policy = ({ can }, p) => {
  if (p.role === Role.API_CLIENT) return;
  for (const where of territory(p, 'attached')) {
    can('read', 'SpotCheckItem', where);
    can('read', 'SpotCheckCampaign', { items: { $some: where } });
  }
  if (p.role !== Role.OFFICER && p.role !== Role.GRID_WORKER) can('read', 'SpotCheckCampaign', unitSubtree(p, 'unitId'));
  if (campaignRunners.has(p.role)) can(['create', 'update'], 'SpotCheckCampaign', { unitId: p.unitId });
};
