import { FakeClock } from '../../../common/clock';
import { toGlobalId } from '../../../common/global-id';
import { beijing } from '../../../test/time';
import { runAsSystem } from '../../../context/unit-of-work';
import { generateAllPatrolPlans } from '../patrol-job';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';

const PLAN_FIELDS = `id month requiredCount baseCount factor doneCount expectedCount completionRate grid { code } gridWorker { name }`;
const GENERATE = `mutation($month: String!, $withinId: ID) { generatePatrolPlans(month: $month, withinId: $withinId) { month plans created updated } }`;
const CHECK_IN = `mutation($input: CheckInInput!) { checkIn(input: $input) { id outsideBoundary boundaryChecked location { lng lat } grid { code } } }`;
const PLANS = `query($filter: PatrolPlanFilter!) { patrolPlans(first: 100, filter: $filter) { totalCount nodes { ${PLAN_FIELDS} } } }`;
const COVERAGE = `query($withinId: ID, $month: String) { coverage(withinId: $withinId, month: $month, first: 100) {
  unit { code } month gridCount gapCount gaps { grid { code } officers gridWorkers } plannedWorkers behindCount
  workersBehind { gridWorker { name } required done expected } requiredPatrols donePatrols completionRate } }`;

const TOWNSHIP = '340122104000'; // 长临河镇
const VILLAGE = '340122104008'; // the demo grid worker's village

interface PlanView {
  id: string;
  month: string;
  requiredCount: number;
  baseCount: number;
  factor: number;
  doneCount: number;
  expectedCount: number;
  completionRate: number;
  grid: { code: string };
}

describe('patrol plans, check-ins and coverage', () => {
  const clock = new FakeClock(beijing('2026-11-28T10:00:00'));
  let app: TestApp;
  let township: GraphQLClient;
  let worker: GraphQLClient;
  const gridId = async (code: string) => toGlobalId('Grid', (await app.ownerSql<{ id: number }>(`select id from grid where code = $1`, [code]))[0].id);
  const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    app = await startTestApp({ clock });
    township = await app.as('township');
    worker = await app.as('gridworker');
  });
  afterAll(() => app.close());

  it('coverage of the seeded month: workers behind are those with fewer patrols than the elapsed share of their plan', async () => {
    const { coverage } = await township.data<{ coverage: Record<string, unknown> & { workersBehind: { done: number; expected: number }[] } }>(COVERAGE, { month: '2026-11' });
    // The same figures straight from the tables, as the database owner.
    const share = (clock.now().getTime() - beijing('2026-11-01T00:00:00').getTime()) / (30 * 86_400_000);
    const rows = await app.ownerSql<{ required: number; done: number }>(
      `select p.required_count as required,
              (select count(distinct ((c.at at time zone 'UTC') + interval '8 hours')::date) from patrol_check_in c
                where c.grid_worker_id = p.grid_worker_id and c.grid_id = p.grid_id and not c.outside_boundary
                  and c.at >= $2 and c.at < $3)::int as done
         from patrol_plan p join grid g on g.id = p.grid_id
        where p.month = '2026-11-01' and g.township_id = (select id from grid where code = $1)`,
      [TOWNSHIP, beijing('2026-11-01T00:00:00'), beijing('2026-12-01T00:00:00')],
    );
    const behind = rows.filter((r) => Math.min(r.done, r.required) < Math.floor(r.required * share));
    expect(rows.length).toBeGreaterThan(10);
    expect(behind.length).toBeGreaterThan(0);
    expect(coverage).toMatchObject({
      unit: { code: TOWNSHIP },
      month: '2026-11',
      plannedWorkers: rows.length,
      behindCount: behind.length,
      requiredPatrols: rows.reduce((n, r) => n + r.required, 0),
      donePatrols: rows.reduce((n, r) => n + Math.min(r.done, r.required), 0),
      gapCount: 0,
    });
    expect(coverage.workersBehind.every((w) => w.done < w.expected)).toBe(true);
  });

  it('coverage lists a grid whose only grid worker left, and is refused outside the unit', async () => {
    await app.ownerSql(`update grid_worker set active = false where id = (select grid_worker_id from grid_worker_grid wg join grid g on g.id = wg.grid_id where g.code = '340122104001')`);
    const { coverage } = await township.data<{ coverage: { gapCount: number; gaps: { grid: { code: string }; officers: number; gridWorkers: number }[] } }>(COVERAGE, {});
    expect(coverage.gapCount).toBe(1);
    // Still covered by officers (the township's own and a county officer), no longer by a grid worker.
    expect(coverage.gaps).toEqual([{ grid: { code: '340122104001' }, officers: 2, gridWorkers: 0 }]);
    // The county sees the same gap in its whole territory; another county cannot look.
    const feidong = await (await app.as('feidong')).data<{ coverage: { gaps: { grid: { code: string } }[] } }>(COVERAGE, {});
    expect(feidong.coverage.gaps.map((g) => g.grid.code)).toContain('340122104001');
    expect(codeOf(await (await app.as('yaohai')).request(COVERAGE, { withinId: await gridId(TOWNSHIP) }))).toBe('NOT_FOUND');
    // A village grid worker may not read the patrol plans of the whole township.
    expect(codeOf(await worker.request(COVERAGE, {}))).toBe('FORBIDDEN');
    await app.ownerSql(`update grid_worker set active = true where id = (select grid_worker_id from grid_worker_grid wg join grid g on g.id = wg.grid_id where g.code = '340122104001')`);
  });

  it('coverage says a list length out of 1-100 is bad input instead of clamping it', async () => {
    const feidong = await app.as('feidong');
    const ask = (first: number) => feidong.request(`query($first: Int!) { coverage(first: $first) { gridCount } }`, { first });
    for (const first of [-5, 0, 101]) {
      const result = await ask(first);
      expect([first, codeOf(result), result.errors?.[0].message]).toEqual([first, 'BAD_USER_INPUT', 'first must be 1-100']);
    }
    expect((await ask(100)).errors).toBeUndefined();
  });

  it('the city sets the rule; nobody else may', async () => {
    const rules = await township.data<{ patrolRules: { gridLevel: string; gridKind: string; timesPerMonth: number }[] }>(`{ patrolRules { gridLevel gridKind timesPerMonth } }`);
    expect(rules.patrolRules).toContainEqual({ gridLevel: 'VILLAGE', gridKind: 'ADMINISTRATIVE', timesPerMonth: 4 });
    const set = `mutation($input: SetPatrolRuleInput!) { setPatrolRule(input: $input) { gridLevel timesPerMonth } }`;
    const input = { gridLevel: 'VILLAGE', gridKind: 'ADMINISTRATIVE', timesPerMonth: 6 };
    expect(codeOf(await township.request(set, { input }))).toBe('FORBIDDEN');
    expect(codeOf(await (await app.as('cityadmin')).request(set, { input: { ...input, timesPerMonth: 40 } }))).toBe('BAD_USER_INPUT');
    expect((await (await app.as('cityadmin')).data<{ setPatrolRule: unknown }>(set, { input })).setPatrolRule).toEqual({ gridLevel: 'VILLAGE', timesPerMonth: 6 });
  });

  it('the township generates its December plans idempotently; a changed rule updates them in place', async () => {
    clock.set(beijing('2026-12-03T09:00:00'));
    const workers = await app.ownerSql<{ n: number }>(
      `select count(*)::int as n from grid_worker_grid wg join grid g on g.id = wg.grid_id join grid_worker w on w.id = wg.grid_worker_id
        where w.active and g.active and g.township_id = (select id from grid where code = $1)`,
      [TOWNSHIP],
    );
    const first = await township.data<{ generatePatrolPlans: { plans: number; created: number; updated: number } }>(GENERATE, { month: '2026-12' });
    expect(first.generatePatrolPlans).toEqual({ month: '2026-12', plans: workers[0].n, created: workers[0].n, updated: 0 });
    const again = await township.data<{ generatePatrolPlans: { created: number; updated: number } }>(GENERATE, { month: '2026-12' });
    expect(again.generatePatrolPlans).toMatchObject({ created: 0, updated: workers[0].n });
    const stored = await app.ownerSql<{ n: number; villages: number }>(
      `select count(*)::int as n, count(*) filter (where g.level = 'VILLAGE' and p.required_count = 6)::int as villages
         from patrol_plan p join grid g on g.id = p.grid_id where p.month = '2026-12-01'`,
    );
    expect(stored[0].n).toBe(workers[0].n);
    expect(stored[0].villages).toBe(workers[0].n - 1); // the township's own grid keeps its rule of 2

    expect(codeOf(await worker.request(GENERATE, { month: '2026-12' }))).toBe('FORBIDDEN');
    expect(codeOf(await township.request(GENERATE, { month: '2026-13' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await (await app.as('yaohai')).request(GENERATE, { month: '2026-12', withinId: await gridId(TOWNSHIP) }))).toBe('NOT_FOUND');
  });

  it('check-ins: inside counts once a day, outside the boundary is stored, flagged, listed and not counted', async () => {
    const village = await gridId(VILLAGE);
    // A 0.02° square around the village's patrol point.
    const square = { type: 'Polygon', coordinates: [[[117.5, 31.8], [117.52, 31.8], [117.52, 31.82], [117.5, 31.82], [117.5, 31.8]]] };
    // The seed approximates the village's boundary; a grid without one is not checked.
    await app.ownerSql(`update grid set boundary = null where code = $1`, [VILLAGE]);
    const noBoundary = await worker.data<{ checkIn: { outsideBoundary: boolean; boundaryChecked: boolean } }>(CHECK_IN, {
      input: { gridId: village, location: { lng: 117.6, lat: 31.9 }, notes: '无边界' },
    });
    expect(noBoundary.checkIn).toMatchObject({ outsideBoundary: false, boundaryChecked: false });
    await app.ownerSql(`update grid set boundary = $1 where code = $2`, [JSON.stringify(square), VILLAGE]);
    clock.set(beijing('2026-12-04T09:00:00'));
    const inside = await worker.data<{ checkIn: Record<string, unknown> }>(CHECK_IN, { input: { gridId: village, location: { lng: 117.51, lat: 31.81 } } });
    expect(inside.checkIn).toMatchObject({ outsideBoundary: false, boundaryChecked: true, grid: { code: VILLAGE } });
    const sameDay = await worker.data<{ checkIn: Record<string, unknown> }>(CHECK_IN, { input: { gridId: village, location: { lng: 117.505, lat: 31.815 } } });
    expect(sameDay.checkIn).toMatchObject({ outsideBoundary: false });
    clock.set(beijing('2026-12-05T09:00:00'));
    const outside = await worker.data<{ checkIn: { id: string; outsideBoundary: boolean } }>(CHECK_IN, { input: { gridId: village, location: { lng: 117.6, lat: 31.9 } } });
    expect(outside.checkIn).toMatchObject({ outsideBoundary: true });

    const { patrolPlans } = await township.data<{ patrolPlans: { nodes: PlanView[] } }>(PLANS, { filter: { month: '2026-12', withinId: village } });
    // Dec 3 (no boundary yet) and Dec 4 (twice, one day) count; Dec 5 was outside.
    expect(patrolPlans.nodes).toEqual([expect.objectContaining({ month: '2026-12', requiredCount: 6, doneCount: 2, completionRate: 2 / 6, grid: { code: VILLAGE } })]);

    const listed = await township.data<{ patrolCheckIns: { nodes: { id: string }[] } }>(
      `query($filter: PatrolCheckInFilter) { patrolCheckIns(first: 10, filter: $filter) { nodes { id } } }`,
      { filter: { outsideBoundary: true, month: '2026-12' } },
    );
    expect(listed.patrolCheckIns.nodes).toEqual([{ id: outside.checkIn.id }]);
  });

  it('only grid workers check in, and only on grids they reach', async () => {
    const village = await gridId(VILLAGE);
    const input = { gridId: village, location: { lng: 117.51, lat: 31.81 } };
    expect(codeOf(await (await app.as('officer')).request(CHECK_IN, { input }))).toBe('FORBIDDEN');
    expect(codeOf(await township.request(CHECK_IN, { input }))).toBe('FORBIDDEN');
    expect(codeOf(await worker.request(CHECK_IN, { input: { ...input, gridId: await gridId('340122104001') } }))).toBe('NOT_FOUND');
    expect(codeOf(await worker.request(CHECK_IN, { input: { ...input, location: { lng: 200, lat: 31.8 } } }))).toBe('BAD_USER_INPUT');
  });

  it('behind: the filter and the plan fields agree', async () => {
    clock.set(beijing('2026-12-20T09:00:00'));
    const { patrolPlans } = await township.data<{ patrolPlans: { totalCount: number; nodes: PlanView[] } }>(PLANS, { filter: { month: '2026-12', behind: true } });
    expect(patrolPlans.totalCount).toBeGreaterThan(0);
    expect(patrolPlans.nodes.every((p) => p.doneCount < p.expectedCount)).toBe(true);
    const onTrack = await township.data<{ patrolPlans: { nodes: PlanView[] } }>(PLANS, { filter: { month: '2026-12', behind: false } });
    expect(onTrack.patrolPlans.nodes.every((p) => p.doneCount >= p.expectedCount)).toBe(true);
  });

  it("the scheduler's daily run creates the month's plans for the whole city once", async () => {
    clock.set(beijing('2027-01-01T00:05:00'));
    const pairs = await app.ownerSql<{ n: number }>(
      `select count(*)::int as n from grid_worker_grid wg join grid g on g.id = wg.grid_id and g.active
         join grid_worker w on w.id = wg.grid_worker_id and w.active join patrol_rule r on r.grid_level = g.level and r.grid_kind = g.kind`,
    );
    const first = await runAsSystem(app.ownerOrm, clock, generateAllPatrolPlans);
    expect(first).toEqual({ month: '2027-01', plans: pairs[0].n, created: pairs[0].n, updated: 0 });
    const again = await runAsSystem(app.ownerOrm, clock, generateAllPatrolPlans);
    expect(again).toMatchObject({ created: 0, updated: pairs[0].n });
  });
  it('a sensitive period raises the plan for the days it lasts (mean of the daily factor over the month)', async () => {
    // 10 of February 2027's 28 days at factor 2 on 长临河镇: factor 1 + 10/28 = 1.357 (3 decimals).
    const city = await app.as('cityadmin');
    await city.data(`mutation($input: SensitivePeriodInput!) { createSensitivePeriod(input: $input) { id } }`, {
      input: { name: '秸秆禁烧期', startsOn: '2027-02-10', endsOn: '2027-02-19', gridIds: [await gridId(TOWNSHIP)], inspectionFactor: 1, patrolFactor: 2 },
    });
    await township.data(GENERATE, { month: '2027-02' });
    await (await app.as('feidong')).data(GENERATE, { month: '2027-02', withinId: await gridId('340122100000') });
    const rows = await app.ownerSql<{ township: string; level: string; factor: number; base: number; required: number }>(
      `select distinct t.code as township, g.level::text as level, p.factor, p.base_count as base, p.required_count as required
         from patrol_plan p join grid g on g.id = p.grid_id join grid t on t.id = g.township_id
        where p.month = '2027-02-01' order by 1, 2`,
    );
    // Villages: base 6 (the rule set above) × 1.357 = 8.14 → 9; the township grid: 2 × 1.357 = 2.71 → 3; elsewhere unchanged.
    expect(rows).toEqual([
      { township: '340122100000', level: 'TOWNSHIP', factor: 1, base: 2, required: 2 },
      { township: '340122100000', level: 'VILLAGE', factor: 1, base: 6, required: 6 },
      { township: TOWNSHIP, level: 'TOWNSHIP', factor: 1.357, base: 2, required: 3 },
      { township: TOWNSHIP, level: 'VILLAGE', factor: 1.357, base: 6, required: 9 },
    ]);
  });
});
