import type { Policy } from '../../auth/ability';
import { territory } from '../../auth/territory';
import { Role } from '../../common/enums';

/**
 * 催办/督办/通报 are read where their subject's timeline is read; people (not API clients)
 * mark them read and acknowledge them (签收) there.
 */
export const supervisionPolicy: Policy = ({ can }, p) => {
  for (const where of territory(p, 'attached')) {
    can('read', 'CaseAlert', where);
    if (p.role !== Role.API_CLIENT) can('update', 'CaseAlert', where);
  }
  // The city runs the deadline sweep on demand (runDeadlineSweep): it raises alerts in its city.
  if (p.role === Role.CITY_ADMIN) can('create', 'CaseAlert', { cityId: p.unitId });
};
