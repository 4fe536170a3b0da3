import ExcelJS from 'exceljs';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';

/**
 * The monthly report of October 2026 (the seed's last full month before its anchor day,
 * 2026-11-28) against direct counts over the seeded record, before and after later case
 * transitions, in the API and in the XLSX file.
 */
const REPORT = `query($month: String!, $unitId: ID) { monthlyReport(month: $month, unitId: $unitId) {
  month complete definition unit { code }
  rows { unitName total reported due closed closedOnTime onTimeRate patrolsRequired patrolsDone inspections inspectionsProblem
    sourcesInspected keySources keySourcesInspected spotChecks spotChecksCompliant spotChecksProblem
    byCategory { key label count } byOrigin { key count } byStatus { key count } } } }`;

type Count = { key: string; count: number };
type Row = Record<string, number | string | boolean | null> & { unitName: string; byCategory: Count[]; byOrigin: Count[]; byStatus: Count[] };
type Report = { monthlyReport: { month: string; complete: boolean; definition: string; unit: { code: string }; rows: Row[] } };

const T0 = `timestamptz '2026-10-01T00:00:00+08:00'`;
const T1 = `timestamptz '2026-11-01T00:00:00+08:00'`;
const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');
const sorted = (counts: Count[]) => [...counts].map(({ key, count }) => ({ key, count })).sort((a, b) => a.key.localeCompare(b.key));

/** Direct counts over one scope condition on the events (`e.city_id = $1` or `e.county_id = $1`), written without the report's SQL. */
async function direct(app: TestApp, column: 'city_id' | 'county_id', unit: number) {
  const reported = `select e.case_id from case_event e where e.${column} = $1 and e.action = 'REPORT' and e.at >= ${T0} and e.at < ${T1}`;
  const ended = `select distinct on (e.case_id) e.case_id, e.to_status from case_event e where e.case_id in (${reported}) and e.at < ${T1} order by e.case_id, e.id desc`;
  const group = async (sql: string) => (await app.ownerSql<Count>(sql, [unit])).map((r) => ({ key: String(r.key), count: Number(r.count) })).sort((a, b) => a.key.localeCompare(b.key));
  const [totals] = await app.ownerSql<Record<string, number>>(
    `with deadlines as (
       select e.case_id, e.due_at, row_number() over (partition by e.case_id order by e.id desc) as n
       from case_event e where e.${column} = $1 and e.at < ${T1} and e.action in ('DISPATCH', 'APPROVE_EXTENSION', 'RESUME', 'VERIFY_FAIL')),
     due as (select d.case_id, d.due_at,
        (select e.to_status from case_event e where e.case_id = d.case_id and e.at < ${T1} order by e.id desc limit 1) as status,
        (select max(e.at) from case_event e where e.case_id = d.case_id and e.action = 'VERIFY_PASS' and e.at < ${T1}) as passed
       from deadlines d where d.n = 1 and d.due_at >= ${T0} and d.due_at < ${T1})
     select (select count(*) from (${reported}) r)::int as reported,
       (select count(*) from due)::int as due,
       (select count(*) from due where status in ('CLOSED', 'EVALUATED'))::int as closed,
       (select count(*) from due where status in ('CLOSED', 'EVALUATED') and passed <= due_at)::int as "closedOnTime",
       (select count(*) from inspection where ${column} = $1 and inspected_on between '2026-10-01' and '2026-10-31')::int as inspections,
       (select count(*) from spot_check_item where ${column} = $1 and not superseded and checked_at >= ${T0} and checked_at < ${T1})::int as "spotChecks",
       (select coalesce(sum(required_count), 0) from patrol_plan_progress where ${column} = $1 and month = '2026-10-01')::int as "patrolsRequired"`,
    [unit],
  );
  return {
    totals,
    byCategory: await group(`select c.category_id as key, count(*) as count from "case" c where c.id in (${reported}) group by 1`),
    byOrigin: await group(`select c.origin as key, count(*) as count from "case" c where c.id in (${reported}) group by 1`),
    byStatus: await group(`select s.to_status as key, count(*) as count from (${ended}) s group by 1`),
  };
}

describe('the monthly report (月度统计报表)', () => {
  let app: TestApp;
  let cityadmin: GraphQLClient;
  let feidong: GraphQLClient;
  let city: number;
  let feidongUnit: number;
  let first: Report['monthlyReport'];

  beforeAll(async () => {
    app = await startTestApp();
    [cityadmin, feidong] = await Promise.all(['cityadmin', 'feidong'].map((l) => app.as(l)));
    [{ id: city }] = await app.ownerSql<{ id: number }>(`select id from grid where code = '340100000000'`);
    [{ id: feidongUnit }] = await app.ownerSql<{ id: number }>(`select id from grid where code = '340122000000'`);
  });
  afterAll(() => app.close());

  it('the city\'s report for a past month equals direct counts, for the city and for each county', async () => {
    first = (await cityadmin.data<Report>(REPORT, { month: '2026-10' })).monthlyReport;
    expect(first).toMatchObject({ month: '2026-10', complete: true, unit: { code: '340100000000' } });
    expect(first.definition).toContain('不按案件当前状态');
    const [total, ...counties] = first.rows;
    expect(total.total).toBe(true);
    expect(counties.map((c) => c.unitName)).toContain('肥东县');
    expect(counties).toHaveLength(13);

    const cityCounts = await direct(app, 'city_id', city);
    expect(cityCounts.totals.reported).toBeGreaterThan(0);
    expect(cityCounts.totals.due).toBeGreaterThan(0);
    expect(total).toMatchObject(cityCounts.totals);
    expect(sorted(total.byCategory)).toEqual(cityCounts.byCategory);
    expect(sorted(total.byOrigin)).toEqual(cityCounts.byOrigin);
    expect(sorted(total.byStatus)).toEqual(cityCounts.byStatus);
    expect(total.onTimeRate).toBeCloseTo((100 * cityCounts.totals.closedOnTime) / cityCounts.totals.due, 2);

    const feidongRow = counties.find((c) => c.unitName === '肥东县')!;
    const countyCounts = await direct(app, 'county_id', feidongUnit);
    expect(feidongRow).toMatchObject(countyCounts.totals);
    expect(sorted(feidongRow.byStatus)).toEqual(countyCounts.byStatus);
    // The counties add up to the city.
    expect(counties.reduce((n, c) => n + Number(c.reported), 0)).toBe(total.reported);
  });

  it('stays the same after later transitions of the month\'s cases, which the current state would show', async () => {
    // Reopen twenty of October's cases in November, one with a new deadline that falls in October.
    const later = await app.ownerSql<{ id: number }>(
      `select c.id from "case" c where c.city_id = $1 and c.reported_at >= ${T0} and c.reported_at < ${T1} and c.status in ('CLOSED', 'EVALUATED') order by c.id limit 20`,
      [city],
    );
    expect(later.length).toBeGreaterThan(0);
    for (const { id } of later) {
      for (const [action, due] of [['REOPEN', null], ['DISPATCH', '2026-10-30T18:00:00+08:00']]) {
        await app.ownerSql(
          `insert into case_event (city_id, county_id, township_id, case_id, grid_id, action, from_status, to_status, at, due_at)
           select c.city_id, c.county_id, c.township_id, c.id, c.grid_id, $2, c.status, 'IN_PROGRESS', timestamptz '2026-11-20T10:00:00+08:00', $3::timestamptz
           from "case" c where c.id = $1`,
          [id, action, due],
        );
        await app.ownerSql(`update "case" set status = 'IN_PROGRESS', closed_at = null where id = $1`, [id]);
      }
    }
    const again = (await cityadmin.data<Report>(REPORT, { month: '2026-10' })).monthlyReport;
    expect(again.rows).toEqual(first.rows);
    // Counted by current status instead, October's cases would now look different.
    const current = await app.ownerSql<Count>(
      `select status as key, count(*)::int as count from "case" where city_id = $1 and reported_at >= ${T0} and reported_at < ${T1} group by 1`,
      [city],
    );
    expect(current.map(({ key, count }) => ({ key, count })).sort((a, b) => a.key.localeCompare(b.key))).not.toEqual(sorted(first.rows[0].byStatus));
  });

  it('the XLSX download opens with exceljs and holds the same figures', async () => {
    const response = await fetch(`${app.url}/report/monthly.xlsx?month=2026-10`, { headers: { cookie: cityadmin.cookie ?? '' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('汇总')!;
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    const rows = [] as Record<string, ExcelJS.CellValue>[];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [String(h), row.getCell(i + 1).value])));
    });
    expect(rows).toHaveLength(first.rows.length);
    const [total] = first.rows;
    expect(rows[0]).toMatchObject({ 单位: '合肥市', 新报案件: total.reported, 应结案: total.due, 按期结案: total.closedOnTime, 检查次数: total.inspections, 抽查数: total.spotChecks });
    const feidongRow = first.rows.find((r) => r.unitName === '肥东县')!;
    expect(rows.find((r) => r['单位'] === '肥东县')).toMatchObject({ 新报案件: feidongRow.reported, 应结案: feidongRow.due, 已巡查: feidongRow.patrolsDone });
    const groups = workbook.getWorksheet('分组')!;
    let categoryTotal = 0;
    groups.eachRow((row, n) => {
      const [unit, dimension, count] = [1, 2, 4].map((i) => row.getCell(i).value);
      if (n > 1 && unit === '合肥市' && dimension === '类别') categoryTotal += Number(count);
    });
    expect(categoryTotal).toBe(total.reported);
  });

  it('a county gets its own county\'s report, never the city\'s or another county\'s; other roles none', async () => {
    const own = (await feidong.data<Report>(REPORT, { month: '2026-10' })).monthlyReport;
    expect(own.unit.code).toBe('340122000000');
    expect(own.rows).toHaveLength(1);
    const { unitName: _city, total: _t, ...fromCity } = first.rows.find((r) => r.unitName === '肥东县')!;
    const { unitName: _own, total: _o, ...mine } = own.rows[0];
    expect(mine).toEqual(fromCity);

    // The city lies outside the county's territory: like a unit that does not exist.
    const cityReport = await feidong.request(REPORT, { month: '2026-10', unitId: gid('Grid', city) });
    expect(cityReport.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(cityReport.data).toBeNull();
    const cityFile = await fetch(`${app.url}/report/monthly.xlsx?month=2026-10&unit=${gid('Grid', city)}`, { headers: { cookie: feidong.cookie ?? '' } });
    expect(cityFile.status).toBe(404);
    const [{ id: yaohai }] = await app.ownerSql<{ id: number }>(`select id from grid where code = '340102000000'`);
    expect((await feidong.request(REPORT, { month: '2026-10', unitId: gid('Grid', yaohai) })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    for (const login of ['township', 'gridworker', 'officer']) {
      const denied = await (await app.as(login)).request(REPORT, { month: '2026-10' });
      expect([login, denied.errors?.[0].extensions?.code]).toEqual([login, 'FORBIDDEN']);
    }
    const anonymous = await fetch(`${app.url}/report/monthly.xlsx?month=2026-10`);
    expect(anonymous.status).toBe(401);
  });

  it('refuses a malformed month and one that has not begun', async () => {
    expect((await cityadmin.request(REPORT, { month: '2026-13' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await cityadmin.request(REPORT, { month: '2027-01' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
  });
});
