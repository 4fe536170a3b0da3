import { CaseAction, CaseStatus } from './case.enums';

/**
 * What a transition needs beyond the case's id and expected version. `reason` is a written
 * reason (回退, 返工, 挂账, 延期, 重新办理); the others are named after their input fields.
 */
export type TransitionInput = 'reason' | 'cancelReason' | 'departments' | 'result' | 'reviewDate' | 'extensionDays' | 'score';

/**
 * The duty a transition needs: a CASL action on the case, granted by the rule lines of
 * case.policy.ts (who may, in which unit). The state guard is the table below.
 */
export type CaseDuty = 'file' | 'escalate' | 'dispatch' | 'handle' | 'approveExtension' | 'verify' | 'evaluate' | 'reopen';

export interface Transition {
  from: CaseStatus;
  action: CaseAction;
  to: CaseStatus;
  who: CaseDuty;
  needs: readonly TransitionInput[];
}

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
];

export function transitionFor(from: CaseStatus, action: CaseAction): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.action === action);
}

export function actionsFrom(from: CaseStatus): CaseAction[] {
  return TRANSITIONS.filter((t) => t.from === from).map((t) => t.action);
}

/** The duty an action needs (the same in every row of the action): what its mutation declares. */
export function dutyOf(action: CaseAction): CaseDuty {
  const row = TRANSITIONS.find((t) => t.action === action);
  if (!row) throw new Error(`No transition for ${action}`);
  return row.who;
}
