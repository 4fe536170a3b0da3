import type { ResourceSpec } from '../../data/spec';
import { onlyWhenTrue } from '../tasks/queries';

/** 整改意见 of the audits one reads (both sides); `overdue` lists what is past due and not closed. */
export const auditRecommendationSpec: ResourceSpec = {
  list: 'auditRecommendations',
  listFields: () => `id text dueOn status overdue response respondedAt closingNote closedAt audit { id title auditedUnit { id name } auditorUnit { id name } }`,
  toFilter: (filter) => onlyWhenTrue(filter, ['overdue']),
};
