import { Client } from 'pg';
import { FakeClock } from '../../../common/clock';
import { enableAppRole } from '../../../db/app-role';
import { toGlobalId } from '../../../common/global-id';
import { compiledReadStats } from '../../../data/compiled-reads';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';
import { beijing, TEST_CLOCK_START } from '../../../test/time';

/**
 * caseStatistics answers the dashboard's questions from the rollups (case_rollup,
 * case_rollup_day) and must say exactly what the live aggregate says, today's edge included:
 * cases reported earlier today, deadlines passed earlier today (or still to come), cases the
 * data puts after the API's clock, closures today and after now. Each question is asked of the
 * API answering compiled (one statement built in PostgreSQL) and of one answering through the
 * resolvers on the same database: the same rows, and the latter's SQL says whether the rollups answered.
 */
interface Stat {
  unit: { code: string } | null;
  status: string | null;
  category: { code: string } | null;
  period: string | null;
  count: number;
  overdue: number;
  closed: number;
}
const STATS = `query($groupBy: [CaseStatisticsDimension!]!, $within: ID, $from: DateTimeISO, $categoryId: ID, $overdueOnly: Boolean) {
  caseStatistics(groupBy: $groupBy, within: $within, from: $from, categoryId: $categoryId, overdueOnly: $overdueOnly) {
    unit { code } status category { code } period count overdue closed
  }
}`;
/** Without `overdue`: what a trend may be answered from the rollups with. */
const TREND = `query($groupBy: [CaseStatisticsDimension!]!, $within: ID, $from: DateTimeISO, $categoryId: ID) {
  caseStatistics(groupBy: $groupBy, within: $within, from: $from, categoryId: $categoryId) { unit { code } status category { code } period count closed }
}`;

type Level = 'CITY' | 'COUNTY' | 'TOWNSHIP';
const levelColumn: Record<Level, string> = { CITY: 'city_id', COUNTY: 'county_id', TOWNSHIP: 'township_id' };
const childColumn: Record<Level, string> = { CITY: 'coalesce(c.county_id, c.grid_id)', COUNTY: 'coalesce(c.township_id, c.grid_id)', TOWNSHIP: 'c.grid_id' };

describe('caseStatistics on the rollups: the live aggregate’s answers', () => {
  const clock = new FakeClock(TEST_CLOCK_START);
  const now = clock.now();
  const todayStart = beijing('2026-11-28T00:00:00');
  let app: TestApp;
  let resolvers: TestApp;
  let units: Record<'city' | 'feidong' | 'township', { id: number; level: Level }>;
  let categoryId: number;

  beforeAll(async () => {
    app = await startTestApp({ clock });
    resolvers = await startTestApp({ clock, databaseUrl: app.databaseUrl, compiledReads: false });
    const grid = async (code: string) => (await app.ownerSql<{ id: number; level: Level }>(`select id, level from grid where code = $1`, [code]))[0];
    units = { city: await grid('340100000000'), feidong: await grid('340122000000'), township: await grid('340122104000') };
    [{ id: categoryId }] = await app.ownerSql<{ id: number }>(`select category_id as id from "case" group by 1 order by count(*) desc limit 1`);
    // Behind the API's back (the trigger keeps the rollups): today's edge in every metric.
    await app.ownerSql(`update "case" set reported_at = $1::timestamptz - interval '1 hour' where id % 11 = 1`, [now]);
    await app.ownerSql(`update "case" set reported_at = $1::timestamptz + interval '1 hour' where id % 13 = 2`, [now]);
    await app.ownerSql(`update "case" set due_at = $1::timestamptz - interval '30 minutes' where id % 17 = 4`, [now]);
    await app.ownerSql(`update "case" set due_at = $1::timestamptz + interval '2 hours' where id % 19 = 5`, [now]);
    await app.ownerSql(`update "case" set due_at = $1::timestamptz - interval '3 days' where id % 23 = 6`, [now]);
    await app.ownerSql(`update "case" set status = 'CLOSED', closed_at = $1::timestamptz - interval '2 hours' where id % 29 = 7`, [now]);
    await app.ownerSql(`update "case" set status = 'CLOSED', closed_at = $1::timestamptz + interval '2 hours' where id % 31 = 8`, [now]);
    await app.ownerSql(`update "case" set status = 'CLOSED', closed_at = reported_at + interval '5 days' where id % 7 = 0 and reported_at < $1::timestamptz - interval '20 days'`, [now]);
  });
  afterAll(async () => {
    await resolvers?.close();
    await app?.close();
  });

  const key = (r: { unit?: string | null; status?: string | null; category?: string | null; period?: string | null }) =>
    [r.unit ?? '', r.status ?? '', r.category ?? '', r.period ?? ''].join('|');

  const sorted = (entries: [string, number[]][]) => new Map(entries.sort(([a], [b]) => a.localeCompare(b)));

  /** The live aggregate, written out once more here (the cases of `unit`'s subtree, reported before now). */
  async function truth(unit: { id: number; level: Level }, groupBy: string[], options: { categoryId?: number; trend?: { unit: 'day' | 'week'; from: Date } }) {
    const dims: Record<string, string> = {
      UNIT: `(select code from grid where id = ${childColumn[unit.level]})`,
      STATUS: 'c.status::text',
      CATEGORY: '(select code from case_category where id = c.category_id)',
      DAY: `date_trunc('day', v.at at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai'`,
      WEEK: `date_trunc('week', v.at at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai'`,
    };
    const alias: Record<string, string> = { UNIT: 'unit', STATUS: 'status', CATEGORY: 'category', DAY: 'period', WEEK: 'period' };
    const select = groupBy.map((d) => `${dims[d]} as ${alias[d]}`).join(', ');
    const where = [`c.${levelColumn[unit.level]} = $1`, 'c.reported_at < $2', ...(options.categoryId ? [`c.category_id = ${options.categoryId}`] : [])];
    const sql = options.trend
      ? `select ${select}, count(*) filter (where v.reported)::int as count, count(*) filter (where not v.reported)::int as closed
         from "case" c cross join lateral (values (c.reported_at, true), (c.closed_at, false)) v(at, reported)
         where ${where.join(' and ')} and v.at is not null and v.at < $2 and v.at >= $3 group by ${groupBy.map((_, i) => i + 1).join(', ')}`
      : `select ${select}, count(*)::int as count, count(*) filter (where c.due_at < $2)::int as overdue,
           count(*) filter (where c.closed_at is not null)::int as closed
         from "case" c where ${where.join(' and ')} group by ${groupBy.map((_, i) => i + 1).join(', ')}`;
    const rows = await app.ownerSql<{ unit?: string; status?: string; category?: string; period?: Date; count: number; overdue?: number; closed: number }>(
      sql,
      options.trend ? [unit.id, now, options.trend.from] : [unit.id, now],
    );
    return sorted(rows.map((r) => [key({ ...r, period: r.period ? new Date(r.period).toISOString() : null }), [r.count, r.overdue ?? 0, r.closed]]));
  }

  const clients = new Map<string, Promise<[GraphQLClient, GraphQLClient]>>();
  const signedIn = (login: string) => {
    if (!clients.has(login)) clients.set(login, Promise.all([app.as(login), resolvers.as(login)]));
    return clients.get(login) as Promise<[GraphQLClient, GraphQLClient]>;
  };

  async function answer(login: string, query: string, variables: Record<string, unknown>) {
    const [compiled, plain] = await signedIn(login);
    const before = compiledReadStats.answered;
    const rows = (await compiled.data<{ caseStatistics: Stat[] }>(query, variables)).caseStatistics;
    expect(compiledReadStats.answered).toBe(before + 1);
    resolvers.sql.reset();
    expect(rows).toEqual((await plain.data<{ caseStatistics: Stat[] }>(query, variables)).caseStatistics);
    const fromRollups = resolvers.sql.statements.some((s) => s.includes('case_rollup'));
    const map = sorted(rows.map((r) => [key({ unit: r.unit?.code, status: r.status, category: r.category?.code, period: r.period }), [r.count, r.overdue ?? 0, r.closed]]));
    return { map, fromRollups };
  }

  const groupings = [['UNIT', 'STATUS'], ['STATUS'], ['CATEGORY'], ['UNIT'], ['STATUS', 'CATEGORY'], ['UNIT', 'CATEGORY']];

  it('totals: every grouping, for the city, a county and a township, with and without a category', async () => {
    const callers: [string, keyof typeof units, string | undefined][] = [
      ['inspector', 'city', undefined],
      ['inspector', 'feidong', toGlobalId('Grid', units.feidong.id)],
      ['feidong', 'feidong', undefined],
      ['township', 'township', undefined],
    ];
    let compared = 0;
    for (const [client, unit, within] of callers) {
      for (const groupBy of groupings) {
        for (const category of [undefined, categoryId]) {
          const expected = await truth(units[unit], groupBy, { categoryId: category });
          const { map, fromRollups } = await answer(client, STATS, { groupBy, within, categoryId: category && toGlobalId('CaseCategory', category) });
          expect({ unit, groupBy, category, rows: map }).toEqual({ unit, groupBy, category, rows: expected });
          expect(fromRollups).toBe(true);
          compared += map.size;
          // Without `overdue` (the benchmark's Q5): no deadline rows are read.
          const unasked = await answer(client, TREND, { groupBy, within, categoryId: category && toGlobalId('CaseCategory', category) });
          const noOverdue = new Map([...expected].map(([k, [count, , closed]]) => [k, [count, 0, closed]]));
          expect({ unit, groupBy, category, rows: unasked.map }).toEqual({ unit, groupBy, category, rows: noOverdue });
          expect(resolvers.sql.statements.some((s) => s.includes('case_rollup_due'))).toBe(false);
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('trends by day and week from a Beijing midnight, today counted live', async () => {
    const [inspector, township] = ['inspector', 'township'];
    const days30 = new Date(todayStart.getTime() - 29 * 86_400_000);
    const weeks12 = beijing('2026-09-07T00:00:00'); // a Monday
    const asks: [string, keyof typeof units, string[], Date][] = [
      [inspector, 'city', ['DAY'], days30],
      [inspector, 'city', ['WEEK', 'STATUS'], weeks12],
      [inspector, 'city', ['DAY', 'UNIT'], days30],
      [township, 'township', ['WEEK', 'CATEGORY'], weeks12],
    ];
    for (const [client, unit, groupBy, from] of asks) {
      const expected = await truth(units[unit], groupBy, { trend: { unit: groupBy[0] === 'DAY' ? 'day' : 'week', from } });
      const { map, fromRollups } = await answer(client, TREND, { groupBy, from });
      expect({ groupBy, rows: map }).toEqual({ groupBy, rows: expected });
      expect(fromRollups).toBe(true);
      expect(map.size).toBeGreaterThan(0);
    }
  });

  it('what the rollups do not keep is counted live (and still right)', async () => {
    const feidong = 'feidong';
    // A trend's overdue, a start that is not a Beijing midnight, overdueOnly, a department's field.
    const trend = await answer(feidong, STATS, { groupBy: ['DAY'], from: todayStart.toISOString() });
    expect(trend.fromRollups).toBe(false);
    const odd = await answer(feidong, TREND, { groupBy: ['DAY'], from: new Date(todayStart.getTime() - 86_400_000 + 1000).toISOString() });
    expect(odd.fromRollups).toBe(false);
    const overdue = await answer(feidong, STATS, { groupBy: ['STATUS'], overdueOnly: true });
    expect(overdue.fromRollups).toBe(false);
    const [{ n }] = await app.ownerSql<{ n: number }>(`select count(*)::int as n from "case" where county_id = $1 and due_at < $2 and reported_at < $2`, [units.feidong.id, now]);
    expect([...overdue.map.values()].reduce((s, [count]) => s + count, 0)).toBe(n);
    const dept = await answer('countydept', STATS, { groupBy: ['STATUS'] });
    expect(dept.fromRollups).toBe(false);
  });

  it('row-level security: a unit’s role reads the rollup rows of its subtree only, and writes none', async () => {
    const client = new Client(await enableAppRole(app.databaseUrl));
    await client.connect();
    try {
      for (const table of ['case_rollup', 'case_rollup_due', 'case_rollup_day']) {
        await client.query('begin');
        await client.query(`select gw_bind_unit('COUNTY', $1, '{}')`, [units.feidong.id]);
        const seen = await client.query<{ n: number; outside: number; city: number }>(
          `select count(*)::int as n, count(*) filter (where county_id is distinct from $1)::int as outside,
                  count(*) filter (where unit_id = $2)::int as city from ${table}`,
          [units.feidong.id, units.city.id],
        );
        const [{ n: expected }] = await app.ownerSql<{ n: number }>(`select count(*)::int as n from ${table} where county_id = $1`, [units.feidong.id]);
        expect(seen.rows[0]).toEqual({ n: expected, outside: 0, city: 0 });
        expect(expected).toBeGreaterThan(0);
        await expect(client.query(`update ${table} set cases = cases + 1`)).rejects.toThrow(/permission denied/);
        await client.query('rollback');
      }
    } finally {
      await client.end();
    }
  });
});
