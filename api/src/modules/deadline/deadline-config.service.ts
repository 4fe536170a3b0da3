import { BadInputError } from '../../common/errors';
import { fromGlobalId, toGlobalId } from '../../common/global-id';
import { assertCan } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { CalendarDay } from './calendar-day.entity';
import type { SetCalendarDayInput, SetTimeLimitInput } from './deadline.inputs';
import { TimeLimit } from './time-limit.entity';
import { DEFAULT_TIME_LIMITS, type LimitRule } from './time-limits';
import { LimitSource, type TimeLimitSetting } from './time-limit.types';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const keyOf = (r: LimitRule): string => [r.step, r.origin, r.categoryId, r.urgency, r.complexity, r.level].map((v) => v ?? '').join('|');

function setting(rule: LimitRule, override: TimeLimit | null, shipped: LimitRule | null): TimeLimitSetting {
  const inForce = override ?? rule;
  return {
    step: rule.step,
    origin: rule.origin ?? null,
    categoryId: rule.categoryId == null ? null : toGlobalId('CaseCategory', rule.categoryId),
    urgency: rule.urgency ?? null,
    complexity: rule.complexity ?? null,
    level: rule.level ?? null,
    amount: inForce.amount,
    unit: inForce.unit,
    source: override ? LimitSource.OVERRIDE : LimitSource.DEFAULT,
    defaultAmount: shipped?.amount ?? null,
    defaultUnit: shipped?.unit ?? null,
    override,
  };
}

/** The city's deadline configuration: the holiday table and the time-limit rows. */
export const deadlineConfigService = {
  calendarDays(ctx: RequestContext, from: string, to: string): Promise<CalendarDay[]> {
    if (!DAY.test(from) || !DAY.test(to) || to < from) throw new BadInputError('Give a date range yyyy-mm-dd', [{ field: 'to', message: 'before from' }]);
    return ctx.em.find(CalendarDay, { day: { $gte: from, $lte: to } }, { orderBy: { day: 'asc' } });
  },

  /** The limits in force: every shipped default (or the city row replacing it), then the city's other rows. */
  async timeLimits(ctx: RequestContext): Promise<TimeLimitSetting[]> {
    const rows = await ctx.em.find(TimeLimit, {}, { orderBy: { id: 'asc' } });
    const byKey = new Map(rows.map((r) => [keyOf(r), r]));
    const shippedKeys = new Set(DEFAULT_TIME_LIMITS.map(keyOf));
    return [
      ...DEFAULT_TIME_LIMITS.map((d) => setting(d, byKey.get(keyOf(d)) ?? null, d)),
      ...rows.filter((r) => !shippedKeys.has(keyOf(r))).map((r) => setting(r, r, null)),
    ];
  },

  /** Adds or changes one day (a new year's holiday schedule, a local change); idempotent on the date. */
  async setCalendarDay(ctx: RequestContext, input: SetCalendarDayInput): Promise<CalendarDay> {
    const existing = await ctx.em.findOne(CalendarDay, { day: input.day });
    const day = existing ?? Object.assign(new CalendarDay(), { day: input.day });
    Object.assign(day, { working: input.working, name: input.name, source: 'admin' });
    assertCan(ctx, existing ? 'update' : 'create', day);
    await ctx.em.persistAndFlush(day);
    return day;
  },

  /** Adds or changes the limit of one key (step + origin + category + urgency + complexity + level). */
  async setTimeLimit(ctx: RequestContext, input: SetTimeLimitInput): Promise<TimeLimit> {
    const key = {
      step: input.step,
      origin: input.origin ?? null,
      categoryId: input.categoryId ? fromGlobalId('CaseCategory', input.categoryId) : null,
      urgency: input.urgency ?? null,
      complexity: input.complexity ?? null,
      level: input.level ?? null,
    };
    const existing = await ctx.em.findOne(TimeLimit, key);
    const limit = existing ?? Object.assign(new TimeLimit(), key);
    Object.assign(limit, { amount: input.amount, unit: input.unit });
    assertCan(ctx, existing ? 'update' : 'create', limit);
    await ctx.em.persistAndFlush(limit);
    return limit;
  },
};
