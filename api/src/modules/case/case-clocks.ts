import type { RequestContext } from '../../context/request-context';
import { CaseAction, CaseStatus } from './case.enums';
import type { Case } from './case.entity';
import { DeadlineStep } from '../deadline/deadline.enums';
import { CaseEvent } from './case-event.entity';
import { deadlineService, setDeadline } from '../deadline/deadline.service';
import { handlingLevel } from './case-units';
import type { Deadline } from '@gridwatch/domain';

/** The deadline of a case's step started at `from` (the time limit that fits the case at its handling unit's level), or null when no limit applies. */
export async function dueFor(ctx: RequestContext, kase: Case, step: DeadlineStep, from: Date): Promise<Deadline | null> {
  const { origin, categoryId, urgency, complexity } = kase;
  return deadlineService.dueFor(ctx, { step, origin, categoryId, urgency, complexity, level: await handlingLevel(ctx, kase) }, from);
}

/**
 * Which time limit runs while a case is in a state. Filing (立卷) has its own limit on both
 * paths. Without a platform the whole stay at one level, from report until fed back (file,
 * dispatch to its own office, handle), runs on the local limit, after which it escalates.
 */
export function clockOf(kase: Pick<Case, 'status' | 'viaPlatform'>): DeadlineStep | null {
  switch (kase.status) {
    case CaseStatus.REPORTED:
      return DeadlineStep.FILE;
    case CaseStatus.FILED:
      return kase.viaPlatform ? DeadlineStep.DISPATCH : DeadlineStep.LOCAL;
    case CaseStatus.DISPATCHED:
    case CaseStatus.IN_PROGRESS:
    case CaseStatus.EXTENSION_REQUESTED:
      return kase.viaPlatform ? DeadlineStep.HANDLE : DeadlineStep.LOCAL;
    case CaseStatus.FED_BACK:
      return DeadlineStep.VERIFY;
    default:
      return null; // parked, closed, evaluated, cancelled: no clock runs
  }
}

/**
 * Steps that start their clock afresh even when the kind of clock stays the same. Not
 * DISPATCH: without a platform a level dispatching to its own office keeps its local limit.
 */
const RESTARTS = new Set<CaseAction>([CaseAction.ESCALATE, CaseAction.VERIFY_FAIL, CaseAction.RESUME, CaseAction.REOPEN]);

/** Without a platform the local limit also bounds filing: a report is due at the earlier of the two. */
async function stepDue(ctx: RequestContext, kase: Case, clock: DeadlineStep, from: Date): Promise<Deadline | null> {
  const due = await dueFor(ctx, kase, clock, from);
  if (clock !== DeadlineStep.FILE || kase.viaPlatform) return due;
  const local = await dueFor(ctx, kase, DeadlineStep.LOCAL, from);
  if (!due || !local) return due ?? local;
  return local.due < due.due ? local : due;
}

/** When the handling unit took the case: its last escalation, else the report (the local limit counts from there). */
async function levelSince(ctx: RequestContext, kase: Case): Promise<Date> {
  const escalated = await ctx.em.findOne(CaseEvent, { caseId: kase.id, action: CaseAction.ESCALATE }, { orderBy: { at: 'desc' }, fields: ['at'] });
  return escalated?.at ?? kase.reportedAt;
}

/** Sets `dueAt` after a transition from `before` (the clock of the previous state). */
export async function updateDeadline(ctx: RequestContext, kase: Case, before: DeadlineStep | null, action: CaseAction, now: Date, extensionDays: number | null): Promise<void> {
  const clock = clockOf(kase);
  if (action === CaseAction.APPROVE_EXTENSION && kase.dueAt && extensionDays) {
    setDeadline(kase, await deadlineService.extend(ctx, kase, extensionDays));
  } else if (clock === null) {
    setDeadline(kase, null);
  } else if (clock === DeadlineStep.LOCAL && before === DeadlineStep.FILE) {
    // Filed without a platform: the local limit covers the stay at this level since it began.
    setDeadline(kase, await dueFor(ctx, kase, clock, await levelSince(ctx, kase)));
  } else if (clock !== before || RESTARTS.has(action) || !kase.dueAt) {
    setDeadline(kase, await stepDue(ctx, kase, clock, now));
  }
}

/** The clock of a report that has none yet (written before filing had one), counted from when it was reported. */
export async function reportClock(ctx: RequestContext, kase: Case): Promise<void> {
  setDeadline(kase, await stepDue(ctx, kase, DeadlineStep.FILE, kase.reportedAt));
}

/** A new report: its first clock, and for complaints the date the complainant must be answered by. */
export async function initialDeadlines(ctx: RequestContext, kase: Case, now: Date): Promise<void> {
  setDeadline(kase, await stepDue(ctx, kase, clockOf(kase)!, now));
  kase.answerDueAt = (await dueFor(ctx, kase, DeadlineStep.ANSWER, now))?.due ?? null;
}
