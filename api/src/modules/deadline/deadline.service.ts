import type { RequestContext } from '../../context/request-context';
import type { Case } from '../case/case.entity';
import { CalendarDay } from './calendar-day.entity';
import { CaseComplexity, type DeadlineStep, LimitUnit } from './deadline.enums';
import { TimeLimit } from './time-limit.entity';
import { resolveLimit } from './time-limits';
import { beijingDay, horizonDays, WorkingCalendar } from './working-calendar';

const DAY_MS = 86_400_000;

export const deadlineService = {
  /** The calendar exceptions from `from`'s day over the next `days` days (a few dozen rows). */
  async calendar(ctx: RequestContext, from: Date, days: number): Promise<WorkingCalendar> {
    const rows = await ctx.em.find(CalendarDay, {
      day: { $gte: beijingDay(from), $lte: beijingDay(new Date(from.getTime() + days * DAY_MS)) },
    });
    return new WorkingCalendar(new Map(rows.map((r) => [r.day, r.working])));
  },

  /** The deadline of a case's step started at `from`, or null when no limit applies. */
  async dueFor(ctx: RequestContext, kase: Case, step: DeadlineStep, from: Date): Promise<Date | null> {
    const cityRules = await ctx.em.find(TimeLimit, { step });
    const limit = resolveLimit(cityRules, {
      step,
      origin: kase.origin,
      categoryId: kase.categoryId,
      urgency: kase.urgency,
      complexity: kase.complexity ?? CaseComplexity.NORMAL,
    });
    if (!limit) return null;
    const calendar = await this.calendar(ctx, from, limit.unit === LimitUnit.WORKING_DAYS ? horizonDays(limit.amount) : 1);
    return calendar.dueAfter(from, limit.amount, limit.unit);
  },

  /** An approved extension: the deadline moves by working days. */
  async extend(ctx: RequestContext, due: Date, days: number): Promise<Date> {
    // A deadline is the instant its day ends: count from that day, not the next.
    const lastDay = new Date(due.getTime() - 1);
    const calendar = await this.calendar(ctx, lastDay, horizonDays(days));
    return calendar.dueAfter(lastDay, days, LimitUnit.WORKING_DAYS);
  },

  /** The end of the next working day: what "due soon" means. */
  async soonBoundary(ctx: RequestContext): Promise<Date> {
    const now = ctx.clock.now();
    return (await this.calendar(ctx, now, horizonDays(1))).dueAfter(now, 1, LimitUnit.WORKING_DAYS);
  },
};
