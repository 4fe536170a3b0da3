import { FakeClock } from '../../common/clock';
import { startTestApp, type GraphQLClient, type TestApp } from '../../test/test-app';
import { beijing } from '../../test/time';

const DAY = 86_400_000;
const OPEN = ['FILED', 'DISPATCHED', 'IN_PROGRESS', 'EXTENSION_REQUESTED', 'FED_BACK'];

/**
 * The demo seeded on a day far from the one it was first written for (a month's first day, a
 * day years ahead) is live on that day: cases due in the coming days, overdue ones, recent
 * reports for the dashboard, this month's and last month's patrol plans, sources due for
 * inspection. Read through the API as the city administrator, on the API's clock.
 */
describe.each([
  ['2029-03-01', '2029-03', '2029-02'],
  ['2033-08-15', '2033-08', '2033-07'],
])('the demo seeded on %s', (anchor, month, previousMonth) => {
  const now = beijing(`${anchor}T09:00:00`);
  let app: TestApp;
  let city: GraphQLClient;

  beforeAll(async () => {
    app = await startTestApp({ seededFor: anchor, clock: new FakeClock(now) });
    city = await app.as('cityadmin');
  });
  afterAll(() => app.close());

  it('has open cases due in the coming days and overdue ones', async () => {
    const { cases } = await city.data<{ cases: { nodes: { dueAt: string }[] } }>(
      `query($status: [CaseStatus!]) { cases(first: 100, orderBy: DUE_ASC, filter: { status: $status }) { nodes { dueAt } } }`,
      { status: OPEN },
    );
    const due = cases.nodes.map((c) => Date.parse(c.dueAt));
    expect(due.filter((t) => t > now.getTime() && t < now.getTime() + 7 * DAY).length).toBeGreaterThan(0);
    const { overdue } = await city.data<{ overdue: { totalCount: number } }>(`{ overdue: cases(first: 1, filter: { due: OVERDUE }) { totalCount } }`);
    expect(overdue.totalCount).toBeGreaterThan(0);
  });

  it('has reports of the last 30 days and closed history', async () => {
    const counts = await city.data<{ recent: { totalCount: number }; closed: { totalCount: number } }>(
      `query($from: DateTimeISO) { recent: cases(first: 1, filter: { reportedFrom: $from }) { totalCount }
        closed: cases(first: 1, filter: { status: [CLOSED, EVALUATED] }) { totalCount } }`,
      { from: new Date(now.getTime() - 30 * DAY).toISOString() },
    );
    expect(counts.recent.totalCount).toBeGreaterThan(20);
    expect(counts.closed.totalCount).toBeGreaterThan(20);
  });

  it('has this month’s and last month’s patrol plans, and sources due for inspection', async () => {
    const PLANS = `query($month: String!) { patrolPlans(first: 1, filter: { month: $month }) { totalCount } }`;
    const plans = async (m: string) => (await city.data<{ patrolPlans: { totalCount: number } }>(PLANS, { month: m })).patrolPlans.totalCount;
    expect(await plans(month)).toBeGreaterThan(1000);
    expect(await plans(previousMonth)).toBeGreaterThan(1000);
    const { inspectionOverdue } = await city.data<{ inspectionOverdue: { totalCount: number } }>(`{ inspectionOverdue(first: 1) { totalCount } }`);
    expect(inspectionOverdue.totalCount).toBeGreaterThan(0);
  });

  it('has its events in their month partitions (the seed made them), none in DEFAULT, and this month’s and the next', async () => {
    const parts = await app.ownerSql<{ partition: string; n: number }>(`select tableoid::regclass::text as partition, count(*)::int as n from case_event group by 1`);
    expect(parts.filter((p) => !/^case_event_y\d{4}m\d{2}$/.test(p.partition))).toEqual([]);
    const next = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 1)).toISOString().slice(0, 7);
    const [ahead] = await app.ownerSql<{ n: number }>(`select count(*)::int as n from pg_class where relname = any($1::text[])`, [
      [month, next].map((m) => `case_event_y${m.slice(0, 4)}m${m.slice(5)}`),
    ]);
    expect(ahead.n).toBe(2);
  });
});
