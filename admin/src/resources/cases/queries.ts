import { can } from '../../auth/authProvider';
import { ASSIGNMENT_FIELDS } from './assignmentFields';
import { OPEN_STATUSES } from './openStatuses';
import { flatten, locationInput, shanghaiDayStart, type ResourceSpec } from '../../data/spec';

const row = `id number status origin channel externalTicket urgency reportedAt dueAt dueProvisional closedAt address description location { lng lat } category { id name code } grid { id name code } handlingUnit { id name } county { id name }`;

/** Complainants' identities only for the roles that answer complaints (FORBIDDEN otherwise). */
const complainant = () => (can('read', 'Case', 'complainantName') ? 'complainantName complainantPhone' : '');

export const caseSpec: ResourceSpec = {
  list: 'cases',
  one: 'case',
  listFields: () => row,
  oneFields: () =>
    `${row} ${complainant()} answerDueAt answeredAt answerText answerMethod answerSatisfaction version availableActions leadDepartment { id name } field source { id name } grid { id name code ancestors { id name level } }
     ${ASSIGNMENT_FIELDS}
     score evidence { id stage url takenAt lat lng fileName mimeType }
     events(first: 100) { nodes { id action actorRole actor { name unit department } at fromStatus toStatus note details } }`,
  toFilter: ({ q, status, reportedFrom, reportedTo, open, ...rest }) => ({
    ...rest,
    search: typeof q === 'string' && q.trim() ? q.trim() : undefined,
    // The "my unit" queue (open: true) asks for every status still waiting for someone.
    status: Array.isArray(status) ? status : typeof status === 'string' ? [status] : open === true ? OPEN_STATUSES : undefined,
    reportedFrom: typeof reportedFrom === 'string' && reportedFrom ? shanghaiDayStart(reportedFrom.slice(0, 10)) : undefined,
    // The form's "to" day is inclusive; the API's bound is exclusive.
    reportedTo: typeof reportedTo === 'string' && reportedTo ? shanghaiDayStart(reportedTo.slice(0, 10), 1) : undefined,
  }),
  toOrder: (sort) => (sort?.field === 'dueAt' ? 'DUE_ASC' : sort?.field === 'reportedAt' && sort.order === 'ASC' ? 'REPORTED_ASC' : 'REPORTED_DESC'),
  toRecord: (node) => flatten(node, ['grid', 'category', 'source']),
  toInput: locationInput,
  create: 'reportCase',
};
