import { AssignmentState, CaseAction, CaseOrigin, CaseStatus } from './case.enums';
import type { Case } from './case.entity';
import type { AssignmentDuty, CaseDuty } from '../../auth/duties';

/**
 * What a transition needs beyond the case's id and expected version. `reason` is a written
 * reason (回退, 返工, 挂账, 延期, 重新办理); the others are named after their input fields.
 */
export type TransitionInput = 'reason' | 'cancelReason' | 'departments' | 'result' | 'reviewDate' | 'extensionDays' | 'score' | 'answer';

/** The duty a transition needs (auth/duties.ts): granted by case.policy.ts; the state guard is the table below. */
export type { CaseDuty };

export interface Transition {
  from: CaseStatus;
  action: CaseAction;
  to: CaseStatus;
  who: CaseDuty;
  needs: readonly TransitionInput[];
  /** A condition on the case beyond its status (what kind of case the row is for); unmet is ILLEGAL_TRANSITION. */
  when?: (kase: Pick<Case, 'origin' | 'answeredAt'>) => boolean;
}

/** 答复 is owed once, to complainants only. */
const unansweredComplaint = (kase: Pick<Case, 'origin' | 'answeredAt'>): boolean => kase.origin === CaseOrigin.COMPLAINT && kase.answeredAt == null;

const { REPORTED, FILED, CANCELLED, DISPATCHED, IN_PROGRESS, EXTENSION_REQUESTED, FED_BACK, CLOSED, EVALUATED, PARKED } = CaseStatus;
const A = CaseAction;

/**
 * The case workflow (八步工作流程 plus the no-platform path), one row per allowed move.
 * Anything not in this table is ILLEGAL_TRANSITION.
 */
// prettier-ignore
export const TRANSITIONS: readonly Transition[] = [
  // from                 action                  to                   who                 required inputs
  { from: REPORTED,            action: A.FILE,              to: FILED,               who: 'file',             needs: [] },
  { from: REPORTED,            action: A.CANCEL,            to: CANCELLED,           who: 'file',             needs: ['cancelReason'] },
  // No-platform path: what the grid's level cannot handle goes up one level (上报上一级网格).
  { from: REPORTED,            action: A.ESCALATE,          to: REPORTED,            who: 'escalate',         needs: ['reason'] },
  { from: FILED,               action: A.ESCALATE,          to: FILED,               who: 'escalate',         needs: ['reason'] },
  // The local limit runs until feedback: a level that lets it pass while its own office handles
  // the case hands it up too. The unit above takes it over as filed (to dispatch to its own
  // departments); the lower level's assignments and any pending extension request lapse.
  { from: DISPATCHED,          action: A.ESCALATE,          to: FILED,               who: 'escalate',         needs: ['reason'] },
  { from: IN_PROGRESS,         action: A.ESCALATE,          to: FILED,               who: 'escalate',         needs: ['reason'] },
  { from: EXTENSION_REQUESTED, action: A.ESCALATE,          to: FILED,               who: 'escalate',         needs: ['reason'] },
  { from: FILED,               action: A.DISPATCH,          to: DISPATCHED,          who: 'dispatch',         needs: ['departments'] },
  { from: DISPATCHED,          action: A.ACCEPT,            to: IN_PROGRESS,         who: 'handle',           needs: [] },
  // 回退: a wrongly dispatched case goes back to the dispatcher to be dispatched again.
  { from: DISPATCHED,          action: A.RETURN,            to: FILED,               who: 'handle',           needs: ['reason'] },
  { from: IN_PROGRESS,         action: A.FEEDBACK,          to: FED_BACK,            who: 'handle',           needs: ['result'] },
  { from: IN_PROGRESS,         action: A.REQUEST_EXTENSION, to: EXTENSION_REQUESTED, who: 'handle',           needs: ['reason', 'extensionDays'] },
  // The first extension is approved by the dispatcher, a further one by the unit above (policy).
  { from: EXTENSION_REQUESTED, action: A.APPROVE_EXTENSION, to: IN_PROGRESS,         who: 'approveExtension', needs: [] },
  { from: EXTENSION_REQUESTED, action: A.REJECT_EXTENSION,  to: IN_PROGRESS,         who: 'approveExtension', needs: ['reason'] },
  // 挂账: cannot be solved in any time limit (seasonal, engineering work); reviewed on a date.
  { from: IN_PROGRESS,         action: A.PARK,              to: PARKED,              who: 'dispatch',         needs: ['reason', 'reviewDate'] },
  { from: PARKED,              action: A.RESUME,            to: IN_PROGRESS,         who: 'dispatch',         needs: [] },
  { from: FED_BACK,            action: A.VERIFY_PASS,       to: CLOSED,              who: 'verify',           needs: [] },
  // 返工: the on-site check does not match the reported result.
  { from: FED_BACK,            action: A.VERIFY_FAIL,       to: IN_PROGRESS,         who: 'verify',           needs: ['reason'] },
  { from: CLOSED,              action: A.EVALUATE,          to: EVALUATED,           who: 'evaluate',         needs: ['score'] },
  { from: CLOSED,              action: A.REOPEN,            to: FILED,               who: 'reopen',           needs: ['reason'] },
  { from: EVALUATED,           action: A.REOPEN,            to: FILED,               who: 'reopen',           needs: ['reason'] },
  { from: CANCELLED,           action: A.REOPEN,            to: FILED,               who: 'reopen',           needs: ['reason'] },
  // 答复: the complainant is told the result once there is one (办结后答复); the status stays.
  { from: FED_BACK,            action: A.ANSWER,            to: FED_BACK,            who: 'answer',           needs: ['answer'], when: unansweredComplaint },
  { from: CLOSED,              action: A.ANSWER,            to: CLOSED,              who: 'answer',           needs: ['answer'], when: unansweredComplaint },
  { from: EVALUATED,           action: A.ANSWER,            to: EVALUATED,           who: 'answer',           needs: ['answer'], when: unansweredComplaint },
];

export function transitionFor(from: CaseStatus, action: CaseAction): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.action === action);
}

export function actionsFrom(from: CaseStatus): CaseAction[] {
  return TRANSITIONS.filter((t) => t.from === from).map((t) => t.action);
}

/** The rows that apply to this very case: its status, and each row's condition on the case. */
export function transitionsOf(kase: Pick<Case, 'status' | 'origin' | 'answeredAt'>): Transition[] {
  return TRANSITIONS.filter((t) => t.from === kase.status && (!t.when || t.when(kase)));
}

/** The duty an action needs (the same in every row of the action): what its mutation declares. */
export function dutyOf(action: CaseAction): CaseDuty {
  const row = TRANSITIONS.find((t) => t.action === action);
  if (!row) throw new Error(`No transition for ${action}`);
  return row.who;
}

/**
 * 联合执法: a partner department's own steps on its assignment, beside the case's table. Its
 * duty is `assist` on the CaseAssignment (case.policy.ts: a department's own active partner
 * assignment). The case's state does not move; the steps are open while the case is being
 * handled, from dispatch until the lead's feedback.
 */
export type { AssignmentDuty };

export interface AssignmentStep {
  from: AssignmentState;
  action: CaseAction;
  to: AssignmentState;
  who: AssignmentDuty;
  needs: readonly TransitionInput[];
}

// prettier-ignore
export const ASSIGNMENT_STEPS: readonly AssignmentStep[] = [
  { from: AssignmentState.DISPATCHED, action: A.ACCEPT_ASSIGNMENT,    to: AssignmentState.ACCEPTED, who: 'assist', needs: [] },
  { from: AssignmentState.ACCEPTED,   action: A.FEED_BACK_ASSIGNMENT, to: AssignmentState.FED_BACK, who: 'assist', needs: ['result'] },
];

/** The case states in which partners work on their assignments. */
export const PARTNER_CASE_STATES: readonly CaseStatus[] = [DISPATCHED, IN_PROGRESS, EXTENSION_REQUESTED, PARKED];

export function assignmentStepFor(state: AssignmentState, caseStatus: CaseStatus, action: CaseAction): AssignmentStep | undefined {
  if (!PARTNER_CASE_STATES.includes(caseStatus)) return undefined;
  return ASSIGNMENT_STEPS.find((t) => t.from === state && t.action === action);
}

/** The assignment actions open in these states (before the caller's duty is checked). */
export function assignmentActionsFrom(state: AssignmentState, caseStatus: CaseStatus): CaseAction[] {
  return PARTNER_CASE_STATES.includes(caseStatus) ? ASSIGNMENT_STEPS.filter((t) => t.from === state).map((t) => t.action) : [];
}
