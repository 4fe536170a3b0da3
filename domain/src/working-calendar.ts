// The working calendar (工作日): the api's deadlines and the seed generator's life cycles count on it alike.

import { LimitUnit } from './enums/deadline';

const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000;

/** yyyy-mm-dd of the Beijing day an instant falls on. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + BEIJING_MS).toISOString().slice(0, 10);
}

/** The instant a Beijing day ends (24:00 Beijing). */
function endOfDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS - BEIJING_MS);
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** A computed deadline: provisional when its count walked through a year with no loaded schedule. */
export interface Deadline {
  due: Date;
  provisional: boolean;
  /** Working-day limits only: where the count started and how many working days it counts. */
  basis: { from: Date; days: number } | null;
}

/**
 * Working days on the Chinese calendar: Monday to Friday, except the days the table lists
 * (holidays off, 调休 weekends on). `exceptions` maps yyyy-mm-dd to "is a working day";
 * `loadedYears` are the years whose official schedule the table holds (others: weekdays only).
 */
export class WorkingCalendar {
  constructor(
    private readonly exceptions: ReadonlyMap<string, boolean>,
    private readonly loadedYears: ReadonlySet<number> = new Set(),
  ) {}

  isWorkingDay(day: string): boolean {
    const listed = this.exceptions.get(day);
    if (listed !== undefined) return listed;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** Whether the official schedule of the day's year is known. */
  isKnown(day: string): boolean {
    return this.loadedYears.has(Number(day.slice(0, 4)));
  }

  /**
   * The deadline of a limit started at `from`: N working days end with the N-th working day
   * after the start day (the start day itself does not count); hours are calendar hours;
   * same-day ends at midnight of the start day.
   */
  dueAfter(from: Date, amount: number, unit: LimitUnit): Date {
    return this.deadline(from, amount, unit).due;
  }

  deadline(from: Date, amount: number, unit: LimitUnit): Deadline {
    switch (unit) {
      case LimitUnit.HOURS:
        return { due: new Date(from.getTime() + amount * 3_600_000), provisional: false, basis: null };
      case LimitUnit.SAME_DAY:
        return { due: endOfDay(beijingDay(from)), provisional: false, basis: null };
      case LimitUnit.WORKING_DAYS: {
        let day = beijingDay(from);
        let provisional = false;
        for (let counted = 0; counted < amount; ) {
          day = nextDay(day);
          provisional ||= !this.isKnown(day);
          if (this.isWorkingDay(day)) counted += 1;
        }
        return { due: endOfDay(day), provisional, basis: { from, days: amount } };
      }
    }
  }

  /** Working days after `from`'s day up to the day `to` falls in or ends (0 when not later). */
  workingDaysBetween(from: Date, to: Date): number {
    let count = 0;
    // A deadline is the instant a day ends, which already belongs to the next day.
    const last = beijingDay(new Date(to.getTime() - 1));
    for (let day = nextDay(beijingDay(from)); day <= last; day = nextDay(day)) if (this.isWorkingDay(day)) count += 1;
    return count;
  }
}

/** How far ahead to load exceptions for a limit of `amount` working days (holidays last at most ~9 days). */
export function horizonDays(amount: number): number {
  return amount * 2 + 40;
}

/** A day the table lists: a holiday (not working) or a 调休 working weekend day. */
export interface CalendarException {
  /** yyyy-mm-dd, Beijing time. */
  day: string;
  working: boolean;
}

/** A calendar from listed days; the years they fall in count as loaded unless `loadedYears` says which are. */
export function calendarOf(days: readonly CalendarException[], loadedYears?: Iterable<number>): WorkingCalendar {
  const years = loadedYears ?? days.map((d) => Number(d.day.slice(0, 4)));
  return new WorkingCalendar(new Map(days.map((d) => [d.day, d.working])), new Set(years));
}
