import { LimitUnit } from '../enums/deadline';
import { calendarOf } from '../working-calendar';

// The 2026 Spring Festival as published (holidays 15-23 Feb, 调休 Saturdays 14 and 28 Feb), written out here.
const days = [
  ...['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'].map((day) => ({ day, working: false })),
  { day: '2026-02-14', working: true },
  { day: '2026-02-28', working: true },
];
const calendar = calendarOf(days);
const beijing = (local: string): Date => new Date(`${local}+08:00`);
const endOf = (day: string): string => beijing(`${day}T24:00:00`).toISOString();

describe('working days after holiday and 调休 adjustments', () => {
  it('skips the holiday and counts the 调休 Saturday', () => {
    // 14 (调休 Sat) → 1; 15-23 off; 24, 25, 26, 27 → 2..5
    expect(calendar.dueAfter(beijing('2026-02-13T10:00:00'), 5, LimitUnit.WORKING_DAYS).toISOString()).toBe(endOf('2026-02-27'));
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
    expect(calendar.isWorkingDay('2026-03-01')).toBe(false);
  });

  it('counts from the Beijing day: 23:30 UTC is already the next day in Beijing', () => {
    expect(calendar.dueAfter(new Date('2026-03-05T23:30:00Z'), 1, LimitUnit.WORKING_DAYS).toISOString()).toBe(endOf('2026-03-09'));
  });

  it('is provisional through a year the table does not cover, with its basis', () => {
    const late = calendar.deadline(beijing('2026-12-30T09:00:00'), 3, LimitUnit.WORKING_DAYS);
    expect(late.provisional).toBe(true);
    expect(late.basis?.days).toBe(3);
    expect(calendar.deadline(beijing('2026-03-02T09:00:00'), 3, LimitUnit.WORKING_DAYS).provisional).toBe(false);
    expect(calendar.workingDaysBetween(beijing('2026-02-13T10:00:00'), new Date(endOf('2026-02-27')))).toBe(5);
  });

  it('ends the same day at Beijing midnight and counts hours on the clock', () => {
    expect(calendar.dueAfter(beijing('2026-02-17T23:00:00'), 0, LimitUnit.SAME_DAY).toISOString()).toBe(endOf('2026-02-17'));
    expect(calendar.dueAfter(beijing('2026-02-17T10:00:00'), 24, LimitUnit.HOURS).toISOString()).toBe(beijing('2026-02-18T10:00:00').toISOString());
  });
});
