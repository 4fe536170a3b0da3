import { FakeClock } from '../../../common/clock';
import { toGlobalId } from '../../../common/global-id';
import { beijing } from '../../../test/time';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';

const CREATE_PLAN = `mutation($input: CreatePlanInput!) { createEnforcementPlan(input: $input) { id kind year month title unit { code } progress { total done rate } } }`;
const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { id origin status dueAt overdue grid { code } officer { name } plan { id } parent { id } } }`;
const COMPLETE = `mutation($id: ID!, $result: String) { completeTask(id: $id, result: $result) { id status result completedAt } }`;
const PLAN = `query($id: ID!) { enforcementPlan(id: $id) { id progress { total done rate } } }`;
const TASK = `query($id: ID!) { task(id: $id) { id status overdue progress { total done rate } subtasks { id status grid { code } } } }`;

const TOWNSHIP = '340122104000'; // 长临河镇
const VILLAGE = '340122104008'; // the demo grid worker's village
const OTHER_VILLAGE = '340122104001';

type Errors = { errors?: { extensions?: Record<string, unknown> }[] };

describe('enforcement plans and tasks', () => {
  const clock = new FakeClock(beijing('2026-12-01T09:00:00'));
  let app: TestApp;
  let county: GraphQLClient;
  let township: GraphQLClient;
  let worker: GraphQLClient;
  const codeOf = (r: Errors) => r.errors?.[0]?.extensions?.code;
  const grid = async (code: string) => toGlobalId('Grid', (await app.ownerSql<{ id: number }>(`select id from grid where code = $1`, [code]))[0].id);
  const officerOf = async (code: string) =>
    toGlobalId('Officer', (await app.ownerSql<{ id: number }>(`select o.id from officer o join grid g on g.id = o.employer_unit_id where g.code = $1 order by o.id limit 1`, [code]))[0].id);
  const createTask = async (client: GraphQLClient, input: Record<string, unknown>) =>
    (await client.data<{ createTask: { id: string; status: string; overdue: boolean; origin: string } }>(CREATE_TASK, { input })).createTask;

  beforeAll(async () => {
    app = await startTestApp({ clock });
    county = await app.as('feidong');
    township = await app.as('township');
    worker = await app.as('gridworker');
  });
  afterAll(() => app.close());

  it('plans per unit: the county plans for itself, the township sees it, other counties do not', async () => {
    const annual = await county.data<{ createEnforcementPlan: { id: string; unit: { code: string } } }>(CREATE_PLAN, {
      input: { kind: 'ANNUAL', year: 2027, title: '2027年度环境执法计划' },
    });
    expect(annual.createEnforcementPlan.unit.code).toBe('340122000000');
    const monthly = await township.data<{ createEnforcementPlan: { month: number } }>(CREATE_PLAN, {
      input: { kind: 'MONTHLY', year: 2026, month: 12, title: '长临河镇12月执法计划' },
    });
    expect(monthly.createEnforcementPlan.month).toBe(12);
    expect(codeOf(await township.request(CREATE_PLAN, { input: { kind: 'MONTHLY', year: 2026, title: '缺月份' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await worker.request(CREATE_PLAN, { input: { kind: 'ANNUAL', year: 2027, title: 'x' } }))).toBe('FORBIDDEN');
    // A township may not plan for its county.
    expect(codeOf(await township.request(CREATE_PLAN, { input: { kind: 'ANNUAL', year: 2027, title: 'x', unitId: await grid('340122000000') } }))).toBe('NOT_FOUND');

    const seen = await township.data<{ enforcementPlans: { nodes: { id: string }[] } }>(`{ enforcementPlans(first: 10) { nodes { id } } }`);
    expect(seen.enforcementPlans.nodes.map((n) => n.id)).toContain(annual.createEnforcementPlan.id);
    expect(codeOf(await (await app.as('yaohai')).request(PLAN, { id: annual.createEnforcementPlan.id }))).toBe('NOT_FOUND');
  });

  it("a plan's completion is its tasks' completion", async () => {
    const plan = (await county.data<{ createEnforcementPlan: { id: string } }>(CREATE_PLAN, { input: { kind: 'MONTHLY', year: 2026, month: 12, title: '肥东县12月执法计划' } }))
      .createEnforcementPlan.id;
    const officer = await officerOf(TOWNSHIP);
    const onTownship = await createTask(county, { planId: plan, title: '重点源检查', gridId: await grid(TOWNSHIP), officerId: officer });
    const onVillage = await createTask(county, { planId: plan, title: '村级巡查', gridId: await grid(VILLAGE) });
    expect(onTownship.origin).toBe('PLANNED');
    // Adding lines to the county's plan is the county's business.
    expect(codeOf(await township.request(CREATE_TASK, { input: { planId: plan, title: 'x', gridId: await grid(VILLAGE) } }))).toBe('FORBIDDEN');
    expect((await county.data<{ enforcementPlan: { progress: unknown } }>(PLAN, { id: plan })).enforcementPlan.progress).toEqual({ total: 2, done: 0, rate: 0 });
    const lines = await county.data<{ enforcementPlan: { tasks: { nodes: { id: string }[] } } }>(`query($id: ID!) { enforcementPlan(id: $id) { tasks(first: 10) { nodes { id } } } }`, { id: plan });
    expect(lines.enforcementPlan.tasks.nodes.map((n) => n.id)).toEqual([onTownship.id, onVillage.id]);
    // A county officer who is not on this township cannot be given its task.
    const elsewhere = toGlobalId(
      'Officer',
      (
        await app.ownerSql<{ id: number }>(
          `select o.id from officer o join grid u on u.id = o.employer_unit_id and u.code = '340122000000'
            where not exists (select 1 from officer_grid og join grid g on g.id = og.grid_id where og.officer_id = o.id and g.code = $1) order by o.id limit 1`,
          [TOWNSHIP],
        )
      )[0].id,
    );
    expect(codeOf(await county.request(CREATE_TASK, { input: { planId: plan, title: 'x', gridId: await grid(TOWNSHIP), officerId: elsewhere } }))).toBe('BAD_USER_INPUT');

    const done = await worker.data<{ completeTask: { status: string; result: string } }>(COMPLETE, { id: onVillage.id, result: '已巡查, 无问题' });
    expect(done.completeTask).toMatchObject({ status: 'DONE', result: '已巡查, 无问题' });
    expect(codeOf(await worker.request(COMPLETE, { id: onVillage.id }))).toBe('CONFLICT');
    // The village worker does not reach the township's own grid.
    expect(codeOf(await worker.request(COMPLETE, { id: onTownship.id }))).toBe('NOT_FOUND');
    expect((await county.data<{ enforcementPlan: { progress: unknown } }>(PLAN, { id: plan })).enforcementPlan.progress).toEqual({ total: 2, done: 1, rate: 0.5 });
  });

  it('a non-planned task is decomposed to grids and people, completes bottom-up, and shows overdue', async () => {
    expect(codeOf(await county.request(CREATE_TASK, { input: { origin: 'INSTRUCTION', title: '无期限', gridId: await grid(TOWNSHIP) } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await county.request(CREATE_TASK, { input: { title: '无来源', gridId: await grid(TOWNSHIP), dueAt: beijing('2026-12-10T18:00:00') } }))).toBe('BAD_USER_INPUT');
    const parent = await createTask(county, { origin: 'INSTRUCTION', title: '市领导批示: 秸秆焚烧排查', gridId: await grid(TOWNSHIP), dueAt: beijing('2026-12-10T18:00:00') });

    const workerId = toGlobalId('GridWorker', (await app.ownerSql<{ id: number }>(`select grid_worker_id as id from account where login = 'gridworker'`))[0].id);
    const mine = await createTask(township, { parentId: parent.id, title: '六家畈排查', gridId: await grid(VILLAGE), gridWorkerId: workerId });
    const other = await createTask(township, { parentId: parent.id, title: '另一村排查', gridId: await grid(OTHER_VILLAGE) });
    expect(mine.origin).toBe('INSTRUCTION');
    const assigned = await worker.data<{ tasks: { nodes: { id: string }[] } }>(`{ tasks(first: 10, filter: { assignedToMe: true }) { nodes { id } } }`);
    expect(assigned.tasks.nodes.map((n) => n.id)).toEqual([mine.id]);
    expect(codeOf(await township.request(CREATE_TASK, { input: { parentId: parent.id, title: 'x', gridId: await grid(VILLAGE), dueAt: beijing('2026-12-20T18:00:00') } }))).toBe(
      'BAD_USER_INPUT',
    );
    // Another township's grid is out of reach.
    expect(codeOf(await township.request(CREATE_TASK, { input: { parentId: parent.id, title: 'x', gridId: await grid('340122100000') } }))).toBe('NOT_FOUND');

    expect(codeOf(await county.request(COMPLETE, { id: parent.id }))).toBe('CONFLICT');
    await worker.data(COMPLETE, { id: mine.id, result: '已排查' });
    expect(codeOf(await worker.request(COMPLETE, { id: other.id }))).toBe('NOT_FOUND');

    clock.set(beijing('2026-12-11T09:00:00'));
    const overdue = await county.data<{ tasks: { nodes: { id: string }[] } }>(`{ tasks(first: 50, filter: { overdue: true }) { nodes { id } } }`);
    expect(overdue.tasks.nodes.map((n) => n.id).sort()).toEqual([parent.id, other.id].sort());
    const view = await county.data<{ task: { overdue: boolean; progress: unknown; subtasks: { status: string }[] } }>(TASK, { id: parent.id });
    expect(view.task).toMatchObject({ overdue: true, progress: { total: 2, done: 1, rate: 0.5 } });

    await township.data(COMPLETE, { id: other.id });
    const closed = await county.data<{ completeTask: { status: string } }>(COMPLETE, { id: parent.id, result: '全镇排查完毕' });
    expect(closed.completeTask.status).toBe('DONE');
    expect((await county.data<{ task: { overdue: boolean; progress: unknown } }>(TASK, { id: parent.id })).task).toMatchObject({ overdue: false, progress: { total: 2, done: 2, rate: 1 } });
  });

  it('cancelling takes open subtasks along; only planners cancel', async () => {
    const parent = await createTask(county, { origin: 'COMPLAINT', title: '群众投诉: 夜间异味', gridId: await grid(TOWNSHIP), dueAt: beijing('2026-12-20T18:00:00') });
    const sub = await createTask(township, { parentId: parent.id, title: '核查', gridId: await grid(VILLAGE) });
    expect(codeOf(await worker.request(`mutation($id: ID!) { cancelTask(id: $id) { id } }`, { id: sub.id }))).toBe('FORBIDDEN');
    await county.data(`mutation($id: ID!) { cancelTask(id: $id) { id } }`, { id: parent.id });
    const rows = await app.ownerSql<{ status: string }>(`select status from work_task where id in ($1, $2)`, [
      Number(Buffer.from(parent.id, 'base64url').toString().split(':')[1]),
      Number(Buffer.from(sub.id, 'base64url').toString().split(':')[1]),
    ]);
    expect(rows.map((r) => r.status)).toEqual(['CANCELLED', 'CANCELLED']);
  });
});
