import type { Action } from '../../auth/ability';

/**
 * The case workflow's transitions, one action button each on the case detail. Empty until
 * the workflow issue lands: it will add entries such as
 * `{ name: 'file', from: ['REPORTED'], action: 'file', mutation: 'fileCase', form: FileCaseForm }`
 * and the API will say which are allowed right now; CaseActions renders them unchanged.
 */
export interface CaseTransition {
  name: string;
  from: string[];
  action: Action;
  label: string;
}

export const caseTransitions: CaseTransition[] = [];
