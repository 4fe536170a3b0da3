import { flatten, type ResourceSpec } from '../../data/spec';

const row = `id login displayName role active unit { id name }`;

/** Accounts of the admin's subtree: list, create, deactivate (no detail query in the API). */
export const accountSpec: ResourceSpec = {
  list: 'accounts',
  listFields: () => row,
  toRecord: (node) => flatten(node, ['unit']),
  create: 'createAccount',
  update: 'updateAccount',
  remove: 'deactivateAccount',
};
