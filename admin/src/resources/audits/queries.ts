import { flatten, shanghaiDayStart, type ResourceSpec } from '../../data/spec';

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
  // The period is chosen as days in Asia/Shanghai; its end is exclusive (the day after "to").
  toInput: ({ fromDay, toDay, ...rest }) => ({
    ...rest,
    periodFrom: typeof fromDay === 'string' ? shanghaiDayStart(fromDay) : undefined,
    periodTo: typeof toDay === 'string' ? shanghaiDayStart(toDay, 1) : undefined,
  }),
  create: 'createAudit',
};
