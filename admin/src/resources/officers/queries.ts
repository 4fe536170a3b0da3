import { can } from '../../auth/authProvider';
import { flatten, type ResourceSpec } from '../../data/spec';

/** Phone numbers are asked for only when the rules show them (otherwise the API says FORBIDDEN). */
const row = () => `id name active badgeNumber ${can('read', 'Officer', 'phone') ? 'phone' : ''} employerUnit { id name } grids { id name code }`;

export const officerSpec: ResourceSpec = {
  list: 'officers',
  one: 'officer',
  listFields: row,
  toFilter: ({ q, ...rest }) => ({ ...rest, search: q }),
  toRecord: (node) => flatten(node, ['employerUnit', 'grids']),
  create: 'createOfficer',
  update: 'updateOfficer',
  remove: 'deactivateOfficer',
};
