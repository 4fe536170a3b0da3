import { parse as parseCsv } from 'csv-parse/sync';
import type ICAL from 'ical.js';
import { BadInputError, type FieldProblem } from '../../common/errors';
import { ScheduleFormat } from './deadline.enums';

/** One day of a year's official schedule: a holiday (working = false) or a 调休 working day. */
export interface ScheduleDay {
  day: string;
  working: boolean;
  name: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const HEADERS: Record<string, 'day' | 'working' | 'name'> = {
  date: 'day', day: 'day', 日期: 'day',
  working: 'working', 是否上班: 'working', 上班: 'working',
  name: 'name', 名称: 'name', 节日: 'name',
};
const YES = new Set(['1', 'true', 'yes', 'y', '是', '上班', '班', '补班', '调休上班']);
const NO = new Set(['0', 'false', 'no', 'n', '否', '休', '休息', '放假']);

function isRealDay(day: string): boolean {
  const ms = DAY.test(day) ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(day);
}

/**
 * CSV with a header row: `date,working,name` (or 日期,是否上班,名称), UTF-8 with or without BOM;
 * working is 是/否, 上班/休, true/false or 1/0. Lines count the header as 1.
 */
function parseCsvDays(content: string, problems: FieldProblem[]): ScheduleDay[] {
  let rows: string[][];
  try {
    rows = parseCsv(content.replace(/^\ufeff/, ''), { skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  } catch (error) {
    throw new BadInputError(`The CSV cannot be read: ${(error as Error).message}`, [{ field: 'content', message: 'malformed CSV' }]);
  }
  const columns = (rows[0] ?? []).map((h) => HEADERS[h.toLowerCase()]);
  for (const needed of ['day', 'working'] as const) {
    if (!columns.includes(needed)) throw new BadInputError(`The CSV needs a ${needed === 'day' ? 'date (日期)' : 'working (是否上班)'} column`, [{ field: 'line 1', message: `missing column ${needed}` }]);
  }
  const days: ScheduleDay[] = [];
  rows.slice(1).forEach((cells, index) => {
    const line = index + 2;
    const cell = (key: 'day' | 'working' | 'name'): string => cells[columns.indexOf(key)] ?? '';
    const working = cell('working').toLowerCase();
    if (!YES.has(working) && !NO.has(working)) problems.push({ field: `line ${line}`, message: `working must be 是/否 (true/false), got "${cell('working')}"` });
    days.push({ day: cell('day'), working: YES.has(working), name: cell('name') || (YES.has(working) ? '调休上班' : '节假日') });
  });
  return days;
}

/** Markers of a working day in an event's summary (补班, 上班, 班), and of a day off (休, 放假). */
const WORK_MARK = /(调休)?(补班|上班|班)|\bwork(ing)? ?day\b/i;
const OFF_MARK = /[(（]?(休息|放假|休)[)）]?/;

/**
 * ICS: each all-day VEVENT (DTSTART;VALUE=DATE, DTEND exclusive) is a run of days. A summary
 * with 班 (补班, 上班; "workday") marks 调休 working days, anything else holidays; the name is
 * the summary without those markers. Lines are the event's position (1 = first event).
 */
function parseIcsDays(content: string, problems: FieldProblem[]): ScheduleDay[] {
  const ical = require('ical.js') as typeof ICAL;
  let events: ICAL.Component[];
  try {
    events = new ical.Component(ical.parse(content)).getAllSubcomponents('vevent');
  } catch (error) {
    throw new BadInputError(`The ICS cannot be read: ${(error as Error).message}`, [{ field: 'content', message: 'malformed ICS' }]);
  }
  const days: ScheduleDay[] = [];
  events.forEach((component, index) => {
    const event = new ical.Event(component);
    const summary = (event.summary ?? '').trim();
    const start = event.startDate;
    if (!start || !start.isDate) {
      problems.push({ field: `event ${index + 1}`, message: `"${summary}" is not an all-day event (DTSTART;VALUE=DATE)` });
      return;
    }
    // DTEND is exclusive; without one (or an empty range) the event is its start day.
    const end = event.endDate && event.endDate.compare(start) > 0 ? event.endDate : start.clone();
    if (end.compare(start) === 0) end.adjust(1, 0, 0, 0);
    const working = WORK_MARK.test(summary);
    const name = summary.replace(WORK_MARK, '').replace(OFF_MARK, '').trim() || (working ? '调休上班' : '节假日');
    for (const at = start.clone(); at.compare(end) < 0; at.adjust(1, 0, 0, 0)) days.push({ day: at.toString().slice(0, 10), working, name });
  });
  return days;
}

/** The days of `year`'s schedule from a file, or BAD_USER_INPUT naming every wrong line. */
export function parseSchedule(year: number, format: ScheduleFormat, content: string): ScheduleDay[] {
  const problems: FieldProblem[] = [];
  const parsed = format === ScheduleFormat.CSV ? parseCsvDays(content, problems) : parseIcsDays(content, problems);
  const seen = new Set<string>();
  parsed.forEach((d, index) => {
    const where = format === ScheduleFormat.CSV ? `line ${index + 2}` : `day ${index + 1}`;
    if (!isRealDay(d.day)) problems.push({ field: where, message: `not a date yyyy-mm-dd: "${d.day}"` });
    else if (!d.day.startsWith(`${year}-`)) problems.push({ field: where, message: `${d.day} is not in ${year}` });
    else if (seen.has(d.day)) problems.push({ field: where, message: `${d.day} is listed twice` });
    if (d.name.length > 40) problems.push({ field: where, message: 'the name is longer than 40 characters' });
    seen.add(d.day);
  });
  if (!parsed.length) problems.push({ field: 'content', message: 'no days in the file' });
  if (problems.length) throw new BadInputError(`The ${year} schedule has ${problems.length} problem(s); nothing was loaded`, problems);
  return parsed.sort((a, b) => a.day.localeCompare(b.day));
}
