import type { Policy } from '../../auth/ability';
import { readsAs, territory } from '../../auth/territory';
import { ApiKeyScope } from '../../common/api-key-scope';
import { Role } from '../../common/enums';
import { SourceStatus } from './source.enums';

/**
 * Sources: read in territory; administrators keep the archive and decide on grid workers'
 * reports (confirm or reject a pending source); grid workers report new ones (pending).
 * Discharge outlets (排放口) carry their source's scope: read with it, kept by the same administrators.
 */
export const sourcePolicy: Policy = ({ can }, p) => {
  const where = territory(p, 'attached');
  if (readsAs(p, ApiKeyScope.READ_SOURCES)) for (const w of where) can('read', ['PollutionSource', 'DischargeOutlet'], w);
  switch (p.role) {
    case Role.CITY_ADMIN:
    case Role.COUNTY_ADMIN:
    case Role.TOWNSHIP_ADMIN:
      for (const w of where) can(['create', 'update', 'deactivate', 'confirm'], 'PollutionSource', w);
      for (const w of where) can(['create', 'update', 'deactivate'], 'DischargeOutlet', w);
      break;
    case Role.OFFICER:
    case Role.CITY_INSPECTOR:
      // Inspectors keep what they observe on site; identity (name, credit code, grid) is the archive keeper's.
      for (const w of where) can('update', 'PollutionSource', ['supervisionLevel', 'status', 'industry', 'address', 'location'], w);
      break;
    case Role.GRID_WORKER:
      for (const w of where) can('create', 'PollutionSource', { ...w, status: SourceStatus.PENDING });
      break;
    default:
      break;
  }
};
