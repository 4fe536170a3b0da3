import { readFileSync } from 'node:fs';
import path from 'node:path';
import { measure, value, type Row } from './kpi-rows';
import { insertFixture } from './kpi-fixture';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';

/**
 * Assessment that closes (issue 18, finding 3): a period is published only after it ends (the
 * test clock stands at 2026-11-28, so 2026-10 has ended and 2026-11 has not); a publication
 * answers from its snapshot, byte for byte, whatever happens to cases and indicators later; a
 * minimum sample keeps tiny denominators out of the ranking; ties share the rank and are
 * ordered by code; an urban district is assessed by 街道.
 */
const TABLE = `query($input: AssessmentInput!) { assessment(input: $input) {
  period from to subjectType unitId rankBy publishedId publishedAt
  indicators { id code version formula sampleMeasure minSample }
  rows { subjectId subjectName rank unrankedReason values { code value } measures { code value } } } }`;
const TABLE_FIELDS = `period from to subjectType unitId rankBy publishedId publishedAt
  indicators { id code version formula sampleMeasure minSample }
  rows { subjectId subjectName rank unrankedReason values { code value } measures { code value } }`;
const PUBLISH = `mutation($input: AssessmentInput!) { publishAssessment(input: $input) { id publishedAt table { ${TABLE_FIELDS} } } }`;
const RECOMPUTE = `query($id: ID!) { recomputeAssessment(id: $id) { ${TABLE_FIELDS} } }`;
const PUBLISHED = `{ publishedAssessments { id table { ${TABLE_FIELDS} } } }`;
const DEFINE = `mutation($input: DefineIndicatorInput!) { defineAssessmentIndicator(input: $input) { code version } }`;

type Table = { rows: Row[]; publishedId: string | null; indicators: { code: string; version: number }[] };
const gid = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64url');

describe('assessment that closes', () => {
  let app: TestApp;
  let feidong: GraphQLClient;
  let city: GraphQLClient;
  let county: string;
  const input = (extra: Record<string, unknown> = {}) => ({ period: '2026-10', subjectType: 'GRID_WORKER', unitId: county, ...extra });
  const table = async (client: GraphQLClient, extra: Record<string, unknown> = {}) => (await client.data<{ assessment: Table }>(TABLE, { input: input(extra) })).assessment;
  const publications = async () => (await app.ownerSql<{ n: number }>(`select count(*)::int as n from assessment`))[0].n;

  beforeAll(async () => {
    app = await startTestApp();
    const [unit] = await app.ownerSql<{ id: number }>(`select id from grid where code = '340122000000'`);
    county = gid('Grid', unit.id);
    feidong = await app.as('feidong');
    city = await app.as('cityadmin');
  }, 120_000);
  afterAll(() => app?.close());

  it('refuses to publish a period that has not ended, and changes nothing', async () => {
    for (const period of ['2026-11', '2026-Q4', '2026', '2027-01']) {
      // Only fields the schema had before, so the old code answers (and publishes).
      const refused = await feidong.request(`mutation($input: AssessmentInput!) { publishAssessment(input: $input) { id } }`, { input: input({ period }) });
      expect([period, refused.errors?.[0].extensions?.code]).toEqual([period, 'BAD_USER_INPUT']);
    }
    expect(await publications()).toBe(0);
    // Nothing frozen either: the table of the month is still live.
    const month = await feidong.data<{ assessment: { publishedId: string | null } }>(`query($input: AssessmentInput!) { assessment(input: $input) { publishedId } }`, { input: input({ period: '2026-11' }) });
    expect(month.assessment.publishedId).toBeNull();
  });

  it('lists a unit below the minimum sample unranked with the reason, and ranks ties by the stated rule', async () => {
    // June 2025 in 长临河镇 (before any seeded case): four villages in code order.
    const villages = await app.ownerSql<{ id: number; code: string }>(
      `select id, code from grid where level = 'VILLAGE' and code like '340122104%' and active order by code limit 4`,
    );
    const [v1, v2, v3, v4] = villages;
    // v1 and v2 tie at 100; v2 gets the lower code, so the tie is ordered against id order.
    await app.ownerSql(`update grid set code = 'swap' where id = $1`, [v1.id]);
    await app.ownerSql(`update grid set code = $1 where id = $2`, [v1.code, v2.id]);
    await app.ownerSql(`update grid set code = $1 where id = $2`, [v2.code, v1.id]);
    const plan = { rework: 0, extended: 0, late: 0, parked: 0, inProgress: 0, cancelled: 0 };
    await insertFixture(app, { ...plan, prefix: 'T1-', gridCode: v2.code, onTime: 6 }); // v1 (codes swapped)
    await insertFixture(app, { ...plan, prefix: 'T2-', gridCode: v1.code, onTime: 6 }); // v2
    await insertFixture(app, { ...plan, prefix: 'T3-', gridCode: v3.code, onTime: 5, late: 1 });
    await insertFixture(app, { ...plan, prefix: 'T4-', gridCode: v4.code, onTime: 1 });
    const [township] = await app.ownerSql<{ id: number }>(`select id from grid where code = '340122104000'`);
    const grids = await table(feidong, { period: '2025-06', subjectType: 'GRID', unitId: gid('Grid', township.id) });
    const indicator = grids.indicators.find((i) => i.code === 'COMPOSITE') as unknown as { sampleMeasure: string; minSample: number };
    expect([indicator.sampleMeasure, indicator.minSample]).toEqual(['due', 5]);

    const row = (id: number) => grids.rows.find((r) => r.subjectId === gid('Grid', id))!;
    expect([value(row(v1.id), 'COMPOSITE'), value(row(v2.id), 'COMPOSITE'), value(row(v4.id), 'COMPOSITE')]).toEqual([100, 100, 100]);
    expect(value(row(v3.id), 'COMPOSITE')).toBeLessThan(100);
    // Ranked: equal scores share the rank (1, 1, 3), the tie in code order: v2 (now the lower code) first.
    expect(grids.rows.slice(0, 3).map((r) => [r.subjectId, r.rank, (r as Row & { unrankedReason: string | null }).unrankedReason])).toEqual([
      [gid('Grid', v2.id), 1, null],
      [gid('Grid', v1.id), 1, null],
      [gid('Grid', v3.id), 3, null],
    ]);
    // One due case scores 100 but is not ranked: too small a sample; it is still listed, with its figures.
    expect([row(v4.id).rank, (row(v4.id) as Row & { unrankedReason: string }).unrankedReason, measure(row(v4.id), 'due')]).toEqual([null, 'SAMPLE_TOO_SMALL', 1]);
    const idle = grids.rows.filter((r) => ![v1.id, v2.id, v3.id, v4.id].some((id) => r.subjectId === gid('Grid', id)));
    expect(idle.length).toBeGreaterThan(0);
    expect(idle.every((r) => r.rank === null && (r as Row & { unrankedReason: string }).unrankedReason === 'NO_VALUE')).toBe(true);
  });

  it('publishes 2026-10 and answers it byte for byte after later changes to cases and formulas', async () => {
    const published = await feidong.data<{ publishAssessment: { id: string; table: Table } }>(PUBLISH, { input: input() });
    const id = published.publishAssessment.id;
    const before = {
      published: JSON.stringify(published.publishAssessment.table),
      read: JSON.stringify(await table(feidong)),
      recomputed: JSON.stringify((await feidong.data<{ recomputeAssessment: Table }>(RECOMPUTE, { id })).recomputeAssessment),
    };
    const frozen = JSON.parse(before.read) as Table;
    expect(frozen.publishedId).toBe(id);
    expect(frozen.rows.some((r) => measure(r, 'due') > 0)).toBe(true);
    // Published, read and recomputed are the same figures.
    expect(JSON.stringify(JSON.parse(before.recomputed).rows)).toBe(JSON.stringify(published.publishAssessment.table.rows));
    expect(JSON.stringify(frozen.rows)).toBe(JSON.stringify(published.publishAssessment.table.rows));
    const liveTownships = JSON.stringify(await table(feidong, { subjectType: 'TOWNSHIP' }));

    // Later: ten more cases due in October in a worker's grid, entered after the fact …
    const [grid] = await app.ownerSql<{ id: number; worker: number }>(
      `select g.id, gg.grid_worker_id as worker from grid g join grid_worker_grid gg on gg.grid_id = g.id
       where g.county_id = (select id from grid where code = '340122000000') and g.level = 'VILLAGE' order by g.code limit 1`,
    );
    await app.ownerSql(
      `insert into "case" (city_id, county_id, township_id, number, origin, category_id, field, urgency, description, grid_id, status, reported_at, handling_unit_id, via_platform)
       select g.city_id, g.county_id, g.township_id, 'LATE-' || i, 'PATROL', cat.id, cat.default_field, 'NORMAL', 'entered late', g.id, 'DISPATCHED',
         timestamptz '2026-10-05 09:00+08' + i * interval '1 minute', g.township_id, false
       from generate_series(1, 10) i, grid g, (select id, default_field from case_category order by id limit 1) cat where g.id = $1`,
      [grid.id],
    );
    for (const [action, from, to, after, due] of [
      ['REPORT', null, 'REPORTED', '0 minutes', null],
      ['FILE', 'REPORTED', 'FILED', '30 minutes', null],
      ['DISPATCH', 'FILED', 'DISPATCHED', '1 hour', `timestamptz '2026-10-20 00:00+08'`],
    ] as const) {
      await app.ownerSql(
        `insert into case_event (city_id, county_id, township_id, case_id, grid_id, action, from_status, to_status, at, due_at)
         select c.city_id, c.county_id, c.township_id, c.id, c.grid_id, '${action}', ${from ? `'${from}'` : 'null'}, '${to}', c.reported_at + interval '${after}', ${due ?? 'null'}
         from "case" c where c.number like 'LATE-%' order by c.id`,
      );
    }
    // … a worker leaves the county's grids …
    const [leaver] = await app.ownerSql<{ id: number }>(
      `select gg.grid_worker_id as id from grid_worker_grid gg join grid g on g.id = gg.grid_id
       where g.county_id = (select id from grid where code = '340122000000') and gg.grid_worker_id <> $1 order by gg.grid_worker_id limit 1`,
      [grid.worker],
    );
    await app.ownerSql(`delete from grid_worker_grid where grid_worker_id = $1`, [leaver.id]);
    // … and the city reweights the composite and drops the closing rate's minimum sample.
    const composite = await city.data<{ defineAssessmentIndicator: { version: number } }>(DEFINE, {
      input: { code: 'COMPOSITE', name: '综合指标值', description: '新权重', formula: 'due == 0 ? null : 0.5 * ifnull(CLOSE_RATE, 100) + 0.5 * ifnull(ONTIME_CLOSE_RATE, 100)', unit: 'POINTS', subjectTypes: ['GRID_WORKER', 'TOWNSHIP'] },
    });
    expect(composite.defineAssessmentIndicator.version).toBe(2);
    await city.data(DEFINE, { input: { code: 'CLOSE_RATE', name: '结案率', description: '无最小样本', formula: 'rate(closed, due)', unit: 'PERCENT', subjectTypes: ['GRID_WORKER', 'TOWNSHIP'], minSample: 0 } });

    // The changes do move what is not published.
    expect(JSON.stringify(await table(feidong, { subjectType: 'TOWNSHIP' }))).not.toBe(liveTownships);

    const after = {
      published: JSON.stringify((await feidong.data<{ publishedAssessments: { id: string; table: Table }[] }>(PUBLISHED)).publishedAssessments.find((p) => p.id === id)!.table),
      read: JSON.stringify(await table(feidong)),
      recomputed: JSON.stringify((await feidong.data<{ recomputeAssessment: Table }>(RECOMPUTE, { id })).recomputeAssessment),
    };
    expect(after).toEqual(before);
    expect(frozen.rows.some((r) => r.subjectId === gid('GridWorker', leaver.id))).toBe(true);

    // A grid worker reads its township's published table: its own frozen row only.
    const [own] = await app.ownerSql<{ id: number; township: number }>(`select a.grid_worker_id as id, w.township_id as township from account a join grid_worker w on w.id = a.grid_worker_id where a.login = 'gridworker'`);
    const ofTownship = { unitId: gid('Grid', own.township) };
    const township = await feidong.data<{ publishAssessment: { id: string; table: Table } }>(PUBLISH, { input: input(ofTownship) });
    await city.data(DEFINE, { input: { code: 'CLOSE_RATE', name: '结案率', description: '又一版', formula: 'rate(closed, due) / 2', unit: 'PERCENT', subjectTypes: ['GRID_WORKER', 'TOWNSHIP'] } });
    const mine = await table(await app.as('gridworker'), ofTownship);
    expect(mine.publishedId).toBe(township.publishAssessment.id);
    expect(mine.rows.map((r) => r.subjectId)).toEqual([gid('GridWorker', own.id)]);
    expect(mine.rows[0]).toEqual(township.publishAssessment.table.rows.find((r) => r.subjectId === gid('GridWorker', own.id)));
  });

  it('lets the city set an indicator’s minimum sample, a measure and a count together', async () => {
    const indicator = { code: 'CLOSE_RATE', name: '结案率', description: '最小样本 3', formula: 'rate(closed, due)', unit: 'PERCENT', subjectTypes: ['GRID_WORKER', 'TOWNSHIP'] };
    const versions = async () => (await app.ownerSql<{ n: number }>(`select count(*)::int as n from assessment_indicator where code = 'CLOSE_RATE'`))[0].n;
    const count = await versions();
    for (const bad of [{ minSample: 3 }, { sampleMeasure: 'due' }, { sampleMeasure: 'nonsense', minSample: 3 }, { sampleMeasure: 'due', minSample: -1 }]) {
      const refused = await city.request(DEFINE, { input: { ...indicator, ...bad } });
      expect([bad, refused.errors?.[0].extensions?.code]).toEqual([bad, 'BAD_USER_INPUT']);
    }
    expect(await versions()).toBe(count);
    const defined = await city.data<{ defineAssessmentIndicator: { version: number } }>(DEFINE, { input: { ...indicator, sampleMeasure: 'due', minSample: 3 } });
    expect(defined.defineAssessmentIndicator.version).toBe(count + 1);
    const current = await city.data<{ assessmentIndicators: { code: string; sampleMeasure: string | null; minSample: number | null }[] }>(`{ assessmentIndicators { code sampleMeasure minSample } }`);
    expect(current.assessmentIndicators.find((i) => i.code === 'CLOSE_RATE')).toEqual({ code: 'CLOSE_RATE', sampleMeasure: 'due', minSample: 3 });
  });

  it('assesses an urban district by 街道: its urban grids grouped by street code', async () => {
    const yaohai = await app.as('yaohai');
    const [district] = await app.ownerSql<{ id: number }>(`select id from grid where code = '340102000000'`);
    const unit = { unitId: gid('Grid', district.id) };
    const streets = await table(yaohai, { ...unit, subjectType: 'STREET' });
    const grids = await table(yaohai, { ...unit, subjectType: 'GRID' });
    const urban = await app.ownerSql<{ id: number; code: string }>(
      `select id, code from grid where county_id = $1 and kind = 'URBAN_MANAGEMENT' and active order by code`,
      [district.id],
    );
    expect(urban.length).toBe(41);
    const codes = [...new Set(urban.map((g) => g.code.slice(0, 12)))];
    expect(codes.length).toBeGreaterThan(1);
    expect(codes.length).toBeLessThan(urban.length);
    expect(streets.rows.map((r) => r.subjectId).sort()).toEqual(codes.map((code) => gid('Street', code)).sort());
    // Named as the division table names the street (街道, or a 镇 or zone at that level).
    const divisions = new Map(readFileSync(path.join(__dirname, '../../../../../seeds/data/hefei-divisions-2022.csv'), 'utf8').split('\n').map((line) => line.split(',') as [string, string]));
    expect(streets.rows.map((r) => r.subjectName).sort()).toEqual(codes.map((code) => divisions.get(code)).sort());
    // Each street's figures are its grids' together.
    for (const code of codes) {
      const street = streets.rows.find((r) => r.subjectId === gid('Street', code))!;
      const own = grids.rows.filter((r) => urban.some((g) => gid('Grid', g.id) === r.subjectId && g.code.startsWith(code)));
      for (const m of ['due', 'closed', 'reported', 'grids_total']) {
        expect([code, m, measure(street, m)]).toEqual([code, m, own.reduce((sum, r) => sum + measure(r, m), 0)]);
      }
    }
    expect(streets.rows.reduce((sum, r) => sum + measure(r, 'due'), 0)).toBeGreaterThan(0);
    // A street's figure drills down to the cases of its grids.
    const busy = streets.rows.find((r) => measure(r, 'due') > 0)!;
    const drill = await yaohai.data<{ assessmentDrillDown: { caseCount: number; cases: { grid: { code: string } }[] } }>(
      `query($input: AssessmentDrillDownInput!) { assessmentDrillDown(input: $input) { caseCount cases(first: 100) { grid { code } } } }`,
      { input: { ...input({ ...unit, subjectType: 'STREET' }), subjectId: busy.subjectId, measure: 'due' } },
    );
    const street = Buffer.from(busy.subjectId, 'base64url').toString().split(':')[1];
    expect(drill.assessmentDrillDown.caseCount).toBe(measure(busy, 'due'));
    expect(drill.assessmentDrillDown.cases.every((c) => c.grid.code.startsWith(street))).toBe(true);
    expect(streets.indicators.map((i) => i.code)).toContain('COMPOSITE');
    // Another county's admin cannot read them.
    expect((await feidong.request(TABLE, { input: input({ ...unit, subjectType: 'STREET' }) })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
