import type { Policy } from '../../auth/ability';
import { Role } from '../../common/enums';

/**
 * The monthly report goes upward (逐级上报): the city's administration and inspectors read the
 * city's report (and any county's), a county's administration only its own county's. The
 * subject is the report's unit (its scope columns).
 */
export const reportPolicy: Policy = ({ can }, p) => {
  if (p.role === Role.CITY_ADMIN || p.role === Role.CITY_INSPECTOR) can('read', 'MonthlyReport', { cityId: p.unitScope.cityId });
  if (p.role === Role.COUNTY_ADMIN && p.unitScope.countyId != null) can('read', 'MonthlyReport', { countyId: p.unitScope.countyId });
};
