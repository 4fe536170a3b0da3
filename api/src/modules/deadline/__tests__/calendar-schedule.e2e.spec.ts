import { FakeClock } from '../../../common/clock';
import { beijing, endOf } from '../../../test/time';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';
import { verifyChains } from '../../case/case-chain.service';
import { report, seeded, type Seeded } from '../../case/__tests__/workflow-helpers';

const CASE = `query($id: ID!) { case(id: $id) { dueAt dueProvisional version events(first: 50) { nodes { action details } } } }`;
const LOAD = `mutation($input: LoadCalendarScheduleInput!) { loadCalendarSchedule(input: $input) {
  year dryRun holidays workingDays added changed removed recomputed moves { case { id } previousDueAt dueAt provisional } } }`;

// A 2027 schedule written for the test: we do not know the State Council's 2027 notice.
const CSV_2027 = ['日期,是否上班,名称', '2027-01-01,否,元旦', '2027-01-02,否,元旦', '2027-01-03,否,元旦', '2027-02-06,是,春节调休'].join('\n');
const ICS_2028 = [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//gridwatch//test//ZH',
  'BEGIN:VEVENT', 'UID:a', 'DTSTART;VALUE=DATE:20280101', 'DTEND;VALUE=DATE:20280104', 'SUMMARY:元旦（休）', 'END:VEVENT',
  'BEGIN:VEVENT', 'UID:b', 'DTSTART;VALUE=DATE:20280129', 'SUMMARY:春节 补班', 'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

interface CaseDue {
  dueAt: string;
  dueProvisional: boolean;
  version: number;
  events: { nodes: { action: string; details: Record<string, unknown> | null }[] };
}

/** Issue 15: a calendar that knows what it does not know (2027 is not in the packaged table). */
describe('a year without its holiday schedule', () => {
  const clock = new FakeClock(beijing('2026-12-31T10:00:00')); // a Thursday; 元旦 2027 is the Friday
  let app: TestApp;
  let s: Seeded;
  let city: GraphQLClient;
  let operator: GraphQLClient;
  let caseId: string;
  const caseOf = async (id: string) => (await city.data<{ case: CaseDue }>(CASE, { id })).case;
  const readiness = async () => (await fetch(`${app.url}/readyz`).then(async (r) => ({ status: r.status, body: (await r.json()) as { warnings: string[] } })));

  beforeAll(async () => {
    app = await startTestApp({ clock });
    s = await seeded(app);
    city = await app.as('cityadmin');
    operator = await app.as('operator');
  });
  afterAll(() => app.close());

  it('warns from 1 November of the year before, in the API and as a readiness warning (not a failure)', async () => {
    const warnings = await city.data<{ calendarWarnings: { year: number }[]; calendarYears: { year: number; source: string }[] }>(`{ calendarWarnings { year message } calendarYears { year source } }`);
    expect(warnings.calendarWarnings.map((w) => w.year)).toEqual([2027]);
    expect(warnings.calendarYears.map((y) => y.year)).toContain(2026);
    expect(warnings.calendarYears.map((y) => y.year)).not.toContain(2027);
    const ready = await readiness();
    expect(ready.status).toBe(200);
    expect(ready.body.warnings).toEqual([expect.stringMatching(/2027 holiday schedule is not loaded/)]);
    // In October no warning yet; in January of an unloaded year, one.
    clock.set(beijing('2026-10-31T10:00:00'));
    expect((await city.data<{ calendarWarnings: unknown[] }>(`{ calendarWarnings { year } }`)).calendarWarnings).toEqual([]);
    clock.set(beijing('2027-01-15T10:00:00'));
    expect((await city.data<{ calendarWarnings: { year: number }[] }>(`{ calendarWarnings { year } }`)).calendarWarnings).toEqual([{ year: 2027 }]);
    clock.set(beijing('2026-12-31T10:00:00'));
  });

  it('counts a deadline through 元旦 2027 on weekdays and marks it provisional', async () => {
    // A platform report is filed within one working day: Friday 1 January, as far as anyone knows.
    const kase = await report(operator, { gridId: s.yaohaiGrid, categoryId: s.dust, origin: 'COMPLAINT' });
    caseId = kase.id;
    expect(await caseOf(caseId)).toMatchObject({ dueAt: endOf('2027-01-01'), dueProvisional: true });
  });

  it('refuses a bad file, and anyone but the city administrator, writing nothing', async () => {
    const bad = await city.request(LOAD, { input: { year: 2027, format: 'CSV', content: 'date,working,name\n2027-01-01,maybe,元旦\n2026-05-01,no,劳动节\n2027-02-30,no,x' } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((bad.errors?.[0].extensions?.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(['line 2', 'line 3', 'line 4']);
    const ics = await city.request(LOAD, { input: { year: 2027, format: 'ICS', content: 'not a calendar' } });
    expect(ics.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const county = await (await app.as('feidong')).request(LOAD, { input: { year: 2027, format: 'CSV', content: CSV_2027 } });
    expect(county.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const days = await city.data<{ calendarDays: unknown[] }>(`{ calendarDays(from: "2027-01-01", to: "2027-12-31") { day } }`);
    expect(days.calendarDays).toEqual([]);
  });

  it('previews a load without writing, then loads it: the deadline moves past 元旦, with one event, and the chain holds', async () => {
    const preview = (await city.data<{ loadCalendarSchedule: Record<string, unknown> }>(LOAD, { input: { year: 2027, format: 'CSV', content: CSV_2027, dryRun: true } })).loadCalendarSchedule;
    expect(preview).toMatchObject({ year: 2027, dryRun: true, holidays: 3, workingDays: 1, added: 4, changed: 0, removed: 0, recomputed: 1 });
    expect(preview.moves).toEqual([{ case: { id: caseId }, previousDueAt: endOf('2027-01-01'), dueAt: endOf('2027-01-04'), provisional: false }]);
    const untouched = await caseOf(caseId);
    expect(untouched).toMatchObject({ dueAt: endOf('2027-01-01'), dueProvisional: true });

    const loaded = (await city.data<{ loadCalendarSchedule: Record<string, unknown> }>(LOAD, { input: { year: 2027, format: 'CSV', content: CSV_2027 } })).loadCalendarSchedule;
    expect(loaded).toMatchObject({ dryRun: false, added: 4, recomputed: 1 });
    const moved = await caseOf(caseId);
    expect(moved).toMatchObject({ dueAt: endOf('2027-01-04'), dueProvisional: false, version: untouched.version + 1 });
    const recomputes = moved.events.nodes.filter((e) => e.action === 'RECOMPUTE_DEADLINE');
    expect(recomputes).toEqual([{ action: 'RECOMPUTE_DEADLINE', details: { previousDueAt: endOf('2027-01-01'), dueAt: endOf('2027-01-04'), year: 2027, provisional: false } }]);
    expect((await verifyChains(app.ownerOrm.em.fork())).filter((c) => c.broken !== null)).toEqual([]);

    const status = await city.data<{ calendarWarnings: unknown[]; calendarYears: { year: number; source: string }[] }>(`{ calendarWarnings { year } calendarYears { year source } }`);
    expect(status.calendarWarnings).toEqual([]);
    expect(status.calendarYears.find((y) => y.year === 2027)).toEqual({ year: 2027, source: 'admin' });
    expect((await readiness()).body.warnings).toEqual([]);

    // The same file again changes nothing.
    const again = (await city.data<{ loadCalendarSchedule: Record<string, unknown> }>(LOAD, { input: { year: 2027, format: 'CSV', content: CSV_2027 } })).loadCalendarSchedule;
    expect(again).toMatchObject({ added: 0, changed: 0, removed: 0, recomputed: 0 });
    expect((await caseOf(caseId)).events.nodes.filter((e) => e.action === 'RECOMPUTE_DEADLINE')).toHaveLength(1);
  });

  it('reads an ICS file: all-day events, DTEND exclusive, 补班 as a working day', async () => {
    const preview = (await city.data<{ loadCalendarSchedule: Record<string, unknown> }>(LOAD, { input: { year: 2028, format: 'ICS', content: ICS_2028, dryRun: true } })).loadCalendarSchedule;
    expect(preview).toMatchObject({ year: 2028, holidays: 3, workingDays: 1, added: 4 });
  });
});
