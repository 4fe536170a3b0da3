import { flatten, shanghaiDayStart, type ResourceSpec } from '../../data/spec';

const isDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

const row = `id title status finding averageScore periodFrom periodTo seed auditedLevel findingsIssuedAt closedAt auditedUnit { id name } auditorUnit { id name }`;

/** 督查/稽查: the list filters by status (a top-level argument); the detail carries samples and recommendations. */
export const auditSpec: ResourceSpec = {
  list: 'audits',
  one: 'audit',
  listFields: () => row,
  oneFields: () =>
    `${row} summary algorithm snapshotDigest
     samples { id position kind elementId score finding note case { id number } }
     recommendations { id text dueOn status overdue response respondedAt closingNote closedAt }`,
  toRecord: (node) => flatten(node, ['auditedUnit', 'auditorUnit']),
  // The form picks days in Asia/Shanghai under the API's names (its field errors land on them);
  // the period's end is exclusive: the day after the last day chosen.
  toInput: ({ periodFrom, periodTo, ...rest }) => ({
    ...rest,
    periodFrom: isDay(periodFrom) ? shanghaiDayStart(periodFrom) : periodFrom,
    periodTo: isDay(periodTo) ? shanghaiDayStart(periodTo, 1) : periodTo,
  }),
  create: 'createAudit',
};
