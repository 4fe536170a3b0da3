import { OptimisticLockError } from '@mikro-orm/core';
import { buildSchedulerAbility } from '../../auth/ability';
import { ConflictError, IllegalTransitionError } from '../../common/errors';
import { toGlobalId } from '../../common/global-id';
import { Loaders } from '../../context/loaders';
import type { RequestContext } from '../../context/request-context';
import { inUnit } from '../../context/unit-of-work';
import { caseWorkflow } from '../case/case-workflow.service';
import { CaseAction, CaseOrigin, CaseStatus } from '../case/case.enums';
import { Case } from '../case/case.entity';
import { clockOf, reportClock } from '../case/case-clocks';
import { DeadlineStep, LimitUnit } from '../deadline/deadline.enums';
import { deadlineService } from '../deadline/deadline.service';
import { AlertDeadline, AlertKind } from './case-alert.entity';
import { insertAlert, insertPartnerAlerts, insertRecommendationAlerts, insertTaskAlerts, notNoticed } from './supervision.sql';
import type { SweepResult } from './supervision.types';

/** 通报 when a case is still late this many working days after its deadline. */
export const NOTICE_AFTER_WORKING_DAYS = 3;
/** 催办 from this long before the deadline. */
const URGE_BEFORE_MS = 24 * 3_600_000;
const BATCH = 500;
const CLOCKED = [CaseStatus.REPORTED, CaseStatus.FILED, CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS, CaseStatus.EXTENSION_REQUESTED, CaseStatus.FED_BACK];


/**
 * Reports written before filing had a clock (or loaded without one) wait with no deadline and
 * are never late. They get the clock a report gets today, counted from when they were
 * reported, so the pass below urges, supervises or escalates them like any other late step.
 */
async function clockUnclockedReports(ctx: RequestContext): Promise<void> {
  for (let afterId = 0; ; ) {
    const batch = await ctx.em.find(Case, { id: { $gt: afterId }, status: CaseStatus.REPORTED, dueAt: null }, { orderBy: { id: 'asc' }, limit: BATCH });
    for (const kase of batch) await reportClock(ctx, kase);
    try {
      await inUnit(ctx, () => ctx.em.flush());
    } catch (error) {
      // Another replica (or a person filing) changed one first: the next sweep clocks what is left.
      if (!(error instanceof OptimisticLockError)) throw error;
    }
    ctx.em.clear();
    if (batch.length < BATCH) break;
    afterId = batch[batch.length - 1].id;
  }
}

/** The clocks whose lapse, without a platform, hands the case up: filing and the local limit (until fed back). */
const ESCALATING = new Set<DeadlineStep | null>([DeadlineStep.FILE, DeadlineStep.LOCAL]);

function escalates(kase: Case): boolean {
  return !kase.viaPlatform && kase.handlingParentId != null && ESCALATING.has(clockOf(kase));
}

/**
 * 无平台: a level that lets its local limit pass hands the case up (上报上一级网格). Each
 * escalation is a unit of work of its own (or part of the caller's, on demand): the case moves
 * with its event or not at all, and a long pass holds no county's chain for its whole length.
 */
async function escalateLate(ctx: RequestContext, kase: Case): Promise<number> {
  try {
    await inUnit(ctx, () =>
      caseWorkflow.apply(ctx, CaseAction.ESCALATE, {
        id: toGlobalId('Case', kase.id),
        version: kase.version,
        reason: '超过本级办理时限, 系统自动上报上一级网格',
      }),
    );
    return 1;
  } catch (error) {
    // What the refused step changed in memory must not ride along with the next one.
    ctx.em.clear();
    // Another replica (or a person) moved the case first: nothing to do.
    if (error instanceof ConflictError || error instanceof IllegalTransitionError) return 0;
    throw error;
  }
}

/**
 * One pass over the clocked cases at `ctx.clock.now()`: 催办 on the last day, 督办 once late,
 * 通报 when still late N working days on, and automatic escalation of no-platform cases
 * whose local limit has passed; then 催办/督办 to partner departments past their own
 * deadline (联合执法), on open tasks and unanswered audit
 * recommendations (supervision.sql.ts). Safe to run any number of times, concurrently.
 * The scheduled pass gives each escalation (and each batch of new report clocks) a unit of work
 * of its own; an alert is one statement. On demand, all of it joins the administrator's request.
 */
export async function sweepDeadlines(ctx: RequestContext): Promise<SweepResult> {
  const now = ctx.clock.now();
  const result: SweepResult = { alerts: 0, escalated: 0 };
  await clockUnclockedReports(ctx);
  for (let afterId = 0; ; ) {
    const batch = await ctx.em.find(
      Case,
      { id: { $gt: afterId }, status: { $in: CLOCKED }, dueAt: { $ne: null, $lte: new Date(now.getTime() + URGE_BEFORE_MS) }, [notNoticed()]: [] },
      { orderBy: { id: 'asc' }, limit: BATCH },
    );
    for (const kase of batch) {
      const due = kase.dueAt!;
      if (now < due) {
        result.alerts += await insertAlert(ctx, kase, AlertKind.URGE, now);
      } else if (escalates(kase)) {
        result.escalated += await escalateLate(ctx, kase);
      } else {
        result.alerts += await lateAlerts(ctx, kase, due, now, AlertDeadline.STEP);
      }
    }
    if (batch.length < BATCH) break;
    afterId = batch[batch.length - 1].id;
    ctx.em.clear();
  }
  result.alerts += await sweepAnswers(ctx, now);
  const urgeUntil = new Date(now.getTime() + URGE_BEFORE_MS);
  result.alerts += await insertPartnerAlerts(ctx, now, urgeUntil);
  result.alerts += await insertTaskAlerts(ctx, now, urgeUntil);
  result.alerts += await insertRecommendationAlerts(ctx, now, urgeUntil);
  return result;
}

/** 督办 once a deadline has passed, 通报 when it is still missed N working days on. */
async function lateAlerts(ctx: RequestContext, kase: Case, due: Date, now: Date, deadline: AlertDeadline): Promise<number> {
  let raised = await insertAlert(ctx, kase, AlertKind.SUPERVISE, now, deadline);
  const lastDay = new Date(due.getTime() - 1);
  const calendar = await deadlineService.calendar(ctx, lastDay, NOTICE_AFTER_WORKING_DAYS * 2 + 40);
  if (now >= calendar.dueAfter(lastDay, NOTICE_AFTER_WORKING_DAYS, LimitUnit.WORKING_DAYS)) raised += await insertAlert(ctx, kase, AlertKind.NOTICE, now, deadline);
  return raised;
}

/**
 * The complainant's answer limit (答复时限) runs beside the steps, whatever the status, until
 * the reply (答复) is given: 催办 on the last day, then 督办 and 通报 like a late step.
 * A cancelled complaint (invalid, a duplicate) is not chased.
 */
async function sweepAnswers(ctx: RequestContext, now: Date): Promise<number> {
  let alerts = 0;
  for (let afterId = 0; ; ) {
    const batch = await ctx.em.find(
      Case,
      {
        id: { $gt: afterId },
        origin: CaseOrigin.COMPLAINT,
        answeredAt: null,
        status: { $ne: CaseStatus.CANCELLED },
        answerDueAt: { $ne: null, $lte: new Date(now.getTime() + URGE_BEFORE_MS) },
      },
      { orderBy: { id: 'asc' }, limit: BATCH },
    );
    for (const kase of batch) {
      const due = kase.answerDueAt!;
      alerts += now < due ? await insertAlert(ctx, kase, AlertKind.URGE, now, AlertDeadline.ANSWER) : await lateAlerts(ctx, kase, due, now, AlertDeadline.ANSWER);
    }
    if (batch.length < BATCH) break;
    afterId = batch[batch.length - 1].id;
    ctx.em.clear();
  }
  return alerts;
}

/**
 * The sweep on demand (an administrator's runDeadlineSweep): the same pass, inside the
 * caller's transaction, so row-level security and the scope filter keep it to the caller's
 * city. It acts with the scheduler's narrow ability and no principal, so what it escalates
 * reads as the system's step, as the scheduled sweep's do; alerts and escalations it shares
 * with a scheduled sweep running at the same time happen once (see sweepDeadlines).
 */
export function sweepOnDemand(ctx: RequestContext): Promise<SweepResult> {
  return sweepDeadlines({ ...ctx, principal: null, ability: buildSchedulerAbility(), loaders: new Loaders() });
}
