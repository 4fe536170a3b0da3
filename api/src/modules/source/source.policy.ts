import type { Policy } from '../../auth/ability';
import { territory } from '../../auth/territory';
import { Role } from '../../common/enums';
import { SourceStatus } from './source.enums';

/** Sources: read in territory; administrators keep the archive; grid workers report new ones (pending). */
export const sourcePolicy: Policy = ({ can }, p) => {
  const where = territory(p, 'attached');
  for (const w of where) can('read', 'PollutionSource', w);
  switch (p.role) {
    case Role.CITY_ADMIN:
    case Role.COUNTY_ADMIN:
    case Role.TOWNSHIP_ADMIN:
      for (const w of where) can(['create', 'update', 'deactivate'], 'PollutionSource', w);
      break;
    case Role.OFFICER:
    case Role.CITY_INSPECTOR:
      for (const w of where) can('update', 'PollutionSource', w);
      break;
    case Role.GRID_WORKER:
      for (const w of where) can('create', 'PollutionSource', { ...w, status: SourceStatus.PENDING });
      break;
    default:
      break;
  }
};
