import { FakeClock } from '../../../common/clock';
import { fromGlobalId } from '../../../common/global-id';
import { runAsSystem } from '../../../context/unit-of-work';
import { GraphQLClient, startTestApp, type TestApp } from '../../../test/test-app';
import { sweepDeadlines } from '../../supervision/deadline-sweep.service';
import { insertPartnerAlerts } from '../../supervision/supervision.sql';
import { phonePhoto } from '../../../test/photo';
import { count, report, step, upload, walk, fullInput, INPUT_EXTRAS, seeded, type Seeded } from './workflow-helpers';

const PASSWORD = 'joint-enforcement-1';

interface AssignmentView {
  id: string;
  lead: boolean;
  active: boolean;
  state: string;
  version: number;
  dueAt: string | null;
  feedback: string | null;
  fedBackAt: string | null;
  acceptedAt: string | null;
  department: { name: string } | null;
  availableActions: string[];
}

const ASSIGNMENT = `id lead active state version dueAt feedback fedBackAt acceptedAt department { name } availableActions`;

/**
 * 联合执法 on the no-platform path of 肥东县: the county dispatches a dust case to its 城管局
 * (lead) and 水务局 (partner). The partner reads its case, accepts and feeds back on its own
 * assignment; the lead sees that and gives the case's feedback; the grid worker closes it.
 */
describe('joint enforcement: partner departments have their own step', () => {
  let app: TestApp;
  let s: Seeded;
  let feidong: GraphQLClient;
  let lead: GraphQLClient;
  let partner: GraphQLClient;
  let outsider: GraphQLClient;
  let water: string;
  let urban: string;

  /** A department account of 肥东县, made by the county's administration. */
  async function departmentAccount(login: string, departmentId: string): Promise<GraphQLClient> {
    const [county] = await app.ownerSql<{ id: number }>(`select id from grid where code = '340122000000'`);
    await feidong.data(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, {
      input: { login, displayName: login, password: PASSWORD, unitId: Buffer.from(`Grid:${county.id}`).toString('base64url'), role: 'COUNTY_DEPARTMENT', departmentId },
    });
    return new GraphQLClient(app.url).signIn(login, PASSWORD);
  }

  beforeAll(async () => {
    app = await startTestApp();
    s = await seeded(app);
    feidong = await app.as('feidong');
    lead = await app.as('countydept');
    water = await s.department('340122000000', 'WATER');
    urban = await s.department('340122000000', 'URBAN_MANAGEMENT');
    partner = await departmentAccount('feidong-water', water);
    outsider = await departmentAccount('feidong-transport', await s.department('340122000000', 'TRANSPORT'));
  });
  afterAll(() => app.close());

  async function dispatched() {
    const worker = await app.as('gridworker');
    let kase = await report(worker, { gridId: s.village, categoryId: s.dust, origin: 'COMPLAINT', complainantName: '张三', complainantPhone: '13800000000' });
    kase = await walk(await app.as('township'), 'ESCALATE', kase);
    kase = await walk(feidong, 'FILE', kase);
    return walk(feidong, 'DISPATCH', kase, { departmentIds: [urban, water], leadDepartmentId: urban });
  }

  async function assignments(client: GraphQLClient, id: string): Promise<AssignmentView[]> {
    const { case: kase } = await client.data<{ case: { assignments: AssignmentView[] } }>(`query($id: ID!) { case(id: $id) { assignments { ${ASSIGNMENT} } } }`, { id });
    return kase.assignments;
  }

  async function partnerStep(client: GraphQLClient, mutation: 'acceptAssignment' | 'feedBackAssignment', input: Record<string, unknown>) {
    const type = mutation === 'acceptAssignment' ? 'AssignmentStepInput' : 'AssignmentFeedbackInput';
    return client.request<Record<string, AssignmentView>>(`mutation($input: ${type}!) { ${mutation}(input: $input) { ${ASSIGNMENT} } }`, { input });
  }

  it('dispatch, partner reads and accepts and feeds back, the lead sees it and feeds back, the case closes', async () => {
    let kase = await dispatched();

    // The partner reads its joint case and the timeline, but not the complainant.
    const read = await partner.request<{ case: { number: string; complainantName: string | null; events: { nodes: { action: string }[] } } }>(
      `query($id: ID!) { case(id: $id) { number complainantName events(first: 20) { nodes { action } } } }`,
      { id: kase.id },
    );
    expect(read.data?.case.number).toBe(kase.number);
    expect(read.data?.case.events.nodes.map((e) => e.action)).toEqual(['REPORT', 'ESCALATE', 'FILE', 'DISPATCH']);
    expect(read.data?.case.complainantName ?? null).toBeNull();
    expect(read.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // Its own assignment, with the handling limit as its deadline; the lead's case actions are not its.
    let mine = (await assignments(partner, kase.id)).find((a) => !a.lead)!;
    expect(mine).toMatchObject({ state: 'DISPATCHED', department: { name: '肥东县水务局' }, availableActions: ['ACCEPT_ASSIGNMENT'] });
    expect(mine.dueAt).not.toBeNull();
    const { case: partnerView } = await partner.data<{ case: { availableActions: string[]; dueAt: string } }>(`query($id: ID!) { case(id: $id) { availableActions dueAt } }`, { id: kase.id });
    expect(partnerView.availableActions).toEqual(['ACCEPT_ASSIGNMENT']);
    expect(mine.dueAt).toBe(partnerView.dueAt);
    expect((await assignments(lead, kase.id)).find((a) => !a.lead)!.availableActions).toEqual([]);

    // Feedback before accepting is not a step of the assignment's table.
    const early = await partnerStep(partner, 'feedBackAssignment', { id: mine.id, version: mine.version, result: '已排查排水口' });
    expect(early.errors?.[0].extensions?.code).toBe('ILLEGAL_TRANSITION');
    // The lead may not act on the partner's assignment.
    expect((await partnerStep(lead, 'acceptAssignment', { id: mine.id, version: mine.version })).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const events = await count(app, 'case_event');
    mine = (await partnerStep(partner, 'acceptAssignment', { id: mine.id, version: mine.version })).data!.acceptAssignment;
    expect(mine).toMatchObject({ state: 'ACCEPTED', availableActions: ['FEED_BACK_ASSIGNMENT'] });
    expect(mine.acceptedAt).not.toBeNull();
    // A stale version is a conflict and writes nothing.
    const stale = await partnerStep(partner, 'feedBackAssignment', { id: mine.id, version: mine.version - 1, result: '已排查排水口' });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    mine = (await partnerStep(partner, 'feedBackAssignment', { id: mine.id, version: mine.version, result: '已排查周边排水口, 未发现偷排' })).data!.feedBackAssignment;
    expect(mine).toMatchObject({ state: 'FED_BACK', feedback: '已排查周边排水口, 未发现偷排', availableActions: [] });
    expect(await count(app, 'case_event')).toBe(events + 2);

    // The lead sees the partner's progress and gives the case's feedback; the partner cannot.
    const seen = await assignments(lead, kase.id);
    expect(seen.map((a) => [a.department?.name, a.lead, a.state, a.feedback])).toEqual([
      ['肥东县城管局', true, 'DISPATCHED', null],
      ['肥东县水务局', false, 'FED_BACK', '已排查周边排水口, 未发现偷排'],
    ]);
    kase = await walk(lead, 'ACCEPT', kase);
    expect((await step(partner, 'FEEDBACK', fullInput(kase, INPUT_EXTRAS.FEEDBACK))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    kase = await walk(lead, 'FEEDBACK', kase);
    expect(kase.status).toBe('FED_BACK');
    // After the case's feedback the partner's step is over.
    expect((await assignments(partner, kase.id)).find((a) => !a.lead)!.availableActions).toEqual([]);

    const worker = await app.as('gridworker');
    expect((await upload(app, worker, kase.id, 'VERIFY', phonePhoto('2026:03:05 16:00:00', { lng: 117.47, lat: 31.88 }))).status).toBe(201);
    kase = await walk(worker, 'VERIFY_PASS', kase);
    expect(kase.status).toBe('CLOSED');

    // One timeline: the partner's steps with its person and department.
    const { case: timeline } = await feidong.data<{ case: { events: { nodes: { action: string; actorRole: string; details: Record<string, unknown> | null }[] } } }>(
      `query($id: ID!) { case(id: $id) { events(first: 50) { nodes { action actorRole details } } } }`,
      { id: kase.id },
    );
    expect(timeline.events.nodes.map((e) => `${e.action}:${e.actorRole}`)).toEqual([
      'REPORT:GRID_WORKER',
      'ESCALATE:TOWNSHIP_ADMIN',
      'FILE:COUNTY_ADMIN',
      'DISPATCH:COUNTY_ADMIN',
      'ACCEPT_ASSIGNMENT:COUNTY_DEPARTMENT',
      'FEED_BACK_ASSIGNMENT:COUNTY_DEPARTMENT',
      'ACCEPT:COUNTY_DEPARTMENT',
      'FEEDBACK:COUNTY_DEPARTMENT',
      'VERIFY_PASS:GRID_WORKER',
    ]);
    expect(timeline.events.nodes[5].details).toMatchObject({ departmentId: water, departmentName: '肥东县水务局', actorName: 'feidong-water', result: '已排查周边排水口, 未发现偷排' });
  });

  it('a department of the same county that is no partner gets NOT_FOUND', async () => {
    const kase = await dispatched();
    const result = await outsider.request(`query($id: ID!) { case(id: $id) { id } }`, { id: kase.id });
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const { cases } = await outsider.data<{ cases: { nodes: { id: string }[] } }>(`{ cases(first: 100) { nodes { id } } }`);
    expect(cases.nodes.map((c) => c.id)).not.toContain(kase.id);
    // The partner finds it in its list too.
    const { cases: partnerCases } = await partner.data<{ cases: { nodes: { id: string }[] } }>(`{ cases(first: 100) { nodes { id } } }`);
    expect(partnerCases.nodes.map((c) => c.id)).toContain(kase.id);
  });

  it('the lead waits for partners still in time: PARTNERS_PENDING, then allowed once they fed back', async () => {
    let kase = await dispatched();
    kase = await walk(lead, 'ACCEPT', kase);
    const events = await count(app, 'case_event');
    const refused = await step(lead, 'FEEDBACK', fullInput(kase, INPUT_EXTRAS.FEEDBACK));
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'PARTNERS_PENDING', pendingDepartments: ['肥东县水务局'] });
    expect(await count(app, 'case_event')).toBe(events);
    let mine = (await assignments(partner, kase.id)).find((a) => !a.lead)!;
    mine = (await partnerStep(partner, 'acceptAssignment', { id: mine.id, version: mine.version })).data!.acceptAssignment;
    await partnerStep(partner, 'feedBackAssignment', { id: mine.id, version: mine.version, result: '已配合现场检查' });
    kase = await walk(lead, 'FEEDBACK', kase);
    expect(kase.status).toBe('FED_BACK');
  });

  it('a partner past its own deadline no longer holds the case: the lead feeds back and the event names it late', async () => {
    let kase = await dispatched();
    kase = await walk(lead, 'ACCEPT', kase);
    const mine = (await assignments(partner, kase.id)).find((a) => !a.lead)!;
    // Its deadline passed (test setup behind the API's back: the clock is the test's).
    await app.ownerSql(`update case_assignment set due_at = '2026-01-01T00:00:00Z' where id = $1`, [Number(Buffer.from(mine.id, 'base64url').toString().split(':')[1])]);
    kase = await walk(lead, 'FEEDBACK', kase);
    expect(kase.status).toBe('FED_BACK');
    const { case: timeline } = await lead.data<{ case: { events: { nodes: { action: string; details: Record<string, unknown> | null }[] } } }>(
      `query($id: ID!) { case(id: $id) { events(first: 50) { nodes { action details } } } }`,
      { id: kase.id },
    );
    expect(timeline.events.nodes.at(-1)).toMatchObject({ action: 'FEEDBACK', details: { latePartners: ['肥东县水务局'] } });
  });

  it('the sweep urges a partner on its last day and supervises it once late, addressed to it; a partner that fed back is left alone', async () => {
    let kase = await dispatched();
    kase = await walk(lead, 'ACCEPT', kase);
    const owing = fromGlobalId('CaseAssignment', (await assignments(partner, kase.id)).find((a) => !a.lead)!.id);
    let other = await dispatched();
    other = await walk(lead, 'ACCEPT', other);
    let done = (await assignments(partner, other.id)).find((a) => !a.lead)!;
    done = (await partnerStep(partner, 'acceptAssignment', { id: done.id, version: done.version })).data!.acceptAssignment;
    await partnerStep(partner, 'feedBackAssignment', { id: done.id, version: done.version, result: '已配合' });

    // The partner was given less time than the case (behind the API's back), so its own deadline
    // passes while the case is still being handled.
    const [{ due }] = await app.ownerSql<{ due: Date }>(
      `update case_assignment a set due_at = c.due_at - interval '1 day' from "case" c where c.id = a.case_id and a.id = $1 returning a.due_at as due`,
      [owing],
    );
    const at = (offsetMs: number) => new FakeClock(new Date(due.getTime() + offsetMs));
    // The partners' pass on its last day, then whole sweeps once it is late (the first also
    // escalates the seed's late cases, which is what makes it slow), twice: each alert once.
    const lastDay = new Date(due.getTime() - 3_600_000);
    await runAsSystem(app.ownerOrm, at(-3_600_000), (ctx) => insertPartnerAlerts(ctx, lastDay, new Date(lastDay.getTime() + 24 * 3_600_000)));
    await runAsSystem(app.ownerOrm, at(3_600_000), sweepDeadlines);
    await runAsSystem(app.ownerOrm, at(3_600_000), sweepDeadlines);
    const raised = (id: number) =>
      app.ownerSql<{ kind: string; deadline: string; department: string; unit: string }>(
        `select a.kind, a.deadline, d.name as department, g.code as unit from case_alert a join department d on d.id = a.lead_department_id join grid g on g.id = a.handling_unit_id
          where a.assignment_id = $1 order by a.id`,
        [id],
      );
    expect(await raised(owing)).toEqual([
      { kind: 'URGE', deadline: 'PARTNER', department: '肥东县水务局', unit: '340122000000' },
      { kind: 'SUPERVISE', deadline: 'PARTNER', department: '肥东县水务局', unit: '340122000000' },
    ]);
    expect(await raised(fromGlobalId('CaseAssignment', done.id))).toEqual([]);
    // The partner reads them on the case it assists.
    const { case: seen } = await partner.data<{ case: { alerts: { kind: string; deadline: string; leadDepartment: { name: string } | null }[] } }>(
      `query($id: ID!) { case(id: $id) { alerts { kind deadline leadDepartment { name } } } }`,
      { id: kase.id },
    );
    expect(seen.alerts.filter((a) => a.deadline === 'PARTNER')).toEqual([
      { kind: 'URGE', deadline: 'PARTNER', leadDepartment: { name: '肥东县水务局' } },
      { kind: 'SUPERVISE', deadline: 'PARTNER', leadDepartment: { name: '肥东县水务局' } },
    ]);
  });

  it('a returned dispatch ends the partner’s access', async () => {
    let kase = await dispatched();
    kase = await walk(lead, 'RETURN', kase);
    expect((await partner.request(`query($id: ID!) { case(id: $id) { id } }`, { id: kase.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
