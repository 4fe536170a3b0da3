import { shanghaiMonth } from '../../common/clock';
import { flatten, type ResourceSpec } from '../../data/spec';
import { onlyWhenTrue } from '../tasks/queries';


/** 月度巡查计划 per grid worker and grid: the month is required by the API (default: this month). */
export const patrolPlanSpec: ResourceSpec = {
  list: 'patrolPlans',
  listFields: () => `id month requiredCount doneCount expectedCount completionRate baseCount factor generatedAt grid { id name code } gridWorker { id name }`,
  toFilter: (filter) => {
    const month = typeof filter.month === 'string' && /^\d{4}-\d{2}$/.test(filter.month) ? filter.month : shanghaiMonth();
    return { ...onlyWhenTrue(filter, ['behind']), month };
  },
  toRecord: (node) => flatten(node, ['grid', 'gridWorker']),
};
