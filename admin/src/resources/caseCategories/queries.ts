import type { ResourceSpec } from '../../data/spec';

/** The city's category list: a plain list, used for choices and filters. */
export const caseCategorySpec: ResourceSpec = {
  list: 'caseCategories',
  plainList: true,
  listFields: () => `id code name defaultField active`,
};
