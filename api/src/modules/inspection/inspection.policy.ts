import type { Policy } from '../../auth/ability';
import { readsAs, territory } from '../../auth/territory';
import { Role } from '../../common/enums';
import { ApiKeyScope } from '../../common/api-key-scope';

/**
 * Inspections are read wherever the sources are; officers record them on the sources of
 * their grids, city inspectors anywhere in the city. The frequency table is city-wide: all
 * read it, the city admin sets it.
 */
export const inspectionPolicy: Policy = ({ can }, p) => {
  can('read', 'InspectionFrequency');
  if (p.role === Role.CITY_ADMIN) can(['create', 'update'], 'InspectionFrequency');
  const where = territory(p, 'attached');
  if (readsAs(p, ApiKeyScope.READ_SOURCES)) for (const w of where) can('read', ['Inspection', 'InspectionPhoto'], w);
  if (p.role === Role.OFFICER || p.role === Role.CITY_INSPECTOR) for (const w of where) can('create', 'Inspection', w);
};
