import type { Policy } from '../../auth/ability';
import { Role } from '../../common/enums';

/** The calendar and the time limits are city-wide: everyone reads them, the city sets them. */
export const deadlinePolicy: Policy = ({ can }, p) => {
  can('read', ['CalendarDay', 'CalendarYear', 'TimeLimit']);
  if (p.role === Role.CITY_ADMIN) can(['create', 'update'], ['CalendarDay', 'CalendarYear', 'TimeLimit']);
};
