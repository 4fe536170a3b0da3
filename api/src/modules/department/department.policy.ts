import type { Policy } from '../../auth/ability';
import { readsAs, unitSubtree } from '../../auth/territory';
import { ApiKeyScope } from '../account/api-key.entity';
import { Role } from '../../common/enums';

/** Departments: read within the unit's subtree; the city and counties keep their own lists. */
export const departmentPolicy: Policy = ({ can }, p) => {
  if (readsAs(p, ApiKeyScope.READ_DEPARTMENTS)) can('read', 'Department', unitSubtree(p, 'unitId'));
  can('read', 'CaseCategory');
  switch (p.role) {
    case Role.CITY_ADMIN:
      can(['create', 'update', 'deactivate'], 'Department', { cityId: p.unitId });
      can(['create', 'update'], 'CaseCategory');
      break;
    case Role.COUNTY_ADMIN:
      can(['create', 'update', 'deactivate'], 'Department', { countyId: p.unitId });
      break;
    default:
      break;
  }
};
