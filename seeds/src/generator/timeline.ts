/**
 * Where the seeded year sits in time. Every date of the generated data is an offset from one
 * anchor day (Beijing calendar): the data ends as that day begins, so a demo seeded today has
 * open cases due in the coming days, overdue ones, this month's patrols and a year of history.
 * The same seed and anchor give the same data.
 */
const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The anchor the tests and the pinned counts use: the day the demo data was first laid out for. */
export const REFERENCE_ANCHOR = '2026-11-28';

// The offsets are the ones the first demo had (2026-01-01 … 2026-11-28), so the pinned anchor
// reproduces it byte for byte.
/** Cases are reported over the 331 days before the anchor. */
const CASE_DAYS = 331;
/** Cases reported in the last 88 days run through the workflow (the rest stay REPORTED). */
const LIFECYCLE_DAYS = 88;
/** Sources were put on file over the two years (731 days) before the first case. */
const FILING_DAYS = 731;

/** A calendar month of patrols: its label, first instant, length, and the days of it seeded. */
export interface PatrolMonth {
  /** yyyy-mm */
  label: string;
  startMs: number;
  days: number;
  /** Days with check-ins: the whole month, or those before the anchor day in its own month. */
  seededDays: number;
}

export interface SeedTimeline {
  anchor: string;
  /** 00:00 Beijing of the anchor day: nothing seeded happens at or after it. */
  nowMs: number;
  casesFromMs: number;
  lifecycleFromMs: number;
  /** First Beijing day of the inspections (yyyy-mm-dd) and how many days they span. */
  inspectionsFrom: string;
  inspectionDays: number;
  sourcesFiledFromMs: number;
  sourcesFiledSpanMs: number;
  /** Creation time of reference rows (grid, departments, people). */
  referenceMs: number;
  /** The anchor's month first, then the month before. */
  patrolMonths: readonly [PatrolMonth, PatrolMonth];
}

/** Midnight UTC of a yyyy-mm-dd, i.e. the day as a number that date arithmetic can use. */
function dayMs(day: string): number {
  const match = DAY.exec(day);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) throw new Error(`not a date yyyy-mm-dd: "${day}"`);
  return ms;
}

const isoDay = (utcMs: number): string => new Date(utcMs).toISOString().slice(0, 10);

function patrolMonth(year: number, month: number, anchorMs: number): PatrolMonth {
  const firstMs = Date.UTC(year, month, 1);
  const days = (Date.UTC(year, month + 1, 1) - firstMs) / DAY_MS;
  return {
    label: isoDay(firstMs).slice(0, 7),
    startMs: firstMs - BEIJING_MS,
    days,
    seededDays: Math.max(0, Math.min(days, (anchorMs - firstMs) / DAY_MS)),
  };
}

export function seedTimeline(anchor: string): SeedTimeline {
  const anchorMs = dayMs(anchor);
  const nowMs = anchorMs - BEIJING_MS;
  const casesFromMs = nowMs - CASE_DAYS * DAY_MS;
  const at = new Date(anchorMs);
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  return {
    anchor,
    nowMs,
    casesFromMs,
    lifecycleFromMs: nowMs - LIFECYCLE_DAYS * DAY_MS,
    inspectionsFrom: isoDay(anchorMs - CASE_DAYS * DAY_MS),
    inspectionDays: CASE_DAYS,
    sourcesFiledFromMs: casesFromMs - FILING_DAYS * DAY_MS,
    sourcesFiledSpanMs: FILING_DAYS * DAY_MS,
    referenceMs: casesFromMs,
    patrolMonths: [patrolMonth(year, month, anchorMs), patrolMonth(year, month - 1, anchorMs)],
  };
}

/** Today in Beijing (yyyy-mm-dd) at an instant: the default anchor, read from the caller's clock. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING_MS).toISOString().slice(0, 10);
}

/** Throws unless `day` is a real yyyy-mm-dd date. */
export function assertDay(day: string): void {
  dayMs(day);
}
