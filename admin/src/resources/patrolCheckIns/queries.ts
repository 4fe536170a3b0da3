import { flatten, type ResourceSpec } from '../../data/spec';
import { onlyWhenTrue } from '../tasks/queries';

/** 巡查打卡, newest first; a check-in outside its grid's boundary is flagged (and not counted). */
export const patrolCheckInSpec: ResourceSpec = {
  list: 'patrolCheckIns',
  listFields: () => `id at outsideBoundary boundaryChecked notes photoUrl location { lng lat } grid { id name code } gridWorker { id name }`,
  toFilter: (filter) => onlyWhenTrue(filter, ['outsideBoundary']),
  toRecord: (node) => flatten(node, ['grid', 'gridWorker']),
};
