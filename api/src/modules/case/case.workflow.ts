import {
  actionsFrom,
  ASSIGNMENT_TRANSITIONS,
  type AssignmentTransition,
  CASE_TRANSITIONS,
  type CaseTransition,
  PARTNER_CASE_STATES,
  type WorkflowAction,
} from '@gridwatch/domain';
import { AssignmentState, CaseAction, CaseStatus } from './case.enums';
import type { Case } from './case.entity';
import type { AssignmentDuty, CaseDuty } from '../../auth/duties';

const A = CaseAction;

/**
 * What a transition needs beyond the case's id and expected version. `reason` is a written
 * reason (回退, 返工, 挂账, 延期, 重新办理); the others are named after their input fields.
 */
export type TransitionInput = 'reason' | 'cancelReason' | 'departments' | 'result' | 'reviewDate' | 'extensionDays' | 'score' | 'answer';

/** The duty a transition needs (auth/duties.ts): granted by case.policy.ts; the state guard is @gridwatch/domain's table. */
export type { CaseDuty };

export interface Transition extends CaseTransition {
  who: CaseDuty;
  needs: readonly TransitionInput[];
}

/** Who takes each move of the table and what it asks for: the same in every row of an action. */
// prettier-ignore
const STEPS: Readonly<Record<WorkflowAction, { who: CaseDuty; needs: readonly TransitionInput[] }>> = {
  [A.FILE]:              { who: 'file',             needs: [] },
  [A.CANCEL]:            { who: 'file',             needs: ['cancelReason'] },
  [A.ESCALATE]:          { who: 'escalate',         needs: ['reason'] },
  [A.DISPATCH]:          { who: 'dispatch',         needs: ['departments'] },
  [A.ACCEPT]:            { who: 'handle',           needs: [] },
  [A.RETURN]:            { who: 'handle',           needs: ['reason'] },
  [A.FEEDBACK]:          { who: 'handle',           needs: ['result'] },
  [A.REQUEST_EXTENSION]: { who: 'handle',           needs: ['reason', 'extensionDays'] },
  // The first extension is approved by the dispatcher, a further one by the unit above (policy).
  [A.APPROVE_EXTENSION]: { who: 'approveExtension', needs: [] },
  [A.REJECT_EXTENSION]:  { who: 'approveExtension', needs: ['reason'] },
  [A.PARK]:              { who: 'dispatch',         needs: ['reason', 'reviewDate'] },
  [A.RESUME]:            { who: 'dispatch',         needs: [] },
  [A.VERIFY_PASS]:       { who: 'verify',           needs: [] },
  [A.VERIFY_FAIL]:       { who: 'verify',           needs: ['reason'] },
  [A.EVALUATE]:          { who: 'evaluate',         needs: ['score'] },
  [A.REOPEN]:            { who: 'reopen',           needs: ['reason'] },
  [A.ANSWER]:            { who: 'answer',           needs: ['answer'] },
};

/**
 * The case workflow: the moves of @gridwatch/domain's table (八步工作流程 plus the no-platform
 * path; anything not in it is ILLEGAL_TRANSITION), each with its duty and inputs.
 */
export const TRANSITIONS: readonly Transition[] = CASE_TRANSITIONS.map((row) => ({ ...row, ...STEPS[row.action] }));

export { actionsFrom };

/** The rows that apply to this very case: its status, and each row's condition on the case. */
export function transitionsOf(kase: Pick<Case, 'status' | 'origin' | 'answeredAt'>): Transition[] {
  return TRANSITIONS.filter((t) => t.from === kase.status && (!t.when || t.when(kase)));
}

/** The duty an action needs (the same in every row of the action): what its mutation declares. */
export function dutyOf(action: CaseAction): CaseDuty {
  const step = (STEPS as Partial<Record<CaseAction, { who: CaseDuty }>>)[action];
  if (!step) throw new Error(`No transition for ${action}`);
  return step.who;
}

/**
 * 联合执法: a partner department's own steps on its assignment, beside the case's table. Its
 * duty is `assist` on the CaseAssignment (case.policy.ts: a department's own active partner
 * assignment). The case's state does not move; the steps are open while the case is being
 * handled, from dispatch until the lead's feedback.
 */
export type { AssignmentDuty };

export interface AssignmentStep extends AssignmentTransition {
  who: AssignmentDuty;
  needs: readonly TransitionInput[];
}

const ASSIGNMENT_NEEDS: Readonly<Record<AssignmentTransition['action'], readonly TransitionInput[]>> = {
  [A.ACCEPT_ASSIGNMENT]: [],
  [A.FEED_BACK_ASSIGNMENT]: ['result'],
};

/** The partner steps of @gridwatch/domain's table, each the partner's own duty. */
export const ASSIGNMENT_STEPS: readonly AssignmentStep[] = ASSIGNMENT_TRANSITIONS.map((row) => ({ ...row, who: 'assist', needs: ASSIGNMENT_NEEDS[row.action] }));

export { PARTNER_CASE_STATES };

export function assignmentStepFor(state: AssignmentState, caseStatus: CaseStatus, action: CaseAction): AssignmentStep | undefined {
  if (!PARTNER_CASE_STATES.includes(caseStatus)) return undefined;
  return ASSIGNMENT_STEPS.find((t) => t.from === state && t.action === action);
}

/** The assignment actions open in these states (before the caller's duty is checked). */
export function assignmentActionsFrom(state: AssignmentState, caseStatus: CaseStatus): CaseAction[] {
  return PARTNER_CASE_STATES.includes(caseStatus) ? ASSIGNMENT_STEPS.filter((t) => t.from === state).map((t) => t.action) : [];
}
