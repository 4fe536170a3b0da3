import { calendarDays } from '@gridwatch/seeds';
import { CaseOrigin, CaseUrgency } from '../../case/case.enums';
import { CaseComplexity, DeadlineStep, LimitUnit } from '../deadline.enums';
import { resolveLimit, type LimitKey } from '../time-limits';
import { WorkingCalendar } from '@gridwatch/domain';

/** The calendar as seeded: the pinned chinese-days release. */
const calendar = new WorkingCalendar(new Map(calendarDays().map((d) => [d.day, d.working])));
/** A Beijing wall-clock time as an instant. */
const beijing = (local: string): Date => new Date(`${local}+08:00`);
const endOf = (day: string): string => beijing(`${day}T24:00:00`).toISOString();

describe('working days on the Chinese calendar', () => {
  it('knows the 2026 Spring Festival holiday and its 调休 Saturdays', () => {
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true); // Friday
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // Saturday, 调休
    expect(calendar.isWorkingDay('2026-02-17')).toBe(false); // 春节 (Tuesday)
    expect(calendar.isWorkingDay('2026-02-23')).toBe(false); // Monday, still off
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true); // Saturday, 调休
    expect(calendar.isWorkingDay('2026-03-01')).toBe(false); // an ordinary Sunday
  });

  it('5 working days from the Friday before the Spring Festival end on Friday 27 February', () => {
    // 14 (调休 Sat) → 1; 15-23 off; 24, 25, 26, 27 → 2..5
    expect(calendar.dueAfter(beijing('2026-02-13T10:00:00'), 5, LimitUnit.WORKING_DAYS).toISOString()).toBe(endOf('2026-02-27'));
  });

  it('counts a 调休 Saturday as a working day and an ordinary weekend not', () => {
    expect(calendar.dueAfter(beijing('2026-02-26T09:00:00'), 2, LimitUnit.WORKING_DAYS).toISOString()).toBe(endOf('2026-02-28'));
    expect(calendar.dueAfter(beijing('2026-03-06T09:00:00'), 1, LimitUnit.WORKING_DAYS).toISOString()).toBe(endOf('2026-03-09'));
  });

  it('a complaint made on Mid-Autumn Day is answered 13 working days later, across National Day and its 调休 Saturday', () => {
    // 25-27 Sep and 1-7 Oct off; 28, 29, 30 Sep → 1-3; 8, 9 Oct → 4, 5; Sat 10 Oct (调休) → 6; 12-16 → 7-11; 19, 20 → 12, 13
    const from = beijing('2026-09-25T15:00:00');
    const due = calendar.dueAfter(from, 13, LimitUnit.WORKING_DAYS);
    expect(due.toISOString()).toBe(endOf('2026-10-20'));
    expect(calendar.workingDaysBetween(from, due)).toBe(13);
  });

  it('same day ends at midnight Beijing time; hours are calendar hours', () => {
    expect(calendar.dueAfter(beijing('2026-02-17T23:00:00'), 0, LimitUnit.SAME_DAY).toISOString()).toBe(endOf('2026-02-17'));
    expect(calendar.dueAfter(beijing('2026-02-17T10:00:00'), 24, LimitUnit.HOURS).toISOString()).toBe(beijing('2026-02-18T10:00:00').toISOString());
  });
});

describe('time limits: shipped defaults and city rows', () => {
  const key = (over: Partial<LimitKey>): LimitKey => ({
    step: DeadlineStep.HANDLE,
    origin: CaseOrigin.PATROL,
    categoryId: 1,
    urgency: CaseUrgency.NORMAL,
    complexity: CaseComplexity.NORMAL,
    ...over,
  });

  it('ship the local ladders', () => {
    expect(resolveLimit([], key({}))).toMatchObject({ amount: 5, unit: LimitUnit.WORKING_DAYS });
    expect(resolveLimit([], key({ complexity: CaseComplexity.COMPLEX }))).toMatchObject({ amount: 10 });
    expect(resolveLimit([], key({ complexity: CaseComplexity.SPECIAL }))).toMatchObject({ amount: 15 });
    expect(resolveLimit([], key({ urgency: CaseUrgency.EMERGENCY, complexity: CaseComplexity.SPECIAL }))).toMatchObject({ unit: LimitUnit.SAME_DAY });
    expect(resolveLimit([], key({ step: DeadlineStep.FILE, origin: CaseOrigin.INSTRUCTION }))).toMatchObject({ amount: 24, unit: LimitUnit.HOURS });
    expect(resolveLimit([], key({ step: DeadlineStep.ANSWER, origin: CaseOrigin.COMPLAINT }))).toMatchObject({ amount: 13 });
    expect(resolveLimit([], key({ step: DeadlineStep.ANSWER }))).toBeNull();
  });

  it('a city row overrides the default of the same key and leaves more specific defaults alone', () => {
    const city = [{ step: DeadlineStep.HANDLE, amount: 7, unit: LimitUnit.WORKING_DAYS }];
    expect(resolveLimit(city, key({}))).toMatchObject({ amount: 7 });
    expect(resolveLimit(city, key({ complexity: CaseComplexity.COMPLEX }))).toMatchObject({ amount: 10 });
    const dust = [{ step: DeadlineStep.HANDLE, categoryId: 1, complexity: CaseComplexity.COMPLEX, amount: 8, unit: LimitUnit.WORKING_DAYS }];
    expect(resolveLimit(dust, key({ complexity: CaseComplexity.COMPLEX }))).toMatchObject({ amount: 8 });
  });
});
