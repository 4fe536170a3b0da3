import type { Policy } from '../../auth/ability';
import { readsAs, territory, unitSubtree } from '../../auth/territory';
import { ApiKeyScope } from '../../common/api-key-scope';
import { Role } from '../../common/enums';

/** Departments: read within the unit's subtree; the city and counties keep their own lists. */
export const departmentPolicy: Policy = ({ can }, p) => {
  if (readsAs(p, ApiKeyScope.READ_DEPARTMENTS)) {
    // The department leading a case one reads: a township sees who handles what it escalated.
    // First, so the SQL tries the subtree's plain condition before this subquery.
    if (readsAs(p, ApiKeyScope.READ_CASES)) for (const where of territory(p, 'attached')) can('read', 'Department', { ledCases: { $some: where } });
    can('read', 'Department', unitSubtree(p, 'unitId'));
  }
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
