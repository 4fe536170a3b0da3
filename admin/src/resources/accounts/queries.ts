import { flatten, type ResourceSpec } from '../../data/spec';

const row = `id login displayName role active unit { id name } department { id name }`;

/** Accounts of the admin's subtree: list, detail for the edit form, create, update, deactivate. */
export const accountSpec: ResourceSpec = {
  list: 'accounts',
  one: 'account',
  listFields: () => row,
  oneFields: () => row,
  toRecord: (node) => flatten(node, ['unit', 'department']),
  create: 'createAccount',
  update: 'updateAccount',
  remove: 'deactivateAccount',
};
