import type { Policy } from '../../auth/ability';
import { unitSubtree } from '../../auth/territory';
import { Role } from '../../common/enums';

/** Accounts: administrators see and manage those of their own subtree (roles are checked on write). */
export const accountPolicy: Policy = ({ can }, p) => {
  can('read', 'Account', { id: p.accountId });
  switch (p.role) {
    case Role.CITY_ADMIN:
    case Role.COUNTY_ADMIN:
    case Role.TOWNSHIP_ADMIN:
      can(['read', 'create', 'update', 'deactivate'], 'Account', unitSubtree(p, 'unitId'));
      break;
    default:
      break;
  }
};
