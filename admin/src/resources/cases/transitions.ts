/**
 * The case workflow as the console drives it: one entry per `CaseAction` the API may list in
 * `Case.availableActions`, naming its mutation, input type and the form fields it needs (the
 * API's `case.workflow.ts` table decides which are allowed, for whom, from which status).
 */
export type TransitionField =
  | 'reason' | 'cancelReason' | 'departments' | 'result' | 'reviewAt' | 'extensionDays' | 'score' | 'afterPhoto' | 'feedbackPhotos'
  | 'text' | 'method' | 'satisfaction';

/** Fields a step may leave empty. */
export const OPTIONAL_FIELDS: readonly TransitionField[] = ['feedbackPhotos', 'satisfaction'];

export interface CaseTransition {
  action: string;
  mutation: string;
  inputType: string;
  fields: readonly TransitionField[];
  /** What the mutation's answer selects (a case by default; an assignment for a partner's step). */
  returns?: string;
  /** false: the step's input has no free note (答复: the reply itself is what the timeline shows). */
  note?: boolean;
}

const t = (action: string, mutation: string, inputType: string, fields: readonly TransitionField[] = []): CaseTransition => ({ action, mutation, inputType, fields });

export const caseTransitions: readonly CaseTransition[] = [
  t('FILE', 'fileCase', 'CaseStepInput'),
  t('CANCEL', 'cancelCase', 'CancelCaseInput', ['cancelReason']),
  t('ESCALATE', 'escalateCase', 'CaseReasonInput', ['reason']),
  t('DISPATCH', 'dispatchCase', 'DispatchCaseInput', ['departments']),
  t('ACCEPT', 'acceptCase', 'CaseStepInput'),
  t('RETURN', 'returnCase', 'CaseReasonInput', ['reason']),
  // The handler's result may carry photos (evidence stage FEEDBACK), uploaded before the mutation.
  t('FEEDBACK', 'feedbackCase', 'FeedbackCaseInput', ['result', 'feedbackPhotos']),
  t('REQUEST_EXTENSION', 'requestCaseExtension', 'RequestExtensionInput', ['reason', 'extensionDays']),
  t('APPROVE_EXTENSION', 'approveCaseExtension', 'CaseStepInput'),
  t('REJECT_EXTENSION', 'rejectCaseExtension', 'CaseReasonInput', ['reason']),
  t('PARK', 'parkCase', 'ParkCaseInput', ['reason', 'reviewAt']),
  t('RESUME', 'resumeCase', 'CaseStepInput'),
  // Closing needs an after photo (POST /cases/:id/evidence?stage=VERIFY) before the mutation.
  t('VERIFY_PASS', 'passCaseVerification', 'CaseStepInput', ['afterPhoto']),
  t('VERIFY_FAIL', 'failCaseVerification', 'CaseReasonInput', ['reason']),
  t('EVALUATE', 'evaluateCase', 'EvaluateCaseInput', ['score']),
  t('REOPEN', 'reopenCase', 'CaseReasonInput', ['reason']),
  // 答复: the reply to the complainant, once the result is known; the status stays.
  { ...t('ANSWER', 'answerComplaint', 'AnswerComplaintInput', ['text', 'method', 'satisfaction']), note: false },
];

/**
 * 联合执法: a partner department's steps on its own assignment (the API's ASSIGNMENT_STEPS),
 * sent with the assignment's id and version instead of the case's.
 */
export const assignmentTransitions: readonly CaseTransition[] = [
  { ...t('ACCEPT_ASSIGNMENT', 'acceptAssignment', 'AssignmentStepInput'), returns: 'id state version' },
  { ...t('FEED_BACK_ASSIGNMENT', 'feedBackAssignment', 'AssignmentFeedbackInput', ['result']), returns: 'id state version' },
];

export function assignmentTransitionOf(action: string): CaseTransition | undefined {
  return assignmentTransitions.find((x) => x.action === action);
}

export function transitionOf(action: string): CaseTransition | undefined {
  return caseTransitions.find((x) => x.action === action);
}
