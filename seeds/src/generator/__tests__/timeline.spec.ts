import { DEFAULT_SEED, PROFILES } from '../profiles';
import { REFERENCE_ANCHOR, seedTimeline } from '../timeline';
import { dataset, digests, records } from './helpers';

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();

describe('the seed timeline', () => {
  it('reproduces the first demo at the pinned anchor', () => {
    const t = seedTimeline(REFERENCE_ANCHOR);
    expect(iso(t.nowMs)).toBe('2026-11-27T16:00:00.000Z');
    expect(iso(t.casesFromMs)).toBe('2025-12-31T16:00:00.000Z');
    expect(iso(t.lifecycleFromMs)).toBe('2026-08-31T16:00:00.000Z');
    expect(iso(t.sourcesFiledFromMs)).toBe('2023-12-31T16:00:00.000Z');
    expect(t.inspectionsFrom).toBe('2026-01-01');
    expect(t.patrolMonths.map((m) => [m.label, m.days, m.seededDays])).toEqual([['2026-11', 30, 27], ['2026-10', 31, 31]]);
  });

  it('handles month and year ends and leap days', () => {
    expect(seedTimeline('2027-01-01').patrolMonths.map((m) => [m.label, m.days, m.seededDays])).toEqual([['2027-01', 31, 0], ['2026-12', 31, 31]]);
    expect(seedTimeline('2028-02-29').patrolMonths.map((m) => [m.label, m.days, m.seededDays])).toEqual([['2028-02', 29, 28], ['2028-01', 31, 31]]);
    expect(seedTimeline('2026-03-31').patrolMonths.map((m) => m.label)).toEqual(['2026-03', '2026-02']);
    expect(() => seedTimeline('2026-02-30')).toThrow(/yyyy-mm-dd/);
    expect(() => seedTimeline('26-1-1')).toThrow(/yyyy-mm-dd/);
  });
});

// The demo seeded on days the holiday table does not cover, at a month's first day, and years ahead.
describe.each(['2027-01-01', '2026-12-31', '2031-06-15'])('the demo seeded on %s', (anchor) => {
  const t = seedTimeline(anchor);
  const tables = dataset(PROFILES.hefei, DEFAULT_SEED, anchor);
  const cases = records(tables.get('case'));
  const now = iso(t.nowMs);

  it('is the same data for the same seed and anchor, and other data for another anchor', () => {
    const again = digests(dataset(PROFILES.hefei, DEFAULT_SEED, anchor));
    const here = digests(tables);
    expect(here).toEqual(again);
    const other = digests(dataset(PROFILES.hefei, DEFAULT_SEED, REFERENCE_ANCHOR));
    expect(here.case).not.toEqual(other.case);
    expect(here.grid).not.toEqual(other.grid); // reference rows are stamped a year before the anchor
  });

  it('reports cases over the year before the anchor and nothing after it', () => {
    const reported = cases.map((c) => String(c.reported_at)).sort();
    expect(reported[0] >= iso(t.casesFromMs)).toBe(true);
    expect(reported.at(-1)! < now).toBe(true);
    expect(reported.at(-1)! > iso(t.nowMs - 3 * DAY)).toBe(true);
    for (const e of records(tables.get('case_event'))) expect([e.id, String(e.at) < now]).toEqual([e.id, true]);
    for (const i of records(tables.get('inspection'))) expect(String(i.inspected_on) < anchor).toBe(true);
  });

  it('leaves open cases due in the coming days, overdue ones and closed history', () => {
    const open = cases.filter((c) => c.due_at !== null);
    const ahead = open.filter((c) => String(c.due_at) >= now && String(c.due_at) < iso(t.nowMs + 7 * DAY));
    const overdue = open.filter((c) => String(c.due_at) < now);
    expect(ahead.length).toBeGreaterThan(0);
    expect(overdue.length).toBeGreaterThan(0);
    expect(cases.filter((c) => c.closed_at !== null).length).toBeGreaterThan(10);
  });

  it('plans patrols for the anchor’s month and the month before, with check-ins only before the anchor', () => {
    const months = new Set(records(tables.get('patrol_plan')).map((p) => p.month));
    expect([...months]).toEqual(t.patrolMonths.map((m) => `${m.label}-01`));
    const checkIns = records(tables.get('patrol_check_in')).map((c) => String(c.at));
    expect(checkIns.length).toBeGreaterThan(1000);
    for (const at of checkIns) expect(at < now && at >= iso(t.patrolMonths[1].startMs)).toBe(true);
  });
});
