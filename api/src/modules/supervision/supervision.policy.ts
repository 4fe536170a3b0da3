import type { Policy } from '../../auth/ability';
import { territory } from '../../auth/territory';
import { Role } from '../../common/enums';

/** 催办/督办/通报 are read where the case's timeline is read. */
export const supervisionPolicy: Policy = ({ can }, p) => {
  for (const where of territory(p, 'attached')) can('read', 'CaseAlert', where);
  // The city runs the deadline sweep on demand (runDeadlineSweep): it raises alerts in its city.
  if (p.role === Role.CITY_ADMIN) can('create', 'CaseAlert', { cityId: p.unitId });
};
