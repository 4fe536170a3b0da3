import { startTestApp, type TestApp } from '../../../test/test-app';
import { phonePhoto } from '../../../test/photo';
import { count, report, step, upload, walk, INPUT_EXTRAS, fullInput, seeded, type Seeded } from './workflow-helpers';

describe('case workflow: both paths walked by the right roles', () => {
  let app: TestApp;
  let s: Seeded;
  let dust: string;
  let yaohaiGrid: string;
  let villageGrid: string;

  beforeAll(async () => {
    app = await startTestApp();
    s = await seeded(app);
    dust = s.dust;
    yaohaiGrid = s.yaohaiGrid;
    villageGrid = s.village;
  });
  afterAll(() => app.close());

  it('platform path (瑶海区): file, dispatch by suggestion, accept, two extensions, feedback, verify, evaluate; events in order', async () => {
    const operator = await app.as('operator');
    const dept = await app.as('yaohaidept');
    const city = await app.as('cityadmin');
    let kase = await report(operator, { gridId: yaohaiGrid, categoryId: dust, origin: 'COMPLAINT' });
    expect(kase).toMatchObject({ status: 'REPORTED', viaPlatform: true, handlingUnit: { code: '340102000000' } });
    expect(kase.availableActions).toEqual(['FILE', 'CANCEL']);

    kase = await walk(operator, 'FILE', kase);
    const { dispatchSuggestions } = await operator.data<{ dispatchSuggestions: { id: string; name: string }[] }>(
      `query($id: ID!) { dispatchSuggestions(caseId: $id) { id name } }`,
      { id: kase.id },
    );
    expect(dispatchSuggestions.map((d) => d.name)).toContain('瑶海区城管局');
    const cityBureau = dispatchSuggestions.find((d) => d.name === '瑶海区城管局')!;
    kase = await walk(operator, 'DISPATCH', kase, { departmentIds: [cityBureau.id] });
    expect(kase).toMatchObject({ status: 'DISPATCHED', leadDepartment: { name: '瑶海区城管局' } });

    kase = await walk(dept, 'ACCEPT', kase);
    kase = await walk(dept, 'REQUEST_EXTENSION', kase);
    kase = await walk(operator, 'APPROVE_EXTENSION', kase);
    expect(kase.extensionCount).toBe(1);
    kase = await walk(dept, 'REQUEST_EXTENSION', kase);
    // A second extension needs the unit above the dispatcher: the city.
    const denied = await step(operator, 'APPROVE_EXTENSION', fullInput(kase));
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    kase = await walk(city, 'APPROVE_EXTENSION', kase);
    expect(kase.extensionCount).toBe(2);

    kase = await walk(dept, 'FEEDBACK', kase);
    // The on-site check reported to the platform, with its after photo.
    expect((await upload(app, operator, kase.id, 'VERIFY', phonePhoto('2026:03:05 16:00:00', { lng: 117.3, lat: 31.87 }))).status).toBe(201);
    kase = await walk(operator, 'VERIFY_PASS', kase);
    expect(kase.status).toBe('CLOSED');
    kase = await walk(operator, 'EVALUATE', kase);
    expect(kase.status).toBe('EVALUATED');

    const { case: timeline } = await city.data<{ case: { events: { nodes: { action: string; fromStatus: string; toStatus: string; actorRole: string }[] } } }>(
      `query($id: ID!) { case(id: $id) { events(first: 50) { nodes { action fromStatus toStatus actorRole } } } }`,
      { id: kase.id },
    );
    expect(timeline.events.nodes.map((e) => `${e.action}:${e.actorRole}`)).toEqual([
      'REPORT:PLATFORM_OPERATOR',
      'FILE:PLATFORM_OPERATOR',
      'DISPATCH:PLATFORM_OPERATOR',
      'ACCEPT:COUNTY_DEPARTMENT',
      'REQUEST_EXTENSION:COUNTY_DEPARTMENT',
      'APPROVE_EXTENSION:PLATFORM_OPERATOR',
      'REQUEST_EXTENSION:COUNTY_DEPARTMENT',
      'APPROVE_EXTENSION:CITY_ADMIN',
      'FEEDBACK:COUNTY_DEPARTMENT',
      'VERIFY_PASS:PLATFORM_OPERATOR',
      'EVALUATE:PLATFORM_OPERATOR',
    ]);
  });

  it('no-platform path (肥东县): the township escalates, the county dispatches, the department handles, the grid worker verifies (rework once)', async () => {
    const worker = await app.as('gridworker');
    const township = await app.as('township');
    const feidong = await app.as('feidong');
    const dept = await app.as('countydept');
    let kase = await report(worker, { gridId: villageGrid, categoryId: dust });
    expect(kase).toMatchObject({ status: 'REPORTED', viaPlatform: false, handlingUnit: { code: '340122104000' } });

    // The county may not file what its township handles.
    expect((await step(feidong, 'FILE', fullInput(kase))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    kase = await walk(township, 'ESCALATE', kase);
    // The township follows the case it escalated: it sees the county now handles it.
    expect(kase.handlingUnit).toEqual({ code: '340122000000' });
    // Once escalated, the township no longer acts on it.
    expect((await step(township, 'FILE', fullInput(kase))).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    kase = await walk(feidong, 'FILE', kase);
    const bureau = await s.department('340122000000', 'URBAN_MANAGEMENT');
    kase = await walk(feidong, 'DISPATCH', kase, { departmentIds: [bureau] });
    kase = await walk(dept, 'RETURN', kase);
    expect(kase).toMatchObject({ status: 'FILED', leadDepartment: null });
    kase = await walk(feidong, 'DISPATCH', kase, { departmentIds: [bureau] });
    kase = await walk(dept, 'ACCEPT', kase);
    kase = await walk(dept, 'FEEDBACK', kase);
    kase = await walk(worker, 'VERIFY_FAIL', kase);
    expect(kase.status).toBe('IN_PROGRESS');
    kase = await walk(dept, 'FEEDBACK', kase);
    expect((await upload(app, worker, kase.id, 'VERIFY', phonePhoto('2026:03:05 16:00:00', { lng: 117.47, lat: 31.88 }))).status).toBe(201);
    kase = await walk(worker, 'VERIFY_PASS', kase);
    expect(kase.status).toBe('CLOSED');
    kase = await walk(feidong, 'EVALUATE', kase);
    // Only the city reopens.
    expect((await step(feidong, 'REOPEN', fullInput(kase, INPUT_EXTRAS.REOPEN))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    kase = await walk(await app.as('cityadmin'), 'REOPEN', kase);
    expect(kase.status).toBe('FILED');
  });

  it('escalation repeats up to the city and stops there', async () => {
    const worker = await app.as('gridworker');
    const city = await app.as('cityadmin');
    let kase = await report(worker, { gridId: villageGrid, categoryId: dust });
    kase = await walk(await app.as('township'), 'ESCALATE', kase);
    kase = await walk(await app.as('feidong'), 'ESCALATE', kase);
    const { case: seen } = await city.data<{ case: { handlingUnit: { code: string } } }>(`query($id: ID!) { case(id: $id) { handlingUnit { code } } }`, { id: kase.id });
    expect(seen.handlingUnit.code).toBe('340100000000');
    const before = await count(app, 'case_event');
    const top = await step(city, 'ESCALATE', fullInput(kase, INPUT_EXTRAS.ESCALATE));
    expect(top.errors?.[0].extensions?.code).toBe('ILLEGAL_TRANSITION');
    expect(await count(app, 'case_event')).toBe(before);
    kase = await walk(city, 'FILE', kase);
    expect(kase.status).toBe('FILED');
  });

  it('dispatch is restricted to the handling unit’s departments, and a routing override is recorded', async () => {
    const feidong = await app.as('feidong');
    let kase = await report(feidong, { gridId: villageGrid, categoryId: dust });
    kase = await walk(await app.as('township'), 'ESCALATE', kase);
    kase = await walk(feidong, 'FILE', kase);
    const other = await s.department('340102000000', 'URBAN_MANAGEMENT');
    const foreign = await step(feidong, 'DISPATCH', fullInput(kase, { departmentIds: [other] }));
    expect(foreign.errors?.[0].extensions?.code).toMatch(/NOT_FOUND|BAD_USER_INPUT/);
    const bureau = await s.department('340122000000', 'URBAN_MANAGEMENT');
    const env = await s.department('340122000000', 'ENVIRONMENT');
    kase = await walk(feidong, 'DISPATCH', kase, { departmentIds: [bureau, env], leadDepartmentId: env });
    expect(kase.leadDepartment?.name).toMatch(/环保/);
    const { case: read } = await feidong.data<{ case: { assignments: { lead: boolean; suggested: boolean; department: { id: string } }[]; events: { nodes: { details: { overridden?: boolean } | null }[] } } }>(
      `query($id: ID!) { case(id: $id) { assignments { lead suggested department { id } } events(first: 10) { nodes { details } } } }`,
      { id: kase.id },
    );
    expect(read.assignments).toEqual([
      { lead: false, suggested: true, department: { id: bureau } },
      { lead: true, suggested: false, department: { id: env } },
    ]);
    expect(read.events.nodes.at(-1)?.details?.overridden).toBe(true);
  });

  it('cancelling as a duplicate links the master', async () => {
    const operator = await app.as('operator');
    const master = await report(operator, { gridId: yaohaiGrid, categoryId: dust });
    let dup = await report(operator, { gridId: yaohaiGrid, categoryId: dust });
    const missing = await step(operator, 'CANCEL', fullInput(dup, { cancelReason: 'DUPLICATE' }));
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'duplicateOfId' });
    dup = await walk(operator, 'CANCEL', dup, { cancelReason: 'DUPLICATE', duplicateOfId: master.id });
    expect(dup.status).toBe('CANCELLED');
    const rows = await app.ownerOrm.em.fork().execute<{ duplicate_of_id: number }[]>(`select duplicate_of_id from "case" where number = ?`, [dup.number]);
    expect(rows[0].duplicate_of_id).not.toBeNull();
  });

  it('parks with a reason and a review date, and resumes', async () => {
    const operator = await app.as('operator');
    const dept = await app.as('yaohaidept');
    let kase = await report(operator, { gridId: yaohaiGrid, categoryId: dust });
    kase = await walk(operator, 'FILE', kase);
    const bureau = await s.department('340102000000', 'URBAN_MANAGEMENT');
    kase = await walk(operator, 'DISPATCH', kase, { departmentIds: [bureau] });
    kase = await walk(dept, 'ACCEPT', kase);
    expect((await step(dept, 'PARK', fullInput(kase, INPUT_EXTRAS.PARK))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    kase = await walk(operator, 'PARK', kase);
    expect(kase.status).toBe('PARKED');
    kase = await walk(operator, 'RESUME', kase);
    expect(kase.status).toBe('IN_PROGRESS');
  });
});
