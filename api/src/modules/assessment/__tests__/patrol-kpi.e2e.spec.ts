import { measure, value, type Row } from './kpi-rows';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';

/**
 * 巡查频次完成率 on a hand-built month (2025-03, before any seeded plan): the demo grid worker
 * must patrol grid A 4 times and grid B twice. Grid A: 3 distinct days, a second check-in on one
 * of them and one outside the boundary (neither counts); grid B: 3 days (one beyond the plan,
 * which adds nothing). Done 3 + 2 = 5 of 6 → 83.33 %.
 */
const TABLE = `query($input: AssessmentInput!) { assessment(input: $input) {
  rows { subjectId subjectName rank values { code value } measures { code value } } } }`;
const DRILL = `query($input: AssessmentDrillDownInput!) { assessmentDrillDown(input: $input) { caseCount caseIds patrolPlanIds } }`;
const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');

describe('patrol completion rate (巡查频次完成率)', () => {
  let app: TestApp;
  let township: GraphQLClient;
  let worker: { id: number; township_id: number };
  let plans: number[];

  beforeAll(async () => {
    app = await startTestApp();
    [worker] = await app.ownerSql<{ id: number; township_id: number }>(
      `select w.id, w.township_id from grid_worker w join account a on a.grid_worker_id = w.id where a.login = 'gridworker'`,
    );
    const grids = await app.ownerSql<{ id: number; city_id: number; county_id: number; township_id: number }>(
      `select g.id, g.city_id, g.county_id, g.township_id from grid_worker_grid gg join grid g on g.id = gg.grid_id where gg.grid_worker_id = $1 order by g.id`,
      [worker.id],
    );
    // A worker with one grid patrols it under two plans of the month would be odd: use a second grid of the township then.
    const [second] = grids.length > 1 ? [grids[1]] : await app.ownerSql<(typeof grids)[number]>(
      `select id, city_id, county_id, township_id from grid where township_id = $1 and level = 'VILLAGE' and id <> $2 order by id limit 1`,
      [grids[0].township_id, grids[0].id],
    );
    const [a, b] = [grids[0], second];
    plans = [];
    for (const [grid, required] of [[a, 4], [b, 2]] as const) {
      const [plan] = await app.ownerSql<{ id: number }>(
        `insert into patrol_plan (city_id, county_id, township_id, grid_worker_id, grid_id, month, required_count, base_count, factor, generated_at)
         values ($1, $2, $3, $4, $5, '2025-03-01', $6, $6, 1, now()) returning id`,
        [grid.city_id, grid.county_id, grid.township_id, worker.id, grid.id, required],
      );
      plans.push(plan.id);
    }
    const checkIn = (grid: typeof a, at: string, outside = false) =>
      app.ownerSql(
        `insert into patrol_check_in (city_id, county_id, township_id, grid_worker_id, grid_id, at, lng, lat, outside_boundary, boundary_checked)
         values ($1, $2, $3, $4, $5, $6, 117.3, 31.8, $7, $7)`,
        [grid.city_id, grid.county_id, grid.township_id, worker.id, grid.id, at, outside],
      );
    // Beijing days: 03-01 00:30 (+08) is still March 1st; 02-28 23:59 (+08) is February.
    for (const at of ['2025-03-01T00:30+08', '2025-03-01T17:00+08', '2025-03-05T09:00+08', '2025-03-31T23:30+08', '2025-02-28T23:59+08']) await checkIn(a, at);
    await checkIn(a, '2025-03-12T10:00+08', true);
    for (const at of ['2025-03-02T09:00+08', '2025-03-09T09:00+08', '2025-03-16T09:00+08']) await checkIn(b, at);
    township = await app.as('township');
  }, 120_000);
  afterAll(() => app?.close());

  it('counts distinct Beijing days inside the boundary, capped by each plan, against the plans of the period', async () => {
    const input = { period: '2025-03', subjectType: 'GRID_WORKER', unitId: gid('Grid', worker.township_id) };
    const { rows } = (await township.data<{ assessment: { rows: Row[] } }>(TABLE, { input })).assessment;
    const row = rows.find((r) => r.subjectId === gid('GridWorker', worker.id));
    expect(row).toBeDefined();
    expect(measure(row!, 'patrols_required')).toBe(6);
    expect(measure(row!, 'patrols_done')).toBe(5);
    expect(value(row!, 'PATROL_COMPLETION_RATE')).toBe(83.33);

    const drill = (await township.data<{ assessmentDrillDown: { caseCount: number; patrolPlanIds: string[] } }>(DRILL, {
      input: { ...input, subjectId: row!.subjectId, measure: 'patrols_done' },
    })).assessmentDrillDown;
    expect(drill.caseCount).toBe(0);
    expect(drill.patrolPlanIds).toEqual(plans.map((id) => gid('PatrolPlan', id)));

    // The quarter holds the same month; February (no plan) has no patrol figure at all.
    const quarter = (await township.data<{ assessment: { rows: Row[] } }>(TABLE, { input: { ...input, period: '2025-Q1' } })).assessment.rows;
    expect(measure(quarter.find((r) => r.subjectId === row!.subjectId)!, 'patrols_done')).toBe(5);
    const february = (await township.data<{ assessment: { rows: Row[] } }>(TABLE, { input: { ...input, period: '2025-02' } })).assessment.rows;
    expect(value(february.find((r) => r.subjectId === row!.subjectId)!, 'PATROL_COMPLETION_RATE')).toBeNull();
  });
});
