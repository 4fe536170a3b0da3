import type { Policy } from '../../auth/ability';
import { unitSubtree } from '../../auth/territory';
import { Role } from '../../common/enums';

/** The administrators of an organising unit (city, county, township). */
const ORGANISERS = new Set<Role>([Role.CITY_ADMIN, Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN]);

/**
 * 分级分类轮训: courses and sessions are read within the territory of the unit that organises
 * them, and below it (a county's people attend the city's courses: read-only there). Only the
 * organising unit's administrators create and change them and record who attended. An
 * attendance is read within the attendee's territory (a county sees its people's training,
 * wherever it was held).
 */
export const trainingPolicy: Policy = ({ can }, p) => {
  if (p.role === Role.API_CLIENT) return;
  const { cityId, countyId } = p.unitScope;
  const organised = ['TrainingCourse', 'TrainingSession'] as const;
  can('read', [...organised], { cityId, countyId: null });
  if (countyId != null) can('read', [...organised], { countyId, townshipId: null });
  can('read', [...organised], unitSubtree(p, 'unitId'));
  can('read', 'TrainingAttendance', unitSubtree(p, 'attendeeUnitId'));
  if (ORGANISERS.has(p.role)) {
    can(['create', 'update'], [...organised], { unitId: p.unitId });
    can(['create', 'deactivate'], 'TrainingAttendance', { sessionUnitId: p.unitId, ...unitSubtree(p, 'attendeeUnitId') });
  }
};
