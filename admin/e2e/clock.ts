/**
 * The browser tests pin business time: the API starts its clock at CLOCK_START (it runs on from
 * there), seeds the demo for that day, and the console takes its "today" from the API. So the
 * tests see the same data and the same "this month" on whatever date they run.
 */
export const CLOCK_START = '2026-11-28T09:00:00+08:00';

/** A Beijing day, `offset` days from CLOCK_START's, as yyyy-mm-dd. */
export function testDay(offset = 0): string {
  return new Date(Date.parse(CLOCK_START) + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
}
