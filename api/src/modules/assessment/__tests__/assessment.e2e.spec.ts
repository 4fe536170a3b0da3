import { measure, value, type Row } from './kpi-rows';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';
import { insertFixture } from './kpi-fixture';

/**
 * The KPI engine against hand-computed figures: June 2025 in 肥东县 holds only the fixture's
 * cases (the seed's cases start in 2026). 六家畈 (the demo grid worker's village):
 * 1,000 reported, 28 cancelled, 972 due; 911 closed, 850 of them on time (30 after one rework,
 * 20 after an extension), 61 late; 12 parked; 49 still in progress; all reported and verified
 * by the demo grid worker's account. 长临社区: 10 due, all on time, reported and verified by its
 * grid worker, who also reported 5 cases in a third village, all cancelled: a person's reports
 * count where they were made by it (15 reported, 10 valid), the grid's cases for its handling.
 */
const LJF = { prefix: 'KPI-LJF-', gridCode: '340122104008', onTime: 850, rework: 30, extended: 20, late: 61, parked: 12, inProgress: 49, cancelled: 28 };
const CL = { prefix: 'KPI-CL-', gridCode: '340122104001', onTime: 10, rework: 0, extended: 0, late: 0, parked: 0, inProgress: 0, cancelled: 0 };
const ELSEWHERE = { prefix: 'KPI-X-', onTime: 0, rework: 0, extended: 0, late: 0, parked: 0, inProgress: 0, cancelled: 5 };

const TABLE = `query($input: AssessmentInput!) { assessment(input: $input) {
  period from to rankBy indicators { code version }
  rows { subjectId subjectName rank values { code value } measures { code value } } } }`;
const DRILL = `query($input: AssessmentDrillDownInput!) { assessmentDrillDown(input: $input) { measure caseCount caseIds cases(first: 3) { number status } } }`;
const DEFINE = `mutation($input: DefineIndicatorInput!) { defineAssessmentIndicator(input: $input) { code version formula } }`;
const PUBLISH = `mutation($input: AssessmentInput!) { publishAssessment(input: $input) { id period subjectType
  table { publishedId rows { subjectId rank values { code value } } } } }`;

type Table = { assessment: { rows: Row[]; indicators: { code: string; version: number }[] } };

describe('assessment (绩效考核)', () => {
  let app: TestApp;
  let feidong: GraphQLClient;
  let county: string;
  let township: string;
  let ljfWorker: string;
  let clWorker: string;

  const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');
  const input = (extra: Record<string, unknown> = {}) => ({ period: '2025-06', subjectType: 'GRID_WORKER', unitId: county, ...extra });
  const rowOf = (table: Table, subjectId: string) => table.assessment.rows.find((r) => r.subjectId === subjectId)!;

  beforeAll(async () => {
    app = await startTestApp();
    const [demo] = await app.ownerSql<{ id: number }>(`select id from account where login = 'gridworker'`);
    // 长临社区's grid worker gets an account to act with.
    const [cl] = await app.ownerSql<{ id: number }>(
      `insert into account (city_id, county_id, township_id, login, password_hash, display_name, unit_id, role, grid_worker_id)
       select w.city_id, w.county_id, w.township_id, 'kpi-cl-worker', 'x', w.name, g.id, 'GRID_WORKER', w.id
       from grid_worker_grid gg join grid_worker w on w.id = gg.grid_worker_id join grid g on g.id = gg.grid_id where g.code = $1 limit 1 returning id`,
      [CL.gridCode],
    );
    const [third] = await app.ownerSql<{ code: string }>(
      `select code from grid where level = 'VILLAGE' and code like '340122104%' and code not in ($1, $2) order by code limit 1`,
      [LJF.gridCode, CL.gridCode],
    );
    await insertFixture(app, { ...LJF, reporter: demo.id, verifier: demo.id });
    await insertFixture(app, { ...CL, reporter: cl.id, verifier: cl.id });
    await insertFixture(app, { ...ELSEWHERE, gridCode: third.code, reporter: cl.id });
    const [units] = await app.ownerSql<{ county: number; township: number }>(
      `select (select id from grid where code = '340122000000') as county, (select id from grid where code = '340122104000') as township`,
    );
    county = gid('Grid', units.county);
    township = gid('Grid', units.township);
    const workers = await app.ownerSql<{ id: number; code: string }>(
      `select gg.grid_worker_id as id, g.code from grid_worker_grid gg join grid g on g.id = gg.grid_id where g.code in ('340122104008', '340122104001')`,
    );
    ljfWorker = gid('GridWorker', workers.find((w) => w.code === LJF.gridCode)!.id);
    clWorker = gid('GridWorker', workers.find((w) => w.code === CL.gridCode)!.id);
    feidong = await app.as('feidong');
  }, 120_000);
  afterAll(() => app?.close());

  it('computes the hand-computed figures for a county admin’s grid workers, ranked within the county', async () => {
    const table = await feidong.data<Table>(TABLE, { input: input() });
    const ljf = rowOf(table, ljfWorker);
    expect(ljf.subjectName).toBeTruthy();
    expect(Object.fromEntries(ljf.measures.map((m) => [m.code, m.value]))).toMatchObject({
      reported: 1000, valid_reports: 972, due: 972, closed: 911, closed_on_time: 850, parked: 12,
      rework_cases: 30, rework_count: 30, extended: 20, verifications: 941, verified_on_time: 880, dispatches: 972, dispatches_correct: 972,
    });
    expect(value(ljf, 'CLOSE_RATE')).toBe(93.72); // 911 / 972
    expect(value(ljf, 'ONTIME_CLOSE_RATE')).toBe(87.45); // 850 / 972
    expect(value(ljf, 'ONTIME_CLOSE_RATE_EXCL_PARKED')).toBe(88.54); // 850 / (972 - 12)
    expect(value(ljf, 'REWORK_RATE')).toBe(3.09); // 30 / 972
    expect(value(ljf, 'EXTENSION_RATE')).toBe(2.06); // 20 / 972
    expect(value(ljf, 'VALID_REPORT_RATE')).toBe(97.2); // 972 / 1000
    expect(value(ljf, 'ONTIME_VERIFY_RATE')).toBe(93.52); // 880 / 941
    // 0.3*93.72 + 0.3*87.45 + 0.2*93.52 + 0.2*97.2 - 2*30 - 20 = 12.495
    expect(value(ljf, 'COMPOSITE')).toBeCloseTo(12.495, 1);

    const cl = rowOf(table, clWorker);
    expect(value(cl, 'CLOSE_RATE')).toBe(100);
    expect([measure(cl, 'reported'), measure(cl, 'valid_reports'), measure(cl, 'verifications'), measure(cl, 'due')]).toEqual([15, 10, 10, 10]);
    expect(value(cl, 'VALID_REPORT_RATE')).toBe(66.67); // 10 / 15
    // 0.3*100 + 0.3*100 + 0.2*100 + 0.2*66.67
    expect(value(cl, 'COMPOSITE')).toBe(93.33);
    expect(cl.rank).toBe(1);
    expect(ljf.rank).toBe(2);
    // Every other grid worker of the county had nothing to do in June 2025: no composite, no rank.
    const others = table.assessment.rows.filter((r) => r.subjectId !== ljfWorker && r.subjectId !== clWorker);
    expect(others.length).toBeGreaterThan(100);
    expect(others.every((r) => r.rank === null && value(r, 'COMPOSITE') === null && value(r, 'CLOSE_RATE') === null)).toBe(true);
    // The department-only and dispatcher-only indicators are not columns of a grid-worker table.
    expect(table.assessment.indicators.map((i) => i.code)).not.toContain('ONTIME_HANDLING_RATE');
  });

  it('drills a figure down to the cases behind it', async () => {
    const drill = await feidong.data<{ assessmentDrillDown: { caseCount: number; caseIds: string[]; cases: { number: string; status: string }[] } }>(DRILL, {
      input: { ...input(), subjectId: ljfWorker, measure: 'closed_on_time' },
    });
    expect(drill.assessmentDrillDown.caseCount).toBe(850);
    const expected = await app.ownerSql<{ id: number }>(`select id from "case" where number like 'KPI-LJF-%' and substring(number from 9)::int <= 850 order by id`);
    expect(drill.assessmentDrillDown.caseIds).toEqual(expected.map((r) => gid('Case', r.id)));
    expect(drill.assessmentDrillDown.cases).toEqual([
      { number: 'KPI-LJF-00001', status: 'CLOSED' },
      { number: 'KPI-LJF-00002', status: 'CLOSED' },
      { number: 'KPI-LJF-00003', status: 'CLOSED' },
    ]);
    const parked = await feidong.data<{ assessmentDrillDown: { caseCount: number; cases: { status: string }[] } }>(DRILL, {
      input: { ...input(), subjectId: ljfWorker, measure: 'parked' },
    });
    expect(parked.assessmentDrillDown.caseCount).toBe(12);
    expect(parked.assessmentDrillDown.cases.every((c) => c.status === 'PARKED')).toBe(true);
    // A person's reports drill down to the cases its account reported, in any grid.
    const reported = await feidong.data<{ assessmentDrillDown: { caseCount: number; caseIds: string[] } }>(DRILL, {
      input: { ...input(), subjectId: clWorker, measure: 'reported' },
    });
    const byCl = await app.ownerSql<{ id: number }>(`select id from "case" where number like 'KPI-CL-%' or number like 'KPI-X-%' order by id`);
    expect(byCl).toHaveLength(15);
    expect(reported.assessmentDrillDown.caseIds).toEqual(byCl.map((c) => gid('Case', c.id)));
    const bad = await feidong.request(DRILL, { input: { ...input(), subjectId: ljfWorker, measure: 'nonsense' } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rolls the same cases up to grids, townships and the county', async () => {
    const grids = await feidong.data<Table>(TABLE, { input: input({ subjectType: 'TOWNSHIP' }) });
    const clh = rowOf(grids, township);
    expect(measure(clh, 'due')).toBe(982);
    expect(measure(clh, 'closed')).toBe(921);
    expect(value(clh, 'CLOSE_RATE')).toBe(93.79); // 921 / 982
    expect(value(clh, 'CORRECT_DISPATCH_RATE')).toBe(100);
  });

  it('shows a township admin its grid workers and a grid worker only itself', async () => {
    const byTownship = await (await app.as('township')).data<Table>(TABLE, { input: input({ unitId: township }) });
    expect(value(rowOf(byTownship, ljfWorker), 'CLOSE_RATE')).toBe(93.72);
    expect(rowOf(byTownship, ljfWorker).rank).toBe(2);

    const gridworker = await app.as('gridworker');
    const own = await gridworker.data<Table>(TABLE, { input: input({ unitId: township }) });
    expect(own.assessment.rows.map((r) => [r.subjectId, r.rank])).toEqual([[ljfWorker, 2]]);
    const grids = await gridworker.request(TABLE, { input: input({ unitId: township, subjectType: 'GRID' }) });
    expect(grids.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const drillOther = await gridworker.request(DRILL, { input: { ...input({ unitId: township }), subjectId: clWorker, measure: 'due' } });
    expect(drillOther.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses another county’s admin and a department', async () => {
    const yaohai = await (await app.as('yaohai')).request(TABLE, { input: input() });
    expect(yaohai.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const dept = await (await app.as('countydept')).request(TABLE, { input: input() });
    expect(dept.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('publishes figures that recompute identically with the indicator versions of their time', async () => {
    const published = await feidong.data<{ publishAssessment: { id: string; table: { publishedId: string; rows: Row[] } } }>(PUBLISH, { input: input() });
    const stored = published.publishAssessment.table.rows.find((r) => r.subjectId === ljfWorker)!;
    expect(value(stored, 'ONTIME_CLOSE_RATE')).toBe(87.45);
    const again = await feidong.request(PUBLISH, { input: input() });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');

    // The city changes the formula: 按期结案率 now leaves parked cases out (version 2).
    const city = await app.as('cityadmin');
    const defined = await city.data<{ defineAssessmentIndicator: { version: number } }>(DEFINE, {
      input: { code: 'ONTIME_CLOSE_RATE', name: '按期结案率', description: '剔除缓办', formula: 'rate(closed_on_time, due - parked)', unit: 'PERCENT', subjectTypes: ['GRID_WORKER', 'TOWNSHIP'] },
    });
    expect(defined.defineAssessmentIndicator.version).toBe(2);
    // The township's table of the month is not published: it is computed with version 2.
    const live = await feidong.data<Table>(TABLE, { input: input({ unitId: township }) });
    expect(value(rowOf(live, ljfWorker), 'ONTIME_CLOSE_RATE')).toBe(88.54);
    expect(live.assessment.indicators.find((i) => i.code === 'ONTIME_CLOSE_RATE')?.version).toBe(2);
    // The county's published one answers from its snapshot, with version 1.
    const frozen = await feidong.data<Table>(TABLE, { input: input() });
    expect(value(rowOf(frozen, ljfWorker), 'ONTIME_CLOSE_RATE')).toBe(87.45);
    expect(frozen.assessment.indicators.find((i) => i.code === 'ONTIME_CLOSE_RATE')?.version).toBe(1);

    const recomputed = await feidong.data<{ recomputeAssessment: { rows: Row[] } }>(
      `query($id: ID!) { recomputeAssessment(id: $id) { rows { subjectId rank values { code value } } } }`,
      { id: published.publishAssessment.id },
    );
    expect(recomputed.recomputeAssessment.rows).toEqual(published.publishAssessment.table.rows);
    const history = await feidong.data<{ assessmentIndicators: { code: string; version: number }[] }>(`{ assessmentIndicators(history: true) { code version } }`);
    expect(history.assessmentIndicators.filter((i) => i.code === 'ONTIME_CLOSE_RATE').map((i) => i.version)).toEqual([1, 2]);

    const list = await feidong.data<{ publishedAssessments: { id: string }[] }>(`{ publishedAssessments { id } }`);
    expect(list.publishedAssessments.map((p) => p.id)).toEqual([published.publishAssessment.id]);
    const yaohaiList = await (await app.as('yaohai')).data<{ publishedAssessments: { id: string }[] }>(`{ publishedAssessments { id } }`);
    expect(yaohaiList.publishedAssessments).toEqual([]);
  });

  it('lets only the city define indicators, and only valid formulas', async () => {
    const indicator = { code: 'TEST_RATE', name: '测试', description: '测试', formula: 'rate(closed, due)', unit: 'PERCENT', subjectTypes: ['GRID_WORKER'] };
    const byCounty = await feidong.request(DEFINE, { input: indicator });
    expect(byCounty.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const city = await app.as('cityadmin');
    for (const formula of ['rate(closed, nothing)', 'x = 1', 'import({}, {})', 'closed.constructor', 'rate(closed,', 'TEST_RATE + 1']) {
      const bad = await city.request(DEFINE, { input: { ...indicator, formula } });
      expect([formula, bad.errors?.[0].extensions?.code]).toEqual([formula, 'BAD_USER_INPUT']);
    }
    const count = await app.ownerSql<{ n: number }>(`select count(*)::int as n from assessment_indicator where code = 'TEST_RATE'`);
    expect(count[0].n).toBe(0);
    const publishByWorker = await (await app.as('gridworker')).request(PUBLISH, { input: input({ unitId: township }) });
    expect(publishByWorker.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const publishByTownship = await (await app.as('township')).request(PUBLISH, { input: input() });
    expect(publishByTownship.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
