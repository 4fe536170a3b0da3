import type { Policy } from '../../auth/ability';
import { unitSubtree } from '../../auth/territory';
import { Role } from '../../common/enums';

/**
 * A period applies below the unit that defined it, so everyone reads the periods of their
 * city and county (and the city or a county also those defined below it). The city admin
 * defines them anywhere, a county admin within its county.
 */
export const sensitivePeriodPolicy: Policy = ({ can }, p) => {
  if (p.role === Role.API_CLIENT) return;
  const { cityId, countyId } = p.unitScope;
  can('read', 'SensitivePeriod', { cityId, countyId: null });
  if (countyId != null) can('read', 'SensitivePeriod', { countyId, townshipId: null });
  can('read', 'SensitivePeriod', unitSubtree(p, 'unitId'));
  if (p.role === Role.CITY_ADMIN || p.role === Role.COUNTY_ADMIN) can(['create', 'update'], 'SensitivePeriod', unitSubtree(p, 'unitId'));
};
