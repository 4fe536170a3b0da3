import { OPEN_CASE_STATUSES } from '@gridwatch/domain/enums';

/** Statuses still waiting for someone: the "to do" of a unit (work queue `unit`); the domain package's list. */
export const OPEN_STATUSES: string[] = [...OPEN_CASE_STATUSES];
