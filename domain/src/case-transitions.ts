import { AssignmentState, CaseAction, CaseOrigin, CaseStatus } from './enums/case';

/**
 * The case workflow as data: which action moves which status to which. Who may take a step
 * (duties, CASL) and what a step asks for are the api's (case.workflow.ts joins them to these rows).
 */

/** The actions that are moves of the table; REPORT creates a case, the others are not moves of its status. */
export type WorkflowAction = Exclude<CaseAction, CaseAction.REPORT | CaseAction.RECOMPUTE_DEADLINE | CaseAction.ACCEPT_ASSIGNMENT | CaseAction.FEED_BACK_ASSIGNMENT>;

/** What a row's condition may look at beyond the status. */
export interface CaseFacts {
  origin: CaseOrigin | `${CaseOrigin}`;
  answeredAt?: Date | string | null;
}

export interface CaseTransition {
  from: CaseStatus;
  action: WorkflowAction;
  to: CaseStatus;
  /** A condition on the case beyond its status (what kind of case the row is for); unmet is an illegal step. */
  when?: (kase: CaseFacts) => boolean;
}

/** A case is created by REPORT in this status. */
export const INITIAL_CASE_STATUS = CaseStatus.REPORTED;

/** 答复 is owed once, to complainants only. */
const unansweredComplaint = (kase: CaseFacts): boolean => kase.origin === CaseOrigin.COMPLAINT && kase.answeredAt == null;

const { REPORTED, FILED, CANCELLED, DISPATCHED, IN_PROGRESS, EXTENSION_REQUESTED, FED_BACK, CLOSED, EVALUATED, PARKED } = CaseStatus;
const A = CaseAction;

/**
 * The case workflow (八步工作流程 plus the no-platform path), one row per allowed move.
 * Anything not in this table is an illegal transition.
 */
// prettier-ignore
export const CASE_TRANSITIONS: readonly CaseTransition[] = [
  // from                 action                  to
  { from: REPORTED,            action: A.FILE,              to: FILED },
  { from: REPORTED,            action: A.CANCEL,            to: CANCELLED },
  // No-platform path: what the grid's level cannot handle goes up one level (上报上一级网格).
  { from: REPORTED,            action: A.ESCALATE,          to: REPORTED },
  { from: FILED,               action: A.ESCALATE,          to: FILED },
  // The local limit runs until feedback: a level that lets it pass while its own office handles
  // the case hands it up too. The unit above takes it over as filed (to dispatch to its own
  // departments); the lower level's assignments and any pending extension request lapse.
  { from: DISPATCHED,          action: A.ESCALATE,          to: FILED },
  { from: IN_PROGRESS,         action: A.ESCALATE,          to: FILED },
  { from: EXTENSION_REQUESTED, action: A.ESCALATE,          to: FILED },
  { from: FILED,               action: A.DISPATCH,          to: DISPATCHED },
  { from: DISPATCHED,          action: A.ACCEPT,            to: IN_PROGRESS },
  // 回退: a wrongly dispatched case goes back to the dispatcher to be dispatched again.
  { from: DISPATCHED,          action: A.RETURN,            to: FILED },
  { from: IN_PROGRESS,         action: A.FEEDBACK,          to: FED_BACK },
  { from: IN_PROGRESS,         action: A.REQUEST_EXTENSION, to: EXTENSION_REQUESTED },
  // The first extension is approved by the dispatcher, a further one by the unit above (the api's policy).
  { from: EXTENSION_REQUESTED, action: A.APPROVE_EXTENSION, to: IN_PROGRESS },
  { from: EXTENSION_REQUESTED, action: A.REJECT_EXTENSION,  to: IN_PROGRESS },
  // 挂账: cannot be solved in any time limit (seasonal, engineering work); reviewed on a date.
  { from: IN_PROGRESS,         action: A.PARK,              to: PARKED },
  { from: PARKED,              action: A.RESUME,            to: IN_PROGRESS },
  { from: FED_BACK,            action: A.VERIFY_PASS,       to: CLOSED },
  // 返工: the on-site check does not match the reported result.
  { from: FED_BACK,            action: A.VERIFY_FAIL,       to: IN_PROGRESS },
  { from: CLOSED,              action: A.EVALUATE,          to: EVALUATED },
  { from: CLOSED,              action: A.REOPEN,            to: FILED },
  { from: EVALUATED,           action: A.REOPEN,            to: FILED },
  { from: CANCELLED,           action: A.REOPEN,            to: FILED },
  // 答复: the complainant is told the result once there is one (办结后答复); the status stays.
  { from: FED_BACK,            action: A.ANSWER,            to: FED_BACK,  when: unansweredComplaint },
  { from: CLOSED,              action: A.ANSWER,            to: CLOSED,    when: unansweredComplaint },
  { from: EVALUATED,           action: A.ANSWER,            to: EVALUATED, when: unansweredComplaint },
];

/** The row for a status and action, whatever its condition; undefined when the table has none. */
export function transitionFor(from: CaseStatus | `${CaseStatus}`, action: CaseAction | `${CaseAction}`): CaseTransition | undefined {
  return CASE_TRANSITIONS.find((t) => t.from === from && t.action === action);
}

/** The actions the table lists from a status (before any row's condition). */
export function actionsFrom(from: CaseStatus | `${CaseStatus}`): WorkflowAction[] {
  return CASE_TRANSITIONS.filter((t) => t.from === from).map((t) => t.action);
}

/** The rows that apply to this very case: its status, and each row's condition on the case. */
export function transitionsOf(kase: CaseFacts & { status: CaseStatus | `${CaseStatus}` }): CaseTransition[] {
  return CASE_TRANSITIONS.filter((t) => t.from === kase.status && (!t.when || t.when(kase)));
}

/** A step the table does not allow for this case. */
export class IllegalTransitionError extends Error {
  constructor(
    readonly from: string,
    readonly action: string,
  ) {
    super(`${action} is not allowed from ${from}`);
    this.name = 'IllegalTransitionError';
  }
}

/** The status `action` moves this case to; throws IllegalTransitionError when the table has no such move for it. */
export function nextStatus(kase: CaseFacts & { status: CaseStatus | `${CaseStatus}` }, action: CaseAction | `${CaseAction}`): CaseStatus {
  const row = transitionsOf(kase).find((t) => t.action === action);
  if (!row) throw new IllegalTransitionError(kase.status, action);
  return row.to;
}

/** One recorded step of a case: REPORT (from nothing) or a move of the table. */
export interface RecordedStep {
  action: CaseAction | `${CaseAction}`;
  from: CaseStatus | `${CaseStatus}` | null;
  to: CaseStatus | `${CaseStatus}`;
}

/**
 * Why a case's recorded steps are not a legal history, or null: the first is REPORT into
 * REPORTED, each later one starts where the previous ended and is a row of the table that
 * applies to the case at that point.
 */
export function historyProblem(origin: CaseFacts['origin'], steps: readonly RecordedStep[]): string | null {
  const [first, ...rest] = steps;
  if (!first || first.action !== CaseAction.REPORT || first.from !== null || first.to !== INITIAL_CASE_STATUS) return 'the first step must be REPORT into REPORTED';
  let status: CaseStatus = INITIAL_CASE_STATUS;
  // A new case has not been answered; its ANSWER step answers it (once).
  let answeredAt: string | null = null;
  for (const [i, step] of rest.entries()) {
    const where = `step ${i + 2} (${step.from} -${step.action}-> ${step.to})`;
    if (step.from !== status) return `${where} starts from ${step.from}, but the case was ${status}`;
    const row: CaseTransition | undefined = transitionsOf({ origin, answeredAt, status }).find((t) => t.action === step.action);
    if (!row) return `${where} is not in the table`;
    if (row.to !== step.to) return `${where} should end in ${row.to}`;
    status = row.to;
    if (row.action === CaseAction.ANSWER) answeredAt = 'answered';
  }
  return null;
}

/**
 * 联合执法: a partner department's own steps on its assignment, beside the case's table. The
 * case's state does not move; the steps are open while the case is being handled, from
 * dispatch until the lead's feedback.
 */
export interface AssignmentTransition {
  from: AssignmentState;
  action: CaseAction.ACCEPT_ASSIGNMENT | CaseAction.FEED_BACK_ASSIGNMENT;
  to: AssignmentState;
}

// prettier-ignore
export const ASSIGNMENT_TRANSITIONS: readonly AssignmentTransition[] = [
  { from: AssignmentState.DISPATCHED, action: A.ACCEPT_ASSIGNMENT,    to: AssignmentState.ACCEPTED },
  { from: AssignmentState.ACCEPTED,   action: A.FEED_BACK_ASSIGNMENT, to: AssignmentState.FED_BACK },
];

/** The case states in which partners work on their assignments. */
export const PARTNER_CASE_STATES: readonly CaseStatus[] = [DISPATCHED, IN_PROGRESS, EXTENSION_REQUESTED, PARKED];
