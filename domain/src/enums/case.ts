/** How a case came in (来源). */
export enum CaseOrigin {
  PATROL = 'PATROL',
  COMPLAINT = 'COMPLAINT',
  INSTRUCTION = 'INSTRUCTION',
  TRANSFER = 'TRANSFER',
  INSPECTION = 'INSPECTION',
  MONITORING = 'MONITORING',
}
export type CaseOriginName = `${CaseOrigin}`;

/** The states of the eight-step workflow (八步工作流程); the moves are in case-transitions.ts. */
export enum CaseStatus {
  REPORTED = 'REPORTED',
  FILED = 'FILED',
  CANCELLED = 'CANCELLED',
  DISPATCHED = 'DISPATCHED',
  IN_PROGRESS = 'IN_PROGRESS',
  EXTENSION_REQUESTED = 'EXTENSION_REQUESTED',
  FED_BACK = 'FED_BACK',
  CLOSED = 'CLOSED',
  EVALUATED = 'EVALUATED',
  PARKED = 'PARKED',
}
export type CaseStatusName = `${CaseStatus}`;

/** Where nobody owes the case a step any more (办结, 注销). */
export const CLOSED_CASE_STATUSES: readonly CaseStatus[] = [CaseStatus.CLOSED, CaseStatus.EVALUATED, CaseStatus.CANCELLED];

/** Statuses still waiting for someone: a unit's "to do". */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = Object.values(CaseStatus).filter((s) => !CLOSED_CASE_STATUSES.includes(s));

export enum CaseUrgency {
  NORMAL = 'NORMAL',
  URGENT = 'URGENT',
  EMERGENCY = 'EMERGENCY',
}
export type CaseUrgencyName = `${CaseUrgency}`;

/** What may happen to a case: the workflow's moves, and the events that are not moves. */
export enum CaseAction {
  REPORT = 'REPORT',
  FILE = 'FILE',
  CANCEL = 'CANCEL',
  ESCALATE = 'ESCALATE',
  DISPATCH = 'DISPATCH',
  ACCEPT = 'ACCEPT',
  RETURN = 'RETURN',
  FEEDBACK = 'FEEDBACK',
  REQUEST_EXTENSION = 'REQUEST_EXTENSION',
  APPROVE_EXTENSION = 'APPROVE_EXTENSION',
  REJECT_EXTENSION = 'REJECT_EXTENSION',
  PARK = 'PARK',
  RESUME = 'RESUME',
  VERIFY_PASS = 'VERIFY_PASS',
  VERIFY_FAIL = 'VERIFY_FAIL',
  EVALUATE = 'EVALUATE',
  REOPEN = 'REOPEN',
  /** 答复: the complainant is told the result; the status stays (a step on the timeline, not a move). */
  ANSWER = 'ANSWER',
  /** A system event, not a transition: the deadline recomputed after a year's holiday schedule was loaded. */
  RECOMPUTE_DEADLINE = 'RECOMPUTE_DEADLINE',
  /** 联合执法: a partner department's own steps on its assignment (the case's state stays). */
  ACCEPT_ASSIGNMENT = 'ACCEPT_ASSIGNMENT',
  FEED_BACK_ASSIGNMENT = 'FEED_BACK_ASSIGNMENT',
}
export type CaseActionName = `${CaseAction}`;

/** Why a report is cancelled (注销) instead of filed. */
export enum CancelReason {
  INVALID = 'INVALID',
  DUPLICATE = 'DUPLICATE',
  OUT_OF_SCOPE = 'OUT_OF_SCOPE',
}

/** Where one department's part of a dispatch stands (联合执法: each partner has its own step). */
export enum AssignmentState {
  DISPATCHED = 'DISPATCHED',
  ACCEPTED = 'ACCEPTED',
  FED_BACK = 'FED_BACK',
}

/** How a case reached the system (受理渠道); a complaint's channel issues its external ticket number. */
export enum CaseChannel {
  HOTLINE_12345 = 'HOTLINE_12345',
  HOTLINE_12369 = 'HOTLINE_12369',
  WECHAT = 'WECHAT',
  PHONE = 'PHONE',
  LETTER = 'LETTER',
  VISIT = 'VISIT',
  API = 'API',
}
export type CaseChannelName = `${CaseChannel}`;

/** The channels that issue their own ticket numbers (工单号): a complaint from them must carry one. */
export const TICKETED_CHANNELS: readonly CaseChannel[] = [CaseChannel.HOTLINE_12345, CaseChannel.HOTLINE_12369];
