import { measure, value, type Row } from './kpi-rows';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';

/**
 * 网格覆盖率, 重点源按频次检查率 and 活跃率 on a hand-built June 2025 in 长临河镇 (before any
 * seeded source, inspection or case):
 * - staffing of the township's leaf grids replaced: L1 and L2 have the officer and the demo
 *   grid worker, L3 only the officer (and a deactivated worker), L4 only the worker → 2 staffed;
 * - KEY sources in L1, key monthly, as of 30 June: S1 inspected 06-10 (due 07-10), S2 05-20
 *   (due 06-20), S3 never (on file since January), S4 05-31 (due 06-30, the last day: on time),
 *   S5 05-10 and 07-05 (the later one is after the period), S8 06-10 but its industry is under a
 *   sensitive period doubling the frequency (due 06-25); S6 is GENERAL, S7 put on file in July
 *   → 2 of 6 = 33.33 %;
 * - the demo grid worker: check-ins inside the boundary on 06-02 (twice), 06-03 23:30, 06-07
 *   (Saturday), 06-10 00:30 (+08, still the 9th in UTC), one outside on 06-09; cases reported
 *   by its account on 06-03 and 06-11 (and 07-01), one by nobody on 06-12
 *   → working days 02, 03, 10, 11 of June's 21 = 19.05 %.
 */
const TABLE = `query($input: AssessmentInput!) { assessment(input: $input) {
  indicators { code } rows { subjectId subjectName rank values { code value } measures { code value } } } }`;
const DRILL = `query($input: AssessmentDrillDownInput!) { assessmentDrillDown(input: $input) { caseCount caseIds gridIds sourceIds checkInIds patrolPlanIds } }`;
const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');

type Drill = { assessmentDrillDown: { caseCount: number; caseIds: string[]; gridIds: string[]; sourceIds: string[]; checkInIds: string[]; patrolPlanIds: string[] } };

describe('coverage, key-source inspection and activity indicators', () => {
  let app: TestApp;
  let feidong: GraphQLClient;
  let township: GraphQLClient;
  let T: { id: number; city_id: number; county_id: number };
  let leaves: number[];
  let workerId: number;
  const sources: Record<string, number> = {};
  const checkIns: Record<string, number> = {};
  const cases: Record<string, number> = {};
  const input = (subjectType: string, unit: number, extra: Record<string, unknown> = {}) => ({ period: '2025-06', subjectType, unitId: gid('Grid', unit), ...extra });
  const rows = async (client: GraphQLClient, subjectType: string, unit: number) =>
    (await client.data<{ assessment: { rows: Row[]; indicators: { code: string }[] } }>(TABLE, { input: input(subjectType, unit) })).assessment;

  beforeAll(async () => {
    app = await startTestApp();
    [T] = await app.ownerSql<{ id: number; city_id: number; county_id: number }>(`select id, city_id, county_id from grid where code = '340122104000'`);
    leaves = (await app.ownerSql<{ id: number }>(
      `select g.id from grid g where g.township_id = $1 and g.active and g.level in ('TOWNSHIP', 'VILLAGE')
         and not exists (select 1 from grid k where k.parent_id = g.id and k.active) order by g.id`,
      [T.id],
    )).map((g) => g.id);
    const [L1, L2, L3, L4] = leaves;
    [{ id: workerId }] = await app.ownerSql<{ id: number }>(`select grid_worker_id as id from account where login = 'gridworker'`);
    const [officer] = await app.ownerSql<{ id: number }>(`select id from officer where active order by id limit 1`);
    const [other] = await app.ownerSql<{ id: number }>(`select id from grid_worker where active and id <> $1 order by id limit 1`, [workerId]);
    await app.ownerSql(`delete from officer_grid where grid_id in (select id from grid where id = $1 or township_id = $1)`, [T.id]);
    await app.ownerSql(`delete from grid_worker_grid where grid_id in (select id from grid where id = $1 or township_id = $1) or grid_worker_id = $2`, [T.id, workerId]);
    await app.ownerSql(`insert into officer_grid (officer_id, grid_id) select $1, unnest($2::int[])`, [officer.id, [L1, L2, L3]]);
    await app.ownerSql(`insert into grid_worker_grid (grid_worker_id, grid_id) select $1, unnest($2::int[])`, [workerId, [L1, L2, L4]]);
    await app.ownerSql(`insert into grid_worker_grid (grid_worker_id, grid_id) values ($1, $2)`, [other.id, L3]);
    await app.ownerSql(`update grid_worker set active = false where id = $1`, [other.id]);

    // Key sources in L1, key sources inspected monthly.
    await app.ownerSql(`update inspection_frequency set every = 1, unit = 'MONTH' where supervision_level = 'KEY'`);
    const [grid] = await app.ownerSql<{ city_id: number; county_id: number; township_id: number }>(`select city_id, county_id, township_id from grid where id = $1`, [L1]);
    const source = async (name: string, level: string, createdAt: string, industry: string | null = null) => {
      const [row] = await app.ownerSql<{ id: number }>(
        `insert into pollution_source (city_id, county_id, township_id, created_at, name, type, industry, grid_id, supervision_level, status)
         values ($1, $2, $3, $4, $5, 'ENTERPRISE', $6, $7, $8, 'ACTIVE') returning id`,
        [grid.city_id, grid.county_id, grid.township_id, createdAt, `KPI ${name}`, industry, L1, level],
      );
      sources[name] = row.id;
    };
    for (const name of ['S1', 'S2', 'S3', 'S4', 'S5']) await source(name, 'KEY', '2025-01-01T00:00+08');
    await source('S6', 'GENERAL', '2025-01-01T00:00+08');
    await source('S7', 'KEY', '2025-07-01T00:00+08');
    await source('S8', 'KEY', '2025-01-01T00:00+08', '化工');
    const inspect = (name: string, on: string) =>
      app.ownerSql(
        `insert into inspection (city_id, county_id, township_id, source_id, grid_id, inspected_on, supervision_level, result, findings, inspector_name, recorded_at)
         values ($1, $2, $3, $4, $5, $6, 'KEY', 'COMPLIANT', 'KPI fixture', '检查员', now())`,
        [grid.city_id, grid.county_id, grid.township_id, sources[name], L1, on],
      );
    for (const [name, on] of [['S1', '2025-06-10'], ['S2', '2025-05-20'], ['S4', '2025-05-31'], ['S5', '2025-05-10'], ['S5', '2025-07-05'], ['S6', '2025-01-05'], ['S8', '2025-06-10']]) await inspect(name, on);
    await app.ownerSql(
      `insert into sensitive_period (city_id, county_id, township_id, unit_id, name, starts_on, ends_on, grid_ids, industries, levels, inspection_factor, patrol_factor)
       values ($1, $2, null, $2, '化工专项', '2025-06-20', '2025-07-10', $3, '{化工}', '{}', 2, 1)`,
      [T.city_id, T.county_id, [T.county_id]],
    );

    // The demo grid worker's check-ins and reports.
    const checkIn = async (key: string, at: string, outside = false) => {
      const [row] = await app.ownerSql<{ id: number }>(
        `insert into patrol_check_in (city_id, county_id, township_id, grid_worker_id, grid_id, at, lng, lat, outside_boundary, boundary_checked)
         values ($1, $2, $3, $4, $5, $6, 117.3, 31.8, $7, true) returning id`,
        [grid.city_id, grid.county_id, grid.township_id, workerId, L1, at, outside],
      );
      checkIns[key] = row.id;
    };
    await checkIn('02a', '2025-06-02T09:00+08');
    await checkIn('02b', '2025-06-02T15:00+08');
    await checkIn('03', '2025-06-03T23:30+08');
    await checkIn('07', '2025-06-07T10:00+08');
    await checkIn('09', '2025-06-09T10:00+08', true);
    await checkIn('10', '2025-06-10T00:30+08');
    const report = async (key: string, at: string, byWorker: boolean) => {
      const [row] = await app.ownerSql<{ id: number }>(
        `insert into "case" (city_id, county_id, township_id, number, origin, category_id, field, urgency, description, grid_id, status, reported_at, reported_by_id, handling_unit_id, via_platform)
         select g.city_id, g.county_id, g.township_id, $1, 'PATROL', cat.id, cat.default_field, 'NORMAL', 'KPI activity', g.id, 'REPORTED', $2,
                (select id from account where login = 'gridworker' and $4), g.township_id, false
         from grid g, (select id, default_field from case_category order by id limit 1) cat where g.id = $3 returning id`,
        [`KPI-ACT-${key}`, at, L1, byWorker],
      );
      cases[key] = row.id;
    };
    await report('03', '2025-06-03T10:00+08', true);
    await report('11', '2025-06-11T10:00+08', true);
    await report('07-01', '2025-07-01T00:10+08', true);
    await report('12', '2025-06-12T10:00+08', false);
    feidong = await app.as('feidong');
    township = await app.as('township');
  }, 120_000);
  afterAll(() => app?.close());

  it('rates a township’s leaf grids staffed by an officer and a grid worker, drillable to the grids', async () => {
    const table = await rows(feidong, 'TOWNSHIP', T.county_id);
    expect(table.indicators.map((i) => i.code)).toEqual(expect.arrayContaining(['GRID_COVERAGE_RATE', 'KEY_SOURCE_INSPECTION_RATE']));
    const row = table.rows.find((r) => r.subjectId === gid('Grid', T.id))!;
    expect(leaves.length).toBeGreaterThanOrEqual(4);
    expect(measure(row, 'grids_total')).toBe(leaves.length);
    expect(measure(row, 'grids_staffed')).toBe(2);
    expect(value(row, 'GRID_COVERAGE_RATE')).toBe(Math.round(20000 / leaves.length) / 100);
    const drill = (await feidong.data<Drill>(DRILL, { input: { ...input('TOWNSHIP', T.county_id), subjectId: row.subjectId, measure: 'grids_staffed' } })).assessmentDrillDown;
    expect(drill.gridIds).toEqual([leaves[0], leaves[1]].map((id) => gid('Grid', id)));
    expect(drill.caseIds).toEqual([]);
    const all = (await feidong.data<Drill>(DRILL, { input: { ...input('TOWNSHIP', T.county_id), subjectId: row.subjectId, measure: 'grids_total' } })).assessmentDrillDown;
    expect(all.gridIds).toEqual(leaves.map((id) => gid('Grid', id)));

    // The township admin's grid table: one row per grid, a leaf grid covers itself.
    const grids = await rows(township, 'GRID', T.id);
    const figures = (id: number) => {
      const r = grids.rows.find((x) => x.subjectId === gid('Grid', id))!;
      return [measure(r, 'grids_total'), measure(r, 'grids_staffed'), value(r, 'GRID_COVERAGE_RATE')];
    };
    expect([figures(leaves[0]), figures(leaves[2]), figures(leaves[3])]).toEqual([[1, 1, 100], [1, 0, 0], [1, 0, 0]]);
  });

  it('rates KEY sources inspected within their frequency on the period’s last day, sensitive periods included', async () => {
    const table = await rows(feidong, 'TOWNSHIP', T.county_id);
    const row = table.rows.find((r) => r.subjectId === gid('Grid', T.id))!;
    expect([measure(row, 'key_sources'), measure(row, 'key_sources_inspected')]).toEqual([6, 2]);
    expect(value(row, 'KEY_SOURCE_INSPECTION_RATE')).toBe(33.33);
    const drill = (await feidong.data<Drill>(DRILL, { input: { ...input('TOWNSHIP', T.county_id), subjectId: row.subjectId, measure: 'key_sources_inspected' } })).assessmentDrillDown;
    expect(drill.sourceIds).toEqual([sources.S1, sources.S4].map((id) => gid('PollutionSource', id)));
    const key = (await feidong.data<Drill>(DRILL, { input: { ...input('TOWNSHIP', T.county_id), subjectId: row.subjectId, measure: 'key_sources' } })).assessmentDrillDown;
    expect(key.sourceIds).toEqual(['S1', 'S2', 'S3', 'S4', 'S5', 'S8'].map((name) => gid('PollutionSource', sources[name])));

    // The county row adds the seed's KEY sources on file before July 2025, none inspected by then.
    const [seeded] = await app.ownerSql<{ n: number; inspected: number }>(
      `select count(*)::int as n, count(*) filter (where exists (select 1 from inspection i where i.source_id = s.id and i.inspected_on < '2025-07-01'))::int as inspected
       from pollution_source s where s.county_id = $1 and s.status = 'ACTIVE' and s.supervision_level = 'KEY' and s.created_at < '2025-07-01T00:00+08' and s.name not like 'KPI %'`,
      [T.county_id],
    );
    expect(seeded.inspected).toBe(0);
    const city = await app.as('cityadmin');
    const counties = await rows(city, 'COUNTY', T.city_id);
    const county = counties.rows.find((r) => r.subjectId === gid('Grid', T.county_id))!;
    expect([measure(county, 'key_sources'), measure(county, 'key_sources_inspected')]).toEqual([6 + seeded.n, 2]);
  });

  it('rates a grid worker’s active working days from its check-ins and its own reports, drillable to both', async () => {
    const table = await rows(township, 'GRID_WORKER', T.id);
    expect(table.indicators.map((i) => i.code)).toContain('ACTIVE_RATE');
    expect(table.indicators.map((i) => i.code)).not.toContain('GRID_COVERAGE_RATE');
    const row = table.rows.find((r) => r.subjectId === gid('GridWorker', workerId))!;
    expect([measure(row, 'active_days'), measure(row, 'working_days')]).toEqual([4, 21]);
    expect(value(row, 'ACTIVE_RATE')).toBe(19.05);
    const drill = (await township.data<Drill>(DRILL, { input: { ...input('GRID_WORKER', T.id), subjectId: row.subjectId, measure: 'active_days' } })).assessmentDrillDown;
    expect(drill.checkInIds).toEqual(['02a', '02b', '03', '10'].map((k) => gid('PatrolCheckIn', checkIns[k])));
    expect(drill.caseIds).toEqual(['03', '11'].map((k) => gid('Case', cases[k])));
    expect(drill.caseCount).toBe(2);

    // The grid worker sees its own row with the same figure, and no other.
    const own = await rows(await app.as('gridworker'), 'GRID_WORKER', T.id);
    expect(own.rows.map((r) => [r.subjectId, value(r, 'ACTIVE_RATE')])).toEqual([[row.subjectId, 19.05]]);
  });

  it('refuses the roles that do not assess these subjects', async () => {
    const byWorker = await (await app.as('gridworker')).request(TABLE, { input: input('TOWNSHIP', T.id) });
    expect(byWorker.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byTownship = await township.request(TABLE, { input: input('TOWNSHIP', T.id) });
    expect(byTownship.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byOtherCounty = await (await app.as('yaohai')).request(TABLE, { input: input('TOWNSHIP', T.county_id) });
    expect(byOtherCounty.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const drillOther = await (await app.as('yaohai')).request(DRILL, { input: { ...input('TOWNSHIP', T.county_id), subjectId: gid('Grid', T.id), measure: 'grids_total' } });
    expect(drillOther.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
