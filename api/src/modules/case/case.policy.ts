import type { Policy } from '../../auth/ability';
import { readsAs, territory } from '../../auth/territory';
import { ApiKeyScope } from '../account/api-key.entity';
import { CaseOrigin } from './case.enums';
import { Role } from '../../common/enums';

/** Complainants' identities are shown only to those who take and answer complaints. */
export const CASE_SENSITIVE_FIELDS = ['complainantName', 'complainantPhone'];

const reporters = new Set<Role>([
  Role.CITY_ADMIN,
  Role.CITY_INSPECTOR,
  Role.PLATFORM_OPERATOR,
  Role.COUNTY_ADMIN,
  Role.OFFICER,
  Role.TOWNSHIP_ADMIN,
  Role.GRID_WORKER,
]);
const complaintHandlers = new Set<Role>([Role.CITY_ADMIN, Role.PLATFORM_OPERATOR, Role.COUNTY_ADMIN]);

export const casePolicy: Policy = ({ can, cannot }, p) => {
  const departmentRole = p.role === Role.CITY_DEPARTMENT || p.role === Role.COUNTY_DEPARTMENT;
  for (const where of territory(p, 'attached')) {
    if (readsAs(p, ApiKeyScope.READ_CASES)) {
      // Departments see the cases of their own field only.
      can('read', 'Case', departmentRole ? { ...where, field: p.departmentField } : where);
      can('read', 'CaseEvent', where);
    }
    if (reporters.has(p.role)) can('create', 'Case', where);
    // A third-party platform files complaints (群众投诉) from its channel, nothing else.
    if (p.role === Role.API_CLIENT && p.apiScopes.includes(ApiKeyScope.CREATE_COMPLAINTS)) {
      can('create', 'Case', { ...where, origin: CaseOrigin.COMPLAINT });
    }
  }
  if (!complaintHandlers.has(p.role)) cannot('read', 'Case', CASE_SENSITIVE_FIELDS);
};
