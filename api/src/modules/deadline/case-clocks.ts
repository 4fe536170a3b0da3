import type { RequestContext } from '../../context/request-context';
import { CaseAction, CaseStatus } from '../case/case.enums';
import type { Case } from '../case/case.entity';
import { DeadlineStep } from './deadline.enums';
import { deadlineService, setDeadline } from './deadline.service';

/**
 * Which time limit runs while a case is in a state. Without a platform the whole stay at one
 * level (file and handle there) runs on the local limit, after which it escalates.
 */
export function clockOf(kase: Pick<Case, 'status' | 'viaPlatform'>): DeadlineStep | null {
  switch (kase.status) {
    case CaseStatus.REPORTED:
      return kase.viaPlatform ? DeadlineStep.FILE : DeadlineStep.LOCAL;
    case CaseStatus.FILED:
      return kase.viaPlatform ? DeadlineStep.DISPATCH : DeadlineStep.LOCAL;
    case CaseStatus.DISPATCHED:
    case CaseStatus.IN_PROGRESS:
    case CaseStatus.EXTENSION_REQUESTED:
      return DeadlineStep.HANDLE;
    case CaseStatus.FED_BACK:
      return DeadlineStep.VERIFY;
    default:
      return null; // parked, closed, evaluated, cancelled: no clock runs
  }
}

/** Steps that start their clock afresh even when the kind of clock stays the same. */
const RESTARTS = new Set<CaseAction>([CaseAction.ESCALATE, CaseAction.DISPATCH, CaseAction.VERIFY_FAIL, CaseAction.RESUME, CaseAction.REOPEN]);

/** Sets `dueAt` after a transition from `before` (the clock of the previous state). */
export async function updateDeadline(ctx: RequestContext, kase: Case, before: DeadlineStep | null, action: CaseAction, now: Date, extensionDays: number | null): Promise<void> {
  const clock = clockOf(kase);
  if (action === CaseAction.APPROVE_EXTENSION && kase.dueAt && extensionDays) {
    setDeadline(kase, await deadlineService.extend(ctx, kase, extensionDays));
  } else if (clock === null) {
    setDeadline(kase, null);
  } else if (clock !== before || RESTARTS.has(action) || !kase.dueAt) {
    setDeadline(kase, await deadlineService.dueFor(ctx, kase, clock, now));
  }
}

/** A new report: its first clock, and for complaints the date the complainant must be answered by. */
export async function initialDeadlines(ctx: RequestContext, kase: Case, now: Date): Promise<void> {
  setDeadline(kase, await deadlineService.dueFor(ctx, kase, clockOf(kase)!, now));
  kase.answerDueAt = (await deadlineService.dueFor(ctx, kase, DeadlineStep.ANSWER, now))?.due ?? null;
}
