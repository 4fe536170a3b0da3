import { measure, value, type Row } from './kpi-rows';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';
import { verifyChains } from '../../case/case-chain.service';

/**
 * The "done when" on the demo seed: 肥东县's county admin sees its grid workers'
 * KPI table for October 2026 and drills a figure down to its cases. The figures are checked
 * against the record with independent SQL, not against numbers copied from the output.
 */
const TABLE = `query($input: AssessmentInput!) { assessment(input: $input) {
  indicators { code name version }
  rows { subjectId subjectName rank values { code value } measures { code value } } } }`;
const DRILL = `query($input: AssessmentDrillDownInput!) { assessmentDrillDown(input: $input) { caseCount caseIds cases(first: 100) { id number status grid { code } } } }`;


describe('KPI table on the demo seed (肥东县, 2026-10)', () => {
  let app: TestApp;
  let feidong: GraphQLClient;
  let county: string;
  let rows: Row[];
  const input = () => ({ period: '2026-10', subjectType: 'GRID_WORKER', unitId: county });

  beforeAll(async () => {
    app = await startTestApp();
    const [unit] = await app.ownerSql<{ id: number }>(`select id from grid where code = '340122000000'`);
    county = Buffer.from(`Grid:${unit.id}`).toString('base64url');
    feidong = await app.as('feidong');
    rows = (await feidong.data<{ assessment: { rows: Row[] } }>(TABLE, { input: input() })).assessment.rows;
  }, 120_000);
  afterAll(() => app?.close());

  it('lists every grid worker of the county, the due cases adding up to the record', async () => {
    const [workers] = await app.ownerSql<{ n: number }>(
      `select count(distinct w.id)::int as n from grid_worker w join grid_worker_grid gg on gg.grid_worker_id = w.id join grid g on g.id = gg.grid_id where g.county_id = $1 and w.active`,
      [Buffer.from(county, 'base64url').toString().split(':')[1]],
    );
    expect(rows).toHaveLength(workers.n);
    // Due in October: the last handling deadline set before November falls in October (Beijing).
    const [due] = await app.ownerSql<{ n: number }>(`
      select count(*)::int as n from (
        select distinct on (e.case_id) e.case_id, e.due_at from case_event e join grid g on g.id = e.county_id
        where g.code = '340122000000' and e.action in ('DISPATCH', 'APPROVE_EXTENSION', 'RESUME', 'VERIFY_FAIL') and e.at < '2026-11-01T00:00+08'
        order by e.case_id, e.id desc) d
      where d.due_at >= '2026-10-01T00:00+08' and d.due_at < '2026-11-01T00:00+08'`);
    expect(due.n).toBeGreaterThan(0);
    expect(rows.reduce((sum, r) => sum + measure(r, 'due'), 0)).toBe(due.n);
  });

  it('computes each worker’s rates from its measures and ranks by the composite', async () => {
    const active = rows.filter((r) => measure(r, 'due') > 0);
    expect(active.length).toBeGreaterThan(0);
    for (const row of active) {
      expect(value(row, 'CLOSE_RATE')).toBe(Math.round((10000 * measure(row, 'closed')) / measure(row, 'due')) / 100);
      expect(value(row, 'ONTIME_CLOSE_RATE')).toBe(Math.round((10000 * measure(row, 'closed_on_time')) / measure(row, 'due')) / 100);
      expect(value(row, 'COMPOSITE')).not.toBeNull();
    }
    // The composite ranks no one on fewer than 5 due cases (its minimum sample): the seed's
    // workers had one or two in October, so they are listed with their figures, unranked.
    const small = rows.filter((r) => value(r, 'COMPOSITE') !== null && measure(r, 'due') < 5);
    expect(small.length).toBeGreaterThan(0);
    expect(small.every((r) => r.rank === null)).toBe(true);
    expect(rows.filter((r) => r.rank !== null).every((r) => measure(r, 'due') >= 5)).toBe(true);
    expect(rows.filter((r) => value(r, 'COMPOSITE') === null).every((r) => r.rank === null)).toBe(true);
    // Ranked by an indicator without a minimum sample, every worker with a value has a rank, highest first.
    const byReports = (await feidong.data<{ assessment: { rows: Row[] } }>(TABLE, { input: { ...input(), rankBy: 'VALID_REPORT_RATE' } })).assessment.rows;
    const ranked = byReports.filter((r) => r.rank !== null);
    expect(ranked.length).toBe(byReports.filter((r) => value(r, 'VALID_REPORT_RATE') !== null).length);
    expect(ranked[0].rank).toBe(1);
    for (let i = 1; i < ranked.length; i++) expect(value(ranked[i], 'VALID_REPORT_RATE')!).toBeLessThanOrEqual(value(ranked[i - 1], 'VALID_REPORT_RATE')!);
  });

  it('drills each worker’s due and closed figures down to the cases of its grids', async () => {
    const active = rows.filter((r) => measure(r, 'due') > 0);
    for (const row of active) {
      const grids = await app.ownerSql<{ code: string }>(
        `select g.code from grid_worker_grid gg join grid g on g.id = gg.grid_id where gg.grid_worker_id = $1`,
        [Buffer.from(row.subjectId, 'base64url').toString().split(':')[1]],
      );
      const codes = grids.map((g) => g.code);
      for (const code of ['due', 'closed'] as const) {
        const drill = await feidong.data<{ assessmentDrillDown: { caseCount: number; cases: { number: string; status: string; grid: { code: string } }[] } }>(DRILL, {
          input: { ...input(), subjectId: row.subjectId, measure: code },
        });
        expect(drill.assessmentDrillDown.caseCount).toBe(measure(row, code));
        expect(drill.assessmentDrillDown.cases.every((c) => codes.includes(c.grid.code))).toBe(true);
        if (code === 'closed') expect(drill.assessmentDrillDown.cases.every((c) => ['CLOSED', 'EVALUATED'].includes(c.status))).toBe(true);
      }
    }
  });

  it('counts a grid worker’s reports and on-site checks by its own account, wherever the case lies', async () => {
    const idOf = (subjectId: string) => Number(Buffer.from(subjectId, 'base64url').toString().split(':')[1]);
    const byAccount = await app.ownerSql<{ worker: number; reported: number; verifications: number }>(`
      select a.grid_worker_id as worker,
        (select count(*)::int from "case" c where c.reported_by_id = a.id and c.reported_at >= '2026-10-01T00:00+08' and c.reported_at < '2026-11-01T00:00+08') as reported,
        (select count(*)::int from case_event e where e.actor_id = a.id and e.action in ('VERIFY_PASS', 'VERIFY_FAIL') and e.at >= '2026-10-01T00:00+08' and e.at < '2026-11-01T00:00+08') as verifications
      from account a where a.grid_worker_id is not null`);
    const expected = new Map(byAccount.map((r) => [r.worker, r]));
    const acting = rows.filter((r) => measure(r, 'reported') + measure(r, 'verifications') > 0);
    expect(acting.length).toBeGreaterThan(0);
    for (const row of rows) {
      const own = expected.get(idOf(row.subjectId));
      expect([row.subjectName, measure(row, 'reported'), measure(row, 'verifications')]).toEqual([row.subjectName, own?.reported ?? 0, own?.verifications ?? 0]);
    }
    // The verifications add up to the county's on-site checks of the month (every seeded check names its worker).
    const [checks] = await app.ownerSql<{ n: number }>(`
      select count(*)::int as n from case_event e join grid g on g.id = e.county_id
      where g.code = '340122000000' and e.action in ('VERIFY_PASS', 'VERIFY_FAIL') and e.at >= '2026-10-01T00:00+08' and e.at < '2026-11-01T00:00+08'`);
    expect(checks.n).toBeGreaterThan(0);
    expect(rows.reduce((sum, r) => sum + measure(r, 'verifications'), 0)).toBe(checks.n);
  });

  it('rolls the same due cases up to the county’s departments, townships and officers, and the city’s counties', async () => {
    const total = rows.reduce((sum, r) => sum + measure(r, 'due'), 0);
    const table = async (client: GraphQLClient, subjectType: string, unitId = county) =>
      (await client.data<{ assessment: { rows: Row[] } }>(TABLE, { input: { ...input(), subjectType, unitId } })).assessment.rows;
    const sum = (list: Row[], code: string) => list.reduce((s, r) => s + measure(r, code), 0);
    // Every dispatched case has one lead department of its handling unit, all inside the county.
    expect(sum(await table(feidong, 'DEPARTMENT'), 'due')).toBe(total);
    expect(sum(await table(feidong, 'TOWNSHIP'), 'due')).toBe(total);
    const officers = await table(feidong, 'OFFICER');
    expect(officers.length).toBeGreaterThan(0);
    expect(sum(officers, 'due')).toBeGreaterThanOrEqual(total);

    const city = await app.as('cityadmin');
    const [hefei] = await app.ownerSql<{ id: number }>(`select id from grid where code = '340100000000'`);
    const counties = await table(city, 'COUNTY', Buffer.from(`Grid:${hefei.id}`).toString('base64url'));
    expect(counties).toHaveLength(13);
    expect(measure(counties.find((r) => r.subjectId === county)!, 'due')).toBe(total);
    const countyAdmin = await feidong.request(TABLE, { input: { ...input(), subjectType: 'COUNTY', unitId: Buffer.from(`Grid:${hefei.id}`).toString('base64url') } });
    expect(countyAdmin.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps the seeded timelines’ hash chains intact', async () => {
    const chains = await verifyChains(app.ownerOrm.em.fork());
    expect(chains.length).toBeGreaterThan(1);
    expect(chains.filter((c) => c.broken !== null)).toEqual([]);
  });
});
