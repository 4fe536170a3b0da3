import type { ResourceSpec } from '../../data/spec';

const row = `id title status stratification sampleSize samplePercent inspectorsPerSource conflictRule currentDrawNo publishedAt completedAt unit { id name }
  population { supervisionLevels sourceTypes industries withinUnitIds }`;

/** 双随机一公开 campaigns: list, detail (draws, checks of the current draw), create. */
export const spotCheckSpec: ResourceSpec = {
  list: 'spotCheckCampaigns',
  one: 'spotCheckCampaign',
  listFields: () => row,
  oneFields: () =>
    `${row} draws { drawNo seed drawnAt populationSize reason snapshotDigest algorithm }
     items(first: 100) { nodes { id position stratum result notes checkedAt superseded source { id name supervisionLevel } inspectors { id name } case { id number } } }`,
  // The form edits the population's fields flat; the API takes them nested.
  toInput: ({ supervisionLevels, withinUnitIds, ...rest }) => ({
    ...rest,
    population: { supervisionLevels: supervisionLevels ?? [], withinUnitIds: withinUnitIds ?? [] },
  }),
  create: 'createSpotCheckCampaign',
};
