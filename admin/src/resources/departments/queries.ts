import { flatten, type ResourceSpec } from '../../data/spec';

const row = `id name field active unit { id name } categories { id name code }`;

export const departmentSpec: ResourceSpec = {
  list: 'departments',
  one: 'department',
  listFields: () => row,
  toFilter: ({ q, ...rest }) => ({ ...rest, search: q }),
  toRecord: (node) => flatten(node, ['unit', 'categories']),
  create: 'createDepartment',
  update: 'updateDepartment',
  remove: 'deactivateDepartment',
};
