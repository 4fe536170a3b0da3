import type { Policy } from '../../auth/ability';
import { unitSubtree } from '../../auth/territory';
import { Role } from '../../common/enums';

/** Phone numbers of people are personal data: only the administrators who staff grids see them. */
export const PERSON_SENSITIVE_FIELDS = ['phone'];

export const personPolicy: Policy = ({ can, cannot }, p) => {
  // No key scope covers people: third parties never see staff.
  if (p.role === Role.API_CLIENT) return;
  const subtree = unitSubtree(p, 'employerUnitId');
  can('read', ['Officer', 'GridWorker'], subtree);
  switch (p.role) {
    case Role.CITY_ADMIN:
    case Role.COUNTY_ADMIN:
      can(['create', 'update', 'deactivate'], ['Officer', 'GridWorker'], subtree);
      break;
    case Role.TOWNSHIP_ADMIN:
      can(['create', 'update', 'deactivate'], 'GridWorker', subtree);
      break;
    default:
      cannot('read', ['Officer', 'GridWorker'], PERSON_SENSITIVE_FIELDS);
      break;
  }
};
