import type { RequestContext } from '../../context/request-context';
import { AuditRecommendation } from '../audit/audit.entity';
import { RecommendationStatus } from '../audit/audit.enums';
import { beijingDay } from '../deadline/working-calendar';
import { TaskStatus } from '../plan/plan.enums';
import { WorkTask } from '../plan/task.entity';
import { AlertKind } from './case-alert.entity';
import { insertRecommendationAlert, insertTaskAlert } from './supervision.sql';

const BATCH = 500;

/** The instant a Beijing day (yyyy-mm-dd) ends. */
const beijingDayEnd = (day: string): Date => new Date(`${day}T24:00:00+08:00`);

/** 催办 before and 督办 after the deadline of an open task (任务), once per deadline. */
export async function sweepTasks(ctx: RequestContext, now: Date, urgeBeforeMs: number): Promise<number> {
  let alerts = 0;
  for (let afterId = 0; ; ) {
    const batch = await ctx.em.find(
      WorkTask,
      { id: { $gt: afterId }, status: TaskStatus.OPEN, dueAt: { $ne: null, $lte: new Date(now.getTime() + urgeBeforeMs) } },
      { orderBy: { id: 'asc' }, limit: BATCH },
    );
    for (const task of batch) alerts += await insertTaskAlert(ctx, task, now < task.dueAt! ? AlertKind.URGE : AlertKind.SUPERVISE, now);
    ctx.em.clear();
    if (batch.length < BATCH) return alerts;
    afterId = batch[batch.length - 1].id;
  }
}

/**
 * 催办 on the last day and 督办 after it for an audit recommendation the audited unit has not
 * answered (整改反馈); its due date is a Beijing day, due at that day's end.
 */
export async function sweepRecommendations(ctx: RequestContext, now: Date, urgeBeforeMs: number): Promise<number> {
  let alerts = 0;
  const lastDueDay = beijingDay(new Date(now.getTime() + urgeBeforeMs));
  for (let afterId = 0; ; ) {
    const batch = await ctx.em.find(
      AuditRecommendation,
      { id: { $gt: afterId }, status: RecommendationStatus.OPEN, dueOn: { $lte: lastDueDay } },
      { orderBy: { id: 'asc' }, limit: BATCH },
    );
    for (const rec of batch) {
      const due = beijingDayEnd(rec.dueOn);
      if (due.getTime() - now.getTime() > urgeBeforeMs) continue;
      alerts += await insertRecommendationAlert(ctx, rec, now < due ? AlertKind.URGE : AlertKind.SUPERVISE, due, now);
    }
    ctx.em.clear();
    if (batch.length < BATCH) return alerts;
    afterId = batch[batch.length - 1].id;
  }
}
