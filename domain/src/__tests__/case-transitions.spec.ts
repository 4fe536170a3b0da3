import {
  actionsFrom,
  CASE_TRANSITIONS,
  historyProblem,
  IllegalTransitionError,
  nextStatus,
  transitionFor,
} from '../case-transitions';
import { CaseAction, CaseOrigin, CaseStatus } from '../enums/case';

const patrol = (status: CaseStatus) => ({ status, origin: CaseOrigin.PATROL, answeredAt: null });

describe('the case transition table', () => {
  it('moves a case through the eight steps', () => {
    let kase = patrol(CaseStatus.REPORTED);
    for (const action of [CaseAction.FILE, CaseAction.DISPATCH, CaseAction.ACCEPT, CaseAction.FEEDBACK, CaseAction.VERIFY_PASS, CaseAction.EVALUATE]) {
      kase = patrol(nextStatus(kase, action));
    }
    expect(kase.status).toBe(CaseStatus.EVALUATED);
  });

  it('throws on a move the table lacks, naming it', () => {
    expect(() => nextStatus(patrol(CaseStatus.REPORTED), CaseAction.DISPATCH)).toThrow(IllegalTransitionError);
    expect(() => nextStatus(patrol(CaseStatus.CLOSED), CaseAction.FEEDBACK)).toThrow('FEEDBACK is not allowed from CLOSED');
  });

  it('lets only an unanswered complaint be answered, and the status stays', () => {
    const complaint = { status: CaseStatus.CLOSED, origin: CaseOrigin.COMPLAINT, answeredAt: null };
    expect(nextStatus(complaint, CaseAction.ANSWER)).toBe(CaseStatus.CLOSED);
    expect(() => nextStatus({ ...complaint, answeredAt: new Date() }, CaseAction.ANSWER)).toThrow(IllegalTransitionError);
    expect(() => nextStatus(patrol(CaseStatus.CLOSED), CaseAction.ANSWER)).toThrow(IllegalTransitionError);
  });

  it('has one row per status and action, and no row for the events that are not moves', () => {
    const keys = CASE_TRANSITIONS.map((t) => `${t.from}/${t.action}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const action of [CaseAction.REPORT, CaseAction.RECOMPUTE_DEADLINE, CaseAction.ACCEPT_ASSIGNMENT]) {
      expect(CASE_TRANSITIONS.some((t) => t.action === action)).toBe(false);
    }
    expect(transitionFor(CaseStatus.DISPATCHED, CaseAction.RETURN)?.to).toBe(CaseStatus.FILED);
    expect(actionsFrom(CaseStatus.REPORTED)).toEqual([CaseAction.FILE, CaseAction.CANCEL, CaseAction.ESCALATE]);
  });
});

describe('checking a recorded history against the table', () => {
  const report = { action: CaseAction.REPORT, from: null, to: CaseStatus.REPORTED };

  it('accepts a legal history, answer included once', () => {
    const steps = [
      report,
      { action: CaseAction.FILE, from: CaseStatus.REPORTED, to: CaseStatus.FILED },
      { action: CaseAction.DISPATCH, from: CaseStatus.FILED, to: CaseStatus.DISPATCHED },
      { action: CaseAction.ACCEPT, from: CaseStatus.DISPATCHED, to: CaseStatus.IN_PROGRESS },
      { action: CaseAction.FEEDBACK, from: CaseStatus.IN_PROGRESS, to: CaseStatus.FED_BACK },
      { action: CaseAction.ANSWER, from: CaseStatus.FED_BACK, to: CaseStatus.FED_BACK },
    ];
    expect(historyProblem(CaseOrigin.COMPLAINT, steps)).toBeNull();
    expect(historyProblem(CaseOrigin.COMPLAINT, [...steps, steps[5]])).toMatch(/step 7 .* not in the table/);
    expect(historyProblem(CaseOrigin.PATROL, steps)).toMatch(/step 6 .* not in the table/);
  });

  it('names a skipped step, a wrong target and a broken chain', () => {
    expect(historyProblem(CaseOrigin.PATROL, [report, { action: CaseAction.DISPATCH, from: CaseStatus.REPORTED, to: CaseStatus.DISPATCHED }])).toMatch(/step 2 .* not in the table/);
    expect(historyProblem(CaseOrigin.PATROL, [report, { action: CaseAction.FILE, from: CaseStatus.REPORTED, to: CaseStatus.DISPATCHED }])).toMatch(/should end in FILED/);
    expect(historyProblem(CaseOrigin.PATROL, [report, { action: CaseAction.ACCEPT, from: CaseStatus.DISPATCHED, to: CaseStatus.IN_PROGRESS }])).toMatch(/case was REPORTED/);
    expect(historyProblem(CaseOrigin.PATROL, [])).toMatch(/first step/);
  });
});
