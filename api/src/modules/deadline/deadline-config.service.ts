import { BadInputError } from '../../common/errors';
import { fromGlobalId } from '../../common/global-id';
import { assertCan } from '../../common/records';
import type { RequestContext } from '../../context/request-context';
import { CalendarDay } from './calendar-day.entity';
import type { SetCalendarDayInput, SetTimeLimitInput } from './deadline.inputs';
import { TimeLimit } from './time-limit.entity';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The city's deadline configuration: the holiday table and the time-limit rows. */
export const deadlineConfigService = {
  calendarDays(ctx: RequestContext, from: string, to: string): Promise<CalendarDay[]> {
    if (!DAY.test(from) || !DAY.test(to) || to < from) throw new BadInputError('Give a date range yyyy-mm-dd', [{ field: 'to', message: 'before from' }]);
    return ctx.em.find(CalendarDay, { day: { $gte: from, $lte: to } }, { orderBy: { day: 'asc' } });
  },

  timeLimits: (ctx: RequestContext): Promise<TimeLimit[]> => ctx.em.find(TimeLimit, {}, { orderBy: { id: 'asc' } }),

  /** Adds or changes one day (a new year's holiday schedule, a local change); idempotent on the date. */
  async setCalendarDay(ctx: RequestContext, input: SetCalendarDayInput): Promise<CalendarDay> {
    const existing = await ctx.em.findOne(CalendarDay, { day: input.day });
    const day = existing ?? Object.assign(new CalendarDay(), { day: input.day });
    Object.assign(day, { working: input.working, name: input.name, source: 'admin' });
    assertCan(ctx, existing ? 'update' : 'create', day);
    await ctx.em.persistAndFlush(day);
    return day;
  },

  /** Adds or changes the limit of one key (step + origin + category + urgency + complexity). */
  async setTimeLimit(ctx: RequestContext, input: SetTimeLimitInput): Promise<TimeLimit> {
    const key = {
      step: input.step,
      origin: input.origin ?? null,
      categoryId: input.categoryId ? fromGlobalId('CaseCategory', input.categoryId) : null,
      urgency: input.urgency ?? null,
      complexity: input.complexity ?? null,
    };
    const existing = await ctx.em.findOne(TimeLimit, key);
    const limit = existing ?? Object.assign(new TimeLimit(), key);
    Object.assign(limit, { amount: input.amount, unit: input.unit });
    assertCan(ctx, existing ? 'update' : 'create', limit);
    await ctx.em.persistAndFlush(limit);
    return limit;
  },
};
