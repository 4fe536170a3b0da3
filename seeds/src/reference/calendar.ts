import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A day that breaks the Monday-to-Friday rule: a public holiday, or a swapped working day (调休). */
export interface CalendarDayRecord {
  id: number;
  /** yyyy-mm-dd, Beijing time. */
  day: string;
  working: boolean;
  /** The holiday's Chinese name (春节, 国庆节, ...). */
  name: string;
}

/** Where the seeded days came from (the pinned package), as opposed to days an admin added. */
export const CALENDAR_SOURCE = 'chinese-days@1.5.7';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** The State Council's published calendar as packaged by `chinese-days` (MIT); entries read `Spring Festival,春节,4`. */
function packagedCalendar(): ChineseDaysData {
  const dir = path.dirname(require.resolve('chinese-days/package.json'));
  return JSON.parse(readFileSync(path.join(dir, 'dist', 'chinese-days.json'), 'utf8')) as ChineseDaysData;
}

/**
 * Every holiday and 调休 working day the package knows, in date order. No year is written
 * here: a package update brings new years, and admins add days the package lacks.
 */
export function calendarDays(): CalendarDayRecord[] {
  const data = packagedCalendar();
  const entries = [
    ...Object.entries(data.holidays).map(([day, label]) => ({ day, working: false, label })),
    ...Object.entries(data.workdays).map(([day, label]) => ({ day, working: true, label })),
  ].sort((a, b) => a.day.localeCompare(b.day));
  return entries.map((e, i) => ({ id: i + 1, day: e.day, working: e.working, name: e.label.split(',')[1] ?? e.label }));
}
