import type { EntityManager } from '@mikro-orm/postgresql';
import { beijingDay } from '@gridwatch/domain';

/** Years without a loaded schedule that matter now: this year, and from 1 November the next. */
export async function calendarWarnings(em: EntityManager, now: Date): Promise<{ year: number; message: string }[]> {
  const today = beijingDay(now);
  const year = Number(today.slice(0, 4));
  const years = today.slice(5) >= '11-01' ? [year, year + 1] : [year];
  const loaded = await em.getConnection().execute<{ year: number }[]>('select year from calendar_year where year between ? and ?', [years[0], years.at(-1)]);
  const known = new Set(loaded.map((r) => r.year));
  return years
    .filter((y) => !known.has(y))
    .map((y) => ({ year: y, message: `calendar: the ${y} holiday schedule is not loaded; working-day deadlines in ${y} are provisional (weekdays only)` }));
}
