import type { Policy } from '../../auth/ability';
import { Role } from '../../common/enums';

/** The legal-duty matrix is city-wide: everyone reads it (routing and the console), the city keeps it. */
export const dutyPolicy: Policy = ({ can }, p) => {
  can('read', 'DutyAssignment');
  if (p.role === Role.CITY_ADMIN) can('update', 'DutyAssignment');
};
