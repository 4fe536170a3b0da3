import { can } from '../../auth/authProvider';
import { flatten, type ResourceSpec } from '../../data/spec';

const row = () => `id name active employment ${can('read', 'GridWorker', 'phone') ? 'phone' : ''} employerUnit { id name } grids { id name code }`;

export const gridWorkerSpec: ResourceSpec = {
  list: 'gridWorkers',
  one: 'gridWorker',
  listFields: row,
  toFilter: ({ q, ...rest }) => ({ ...rest, search: q }),
  toRecord: (node) => flatten(node, ['employerUnit', 'grids']),
  create: 'createGridWorker',
  update: 'updateGridWorker',
  remove: 'deactivateGridWorker',
};
