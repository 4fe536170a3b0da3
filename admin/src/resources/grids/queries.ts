import { flatten, type ResourceSpec } from '../../data/spec';

const row = `id code name level kind active illustrative parent { id name }`;

export const gridSpec: ResourceSpec = {
  list: 'grids',
  one: 'grid',
  listFields: () => row,
  oneFields: () => `${row} ancestors { id name level } centroid { lng lat } hasPlatform hasPlatformSetting validFrom history { code name parentCode validFrom validTo actorName }`,
  toFilter: ({ q, ...rest }) => ({ ...rest, search: q }),
  toOrder: (sort) => (sort?.field === 'name' ? 'NAME_ASC' : 'CODE_ASC'),
  toRecord: (node) => flatten(node, ['parent']),
  toInput: (data) => ({ ...data, centroid: typeof data.lng === 'number' && typeof data.lat === 'number' ? { lng: data.lng, lat: data.lat } : undefined }),
  create: 'createGrid',
  update: 'updateGrid',
  remove: 'deactivateGrid',
};
