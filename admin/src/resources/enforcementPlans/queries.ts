import { flatten, type ResourceSpec } from '../../data/spec';

const row = `id title kind year month description unit { id name } progress { total done rate }`;

/** 执法计划 (annual / monthly) of a unit; their lines are tasks (`tasks` with `planId`). */
export const enforcementPlanSpec: ResourceSpec = {
  list: 'enforcementPlans',
  one: 'enforcementPlan',
  listFields: () => row,
  toFilter: ({ year, ...rest }) => ({ ...rest, year: year ? Number(year) : undefined }),
  toRecord: (node) => flatten(node, ['unit']),
  create: 'createEnforcementPlan',
};
