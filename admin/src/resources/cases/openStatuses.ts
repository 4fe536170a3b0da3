/** Statuses still waiting for someone: the "to do" of a unit (work queue `unit`). */
export const OPEN_STATUSES = ['REPORTED', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'EXTENSION_REQUESTED', 'FED_BACK', 'PARKED'];
