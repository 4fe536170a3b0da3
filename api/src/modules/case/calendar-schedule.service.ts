import { assertCan } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Case } from './case.entity';
import { CaseAction } from './case.enums';
import { caseEvent } from './case-workflow.service';
import { CalendarDay } from '../deadline/calendar-day.entity';
import { CalendarYear } from '../deadline/calendar-year.entity';
import { parseSchedule, type ScheduleDay } from '../deadline/calendar-schedule';
import { LimitUnit, type ScheduleFormat } from '../deadline/deadline.enums';
import { beijingDay, WorkingCalendar } from '@gridwatch/domain';

// Loading a schedule moves cases' deadlines and writes their timelines: case/ does it, deadline/ (below) only keeps the calendar.
export interface DeadlineMove {
  kase: Case;
  previousDueAt: Date | null;
  dueAt: Date;
  provisional: boolean;
}

export interface ScheduleLoad {
  year: number;
  dryRun: boolean;
  days: ScheduleDay[];
  added: number;
  changed: number;
  removed: number;
  moves: DeadlineMove[];
}

const dayKey = (d: Pick<ScheduleDay, 'working' | 'name'>): string => `${d.working}|${d.name}`;

/**
 * Loads a year's official schedule (holidays and 调休 working days), replacing that year's days,
 * and recomputes every open provisional deadline with it: each change is a RECOMPUTE_DEADLINE
 * event on the case's timeline (hash-chained like every event). A dry run reports the same and
 * writes nothing.
 */
export async function loadSchedule(ctx: RequestContext, input: { year: number; format: ScheduleFormat; content: string; dryRun: boolean }): Promise<ScheduleLoad> {
  assertCan(ctx, 'update', Object.assign(new CalendarYear(), { year: input.year }));
  const days = parseSchedule(input.year, input.format, input.content);
  const existing = await ctx.em.find(CalendarDay, { day: { $gte: `${input.year}-01-01`, $lte: `${input.year}-12-31` } });
  const before = new Map(existing.map((d) => [d.day, dayKey(d)]));
  const after = new Set(days.map((d) => d.day));
  const result: ScheduleLoad = {
    year: input.year,
    dryRun: input.dryRun,
    days,
    added: days.filter((d) => !before.has(d.day)).length,
    changed: days.filter((d) => before.has(d.day) && before.get(d.day) !== dayKey(d)).length,
    removed: existing.filter((d) => !after.has(d.day)).length,
    moves: await recomputeProvisional(ctx, input.year, days),
  };
  if (input.dryRun) return result;

  const now = ctx.clock.now();
  for (const old of existing) ctx.em.remove(old);
  // The removals go first: the new rows reuse the unique days.
  await ctx.em.flush();
  for (const d of days) ctx.em.persist(Object.assign(new CalendarDay(), { ...d, source: 'admin' }));
  const year = (await ctx.em.findOne(CalendarYear, { year: input.year })) ?? Object.assign(new CalendarYear(), { year: input.year });
  Object.assign(year, { source: 'admin', loadedAt: now, loadedById: ctx.principal?.accountId ?? null });
  ctx.em.persist(year);
  for (const move of result.moves) {
    const details = { previousDueAt: move.previousDueAt?.toISOString() ?? null, dueAt: move.dueAt.toISOString(), year: input.year, provisional: move.provisional };
    move.kase.dueAt = move.dueAt;
    move.kase.dueProvisional = move.provisional;
    ctx.em.persist(caseEvent(ctx, move.kase, { action: CaseAction.RECOMPUTE_DEADLINE, from: move.kase.status, to: move.kase.status }, {}, details, now));
  }
  await ctx.em.flush();
  return result;
}

/** The open provisional deadlines that the schedule moves or makes final, on the calendar with it. */
async function recomputeProvisional(ctx: RequestContext, year: number, days: ScheduleDay[]): Promise<DeadlineMove[]> {
  const cases = await ctx.em.find(Case, { dueProvisional: true, dueAt: { $ne: null }, dueBasisAt: { $ne: null } }, { orderBy: { id: 'asc' } });
  if (!cases.length) return [];
  const from = beijingDay(new Date(Math.min(...cases.map((c) => c.dueBasisAt!.getTime()))));
  const [rows, years] = await Promise.all([ctx.em.find(CalendarDay, { day: { $gte: from } }), ctx.em.find(CalendarYear, {})]);
  const exceptions = new Map(rows.filter((r) => !r.day.startsWith(`${year}-`)).map((r) => [r.day, r.working]));
  for (const d of days) exceptions.set(d.day, d.working);
  const calendar = new WorkingCalendar(exceptions, new Set([...years.map((y) => y.year), year]));
  const moves: DeadlineMove[] = [];
  for (const kase of cases) {
    const next = calendar.deadline(kase.dueBasisAt!, kase.dueBasisDays!, LimitUnit.WORKING_DAYS);
    if (next.due.getTime() === kase.dueAt!.getTime() && next.provisional === kase.dueProvisional) continue;
    moves.push({ kase, previousDueAt: kase.dueAt ?? null, dueAt: next.due, provisional: next.provisional });
  }
  return moves;
}
