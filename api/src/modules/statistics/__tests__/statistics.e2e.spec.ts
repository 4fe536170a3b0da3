import { FakeClock } from '../../../common/clock';
import { compiledReadStats } from '../../../data/compiled-reads';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';
import { TEST_CLOCK_START } from '../../../test/time';

interface Stat {
  unit: { id: string; code: string; level: string } | null;
  status: string | null;
  category: { code: string } | null;
  period: string | null;
  count: number;
  overdue: number;
  closed: number;
}
const STATS = `query($groupBy: [CaseStatisticsDimension!]!, $within: ID, $from: DateTimeISO, $to: DateTimeISO, $overdueOnly: Boolean) {
  caseStatistics(groupBy: $groupBy, within: $within, from: $from, to: $to, overdueOnly: $overdueOnly) {
    unit { id code level } status category { code } period count overdue closed
  }
}`;
const key = (...parts: unknown[]) => parts.join('|');

describe('caseStatistics: grouped counts within the caller’s territory', () => {
  // "Overdue" is against the API's clock; the checks below compare with the same instant.
  const clock = new FakeClock(TEST_CLOCK_START);
  let app: TestApp;
  let feidong: GraphQLClient;
  let inspector: GraphQLClient;
  let feidongId: number;

  const stats = async (client: GraphQLClient, variables: Record<string, unknown>) =>
    (await client.data<{ caseStatistics: Stat[] }>(STATS, variables)).caseStatistics;

  beforeAll(async () => {
    app = await startTestApp({ clock });
    [feidong, inspector] = await Promise.all([app.as('feidong'), app.as('inspector')]);
    feidongId = (await app.ownerSql<{ id: number }>(`select id from grid where code like '340122%' and level = 'COUNTY'`))[0].id;
    // Close and make overdue a few cases (behind the API's back) so every metric has rows to count.
    await app.ownerSql(`update "case" set status = 'CLOSED', closed_at = reported_at + interval '3 days', due_at = null where id % 7 = 0`);
    await app.ownerSql(`update "case" set due_at = $1::timestamptz - interval '2 days' where id % 7 = 3`, [clock.now()]);
  });
  afterAll(() => app.close());

  it('a county admin gets its townships × status in one call, matching the database', async () => {
    await stats(feidong, { groupBy: ['UNIT', 'STATUS'] });
    app.sql.reset();
    const before = compiledReadStats.answered;
    const rows = await stats(feidong, { groupBy: ['UNIT', 'STATUS'] });
    // Compiled: the counts and their units built in one statement, sent with the caller's binding
    // in one message, not through the ORM (no BEGIN, no second statement for the units).
    expect(compiledReadStats.answered - before).toBe(1);
    expect(app.sql.statements).toEqual([]);
    const truth = await app.ownerSql<{ unit: number; status: string; n: number; overdue: number; closed: number }>(
      `select coalesce(township_id, grid_id) as unit, status, count(*)::int as n,
              count(*) filter (where due_at < $2)::int as overdue, count(*) filter (where closed_at is not null)::int as closed
       from "case" where county_id = $1 group by 1, 2`,
      [feidongId, clock.now()],
    );
    expect(rows.length).toBe(truth.length);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.every((r) => r.unit?.code.startsWith('340122') && r.period === null && r.category === null)).toBe(true);
    expect(rows.every((r) => r.unit?.level === 'TOWNSHIP' || r.unit?.level === 'COUNTY')).toBe(true);
    const total = (rs: { count?: number; n?: number }[]) => rs.reduce((sum, r) => sum + (r.count ?? r.n ?? 0), 0);
    expect(total(rows)).toBe(total(truth));
    expect(rows.reduce((s, r) => s + r.overdue, 0)).toBe(truth.reduce((s, r) => s + r.overdue, 0));
    expect(rows.reduce((s, r) => s + r.closed, 0)).toBe(truth.reduce((s, r) => s + r.closed, 0));
    expect(rows.some((r) => r.closed > 0) && rows.some((r) => r.overdue > 0)).toBe(true);
    const { cases } = await feidong.data<{ cases: { totalCount: number } }>(`{ cases(first: 1) { totalCount } }`);
    expect(total(rows)).toBe(cases.totalCount);
  });

  it('the city inspector gets every county; a county admin cannot widen its range to another county', async () => {
    const rows = await stats(inspector, { groupBy: ['UNIT'] });
    const truth = await app.ownerSql<{ unit: number; n: number }>(`select coalesce(county_id, grid_id) as unit, count(*)::int as n from "case" group by 1`);
    expect(rows.length).toBe(truth.length);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r) => r.unit?.level === 'COUNTY' || r.unit?.level === 'CITY')).toBe(true);
    expect(rows.reduce((s, r) => s + r.count, 0)).toBe(truth.reduce((s, r) => s + r.n, 0));

    const other = rows.find((r) => r.unit && !r.unit.code.startsWith('340122'))!;
    const refused = await feidong.request(STATS, { groupBy: ['STATUS'], within: other.unit!.id });
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // The inspector narrowed to 肥东县 sees what 肥东县's admin sees.
    const feidongRow = rows.find((r) => r.unit?.code.startsWith('340122'))!;
    const narrowed = await stats(inspector, { groupBy: ['STATUS'], within: feidongRow.unit!.id });
    expect(narrowed.reduce((s, r) => s + r.count, 0)).toBe(feidongRow.count);
  });

  it('a county department counts only the cases of its field, as its case list does', async () => {
    const dept = await app.as('countydept');
    const rows = await stats(dept, { groupBy: ['CATEGORY'] });
    const { cases } = await dept.data<{ cases: { totalCount: number } }>(`{ cases(first: 1) { totalCount } }`);
    expect(rows.reduce((s, r) => s + r.count, 0)).toBe(cases.totalCount);
    expect(rows.every((r) => r.category?.code)).toBe(true);
  });

  it('overdueOnly keeps only the cases past their current deadline', async () => {
    const rows = await stats(inspector, { groupBy: ['UNIT'], overdueOnly: true });
    const [truth] = await app.ownerSql<{ n: number }>(`select count(*)::int as n from "case" where due_at < $1`, [clock.now()]);
    expect(rows.reduce((s, r) => s + r.count, 0)).toBe(truth.n);
    expect(rows.every((r) => r.overdue === r.count)).toBe(true);
  });

  it('a trend counts reports and closures per day in Asia/Shanghai', async () => {
    const [{ from, to }] = await app.ownerSql<{ from: Date; to: Date }>(
      `select min(reported_at) as from, greatest(max(reported_at), max(closed_at)) + interval '1 second' as to from "case" where county_id = $1`,
      [feidongId],
    );
    const rows = await stats(feidong, { groupBy: ['DAY'], from, to });
    const truth = await app.ownerSql<{ day: Date; reported: number; closed: number }>(
      `select day, count(*) filter (where kind = 'r')::int as reported, count(*) filter (where kind = 'c')::int as closed from (
         select date_trunc('day', reported_at at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai' as day, 'r' as kind from "case" where county_id = $1
         union all
         select date_trunc('day', closed_at at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai', 'c' from "case" where county_id = $1 and closed_at is not null
       ) t group by day`,
      [feidongId],
    );
    const expected = new Map(truth.map((t) => [new Date(t.day).toISOString(), key(t.reported, t.closed)]));
    expect(new Map(rows.map((r) => [r.period, key(r.count, r.closed)]))).toEqual(expected);
    // Periods start at midnight in Shanghai (16:00 UTC the day before).
    expect(rows.every((r) => r.period?.endsWith('T16:00:00.000Z'))).toBe(true);
    const weeks = await stats(feidong, { groupBy: ['WEEK', 'STATUS'], from, to });
    expect(weeks.reduce((s, r) => s + r.count, 0)).toBe(rows.reduce((s, r) => s + r.count, 0));
    expect(weeks.every((r) => new Date(r.period!).getUTCDay() === 0)).toBe(true); // Monday 00:00 +08:00 is Sunday 16:00 UTC
  });

  it('refuses dimension sets and ranges it cannot answer, with the field at fault', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ groupBy: ['DAY', 'WEEK'], from: '2026-01-01T00:00:00Z' }, 'groupBy'],
      [{ groupBy: ['UNIT', 'UNIT'] }, 'groupBy'],
      [{ groupBy: ['DAY'] }, 'from'],
      [{ groupBy: ['DAY'], from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'from'],
      [{ groupBy: ['STATUS'], from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'from'],
    ];
    for (const [variables, field] of cases) {
      const result = await feidong.request(STATS, variables);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const none = await feidong.request(STATS, { groupBy: [] });
    expect(none.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
