import { flatten, locationInput, type ResourceSpec } from '../../data/spec';

const row = `id name creditCode sourceCode type industry supervisionLevel status version address location { lng lat } grid { id name code }`;

export const sourceSpec: ResourceSpec = {
  list: 'sources',
  one: 'source',
  listFields: () => row,
  oneFields: () =>
    `${row} outlets { id code name medium version }
     history(first: 50) { nodes { action at changes actorName actorRole reason } }
     inspections(first: 50) { nodes { id inspectedOn result findings inspectorName supervisionLevel } }
     complianceHistory(quarters: 12) { summary quarters { quarter inspected violationFound caseOpen } }`,
  toFilter: ({ q, ...rest }) => ({ ...rest, search: q }),
  toOrder: (sort) => (sort?.field === 'name' ? 'NAME_ASC' : sort?.field === 'updatedAt' ? 'UPDATED_DESC' : 'ID_ASC'),
  toRecord: (node) => flatten(node, ['grid']),
  toInput: locationInput,
  create: 'createSource',
  update: 'updateSource',
  remove: 'deactivateSource',
};
