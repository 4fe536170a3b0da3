import type { RequestContext } from '../../context/request-context';
import { CalendarDay } from './calendar-day.entity';
import { CalendarYear } from './calendar-year.entity';
import { CaseComplexity, type DeadlineStep, LimitUnit } from './deadline.enums';
import { TimeLimit } from './time-limit.entity';
import { type LimitKey, resolveLimit } from './time-limits';
import { beijingDay, type Deadline, horizonDays, WorkingCalendar } from '@gridwatch/domain';

const DAY_MS = 86_400_000;

/** `first|last` months (YYYY-MM): the exceptions from the first's first day to the last's last day. */
async function calendarOfMonths(ctx: RequestContext, months: string): Promise<WorkingCalendar> {
  const [first, last] = months.split('|');
  const [year, month] = last.split('-').map(Number);
  const lastDay = `${last}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
  const [rows, years] = await Promise.all([
    ctx.em.find(CalendarDay, { day: { $gte: `${first}-01`, $lte: lastDay } }),
    ctx.em.find(CalendarYear, { year: { $gte: Number(first.slice(0, 4)), $lte: year } }),
  ]);
  return new WorkingCalendar(new Map(rows.map((r) => [r.day, r.working])), new Set(years.map((y) => y.year)));
}

/** A case's deadline columns (case/ sits above deadline/: it passes its cases in). */
export interface DueFields {
  dueAt?: Date | null;
  dueProvisional: boolean;
  dueBasisAt?: Date | null;
  dueBasisDays?: number | null;
}

export const deadlineService = {
  /**
   * The calendar from `from`'s day over the next `days` days: its exceptions and which of its
   * years are loaded. Read by whole months, once per request: a sweep or a page computes many
   * deadlines over the same few months.
   */
  calendar(ctx: RequestContext, from: Date, days: number): Promise<WorkingCalendar> {
    const months = `${beijingDay(from).slice(0, 7)}|${beijingDay(new Date(from.getTime() + days * DAY_MS)).slice(0, 7)}`;
    const loader = ctx.loaders.get<string, WorkingCalendar>('WorkingCalendar.months', (keys) => Promise.all(keys.map((key) => calendarOfMonths(ctx, key))));
    return loader.load(months);
  },

  /** The deadline of a step started at `from` under the limit that fits `key` (case/case-clocks.ts fills it in from a case), or null when no limit applies. */
  async dueFor(ctx: RequestContext, key: LimitKey, from: Date): Promise<Deadline | null> {
    const { step } = key;
    const cityRules = await ctx.loaders.get<DeadlineStep, TimeLimit[]>('TimeLimit.byStep', (steps) => Promise.all(steps.map((s) => ctx.em.find(TimeLimit, { step: s })))).load(step);
    const limit = resolveLimit(cityRules, { ...key, complexity: key.complexity ?? CaseComplexity.NORMAL });
    if (!limit) return null;
    return this.count(ctx, from, limit.amount, limit.unit);
  },

  async count(ctx: RequestContext, from: Date, amount: number, unit: LimitUnit): Promise<Deadline> {
    const calendar = await this.calendar(ctx, from, unit === LimitUnit.WORKING_DAYS ? horizonDays(amount) : 1);
    return calendar.deadline(from, amount, unit);
  },

  /**
   * An approved extension: the deadline moves by working days. Counted from the deadline's own
   * basis when it has one (N more working days from the same start), so that a recompute after
   * a schedule is loaded gives the same result as counting afresh.
   */
  async extend(ctx: RequestContext, kase: DueFields, days: number): Promise<Deadline> {
    if (kase.dueBasisAt && kase.dueBasisDays != null) return this.count(ctx, kase.dueBasisAt, kase.dueBasisDays + days, LimitUnit.WORKING_DAYS);
    // A deadline is the instant its day ends: count from that day, not the next.
    const lastDay = new Date(kase.dueAt!.getTime() - 1);
    const extended = await this.count(ctx, lastDay, days, LimitUnit.WORKING_DAYS);
    return { ...extended, basis: null };
  },

  /** The end of the next working day: what "due soon" means. */
  async soonBoundary(ctx: RequestContext): Promise<Date> {
    const now = ctx.clock.now();
    return (await this.calendar(ctx, now, horizonDays(1))).dueAfter(now, 1, LimitUnit.WORKING_DAYS);
  },
};

/** Puts a computed deadline (or none) on the case: the instant, the provisional mark and its basis. */
export function setDeadline(kase: DueFields, deadline: Deadline | null): void {
  kase.dueAt = deadline?.due ?? null;
  kase.dueProvisional = deadline?.provisional ?? false;
  kase.dueBasisAt = deadline?.basis?.from ?? null;
  kase.dueBasisDays = deadline?.basis?.days ?? null;
}
