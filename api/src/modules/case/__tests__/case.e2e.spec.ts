import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';

const REPORT = `mutation($input: ReportCaseInput!) {
  reportCase(input: $input) { id number status field origin grid { code } category { code } events(first: 5) { nodes { action fromStatus toStatus actorRole } } }
}`;

describe('cases: report and read', () => {
  let app: TestApp;
  let worker: GraphQLClient;
  let gridId: string;
  let categoryId: string;

  beforeAll(async () => {
    app = await startTestApp();
    worker = await app.as('gridworker');
    const data = await worker.data<{ grids: { nodes: { id: string }[] }; caseCategories: { id: string; code: string }[] }>(
      `{ grids(first: 1, filter: { level: VILLAGE }) { nodes { id } } caseCategories { id code } }`,
    );
    gridId = data.grids.nodes[0].id;
    categoryId = data.caseCategories.find((c) => c.code === 'DUST')!.id;
  });
  afterAll(() => app.close());

  it('a grid worker reports a case: numbered, REPORTED, with its first timeline event', async () => {
    const { reportCase } = await worker.data<{
      reportCase: { number: string; status: string; field: string; events: { nodes: { action: string; fromStatus: null; toStatus: string; actorRole: string }[] } };
    }>(REPORT, { input: { gridId, categoryId, origin: 'PATROL', description: '工地未覆盖, 扬尘严重', location: { lng: 117.47, lat: 31.88 } } });
    expect(reportCase.number).toMatch(/^340122-\d{8}-\d{6}$/);
    expect(reportCase.status).toBe('REPORTED');
    expect(reportCase.events.nodes).toEqual([{ action: 'REPORT', fromStatus: null, toStatus: 'REPORTED', actorRole: 'GRID_WORKER' }]);
  });

  it('rejects bad input with the field at fault and writes nothing', async () => {
    const count = async () => (await app.ownerSql<{ n: number }>('select count(*)::int as n from "case"'))[0].n;
    const before = await count();
    const short = await worker.request(REPORT, { input: { gridId, categoryId, origin: 'PATROL', description: '短' } });
    expect(short.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'description' });
    const wrongType = await worker.request(REPORT, { input: { gridId: categoryId, categoryId, origin: 'PATROL', description: '类型错误的网格ID' } });
    expect(wrongType.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const badPhone = await worker.request(REPORT, {
      input: { gridId, categoryId, origin: 'COMPLAINT', description: '夜间异味扰民', complainantPhone: '12345' },
    });
    expect(badPhone.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'complainantPhone' });
    expect(await count()).toBe(before);
  });

  it('shows complainant details only to roles that answer complaints', async () => {
    const operatorless = await app.as('feidong');
    const { reportCase } = await operatorless.data<{ reportCase: { id: string } }>(REPORT, {
      input: { gridId, categoryId, origin: 'COMPLAINT', description: '群众投诉工地扬尘', complainantName: '张三', complainantPhone: '13800000000' },
    });
    const query = `query($id: ID!) { case(id: $id) { number complainantName complainantPhone } }`;
    const admin = await operatorless.request<{ case: { complainantName: string } }>(query, { id: reportCase.id });
    expect(admin.data?.case.complainantName).toBe('张三');
    const hidden = await worker.request<{ case: { number: string; complainantName: null; complainantPhone: null } }>(query, { id: reportCase.id });
    expect(hidden.data?.case).toMatchObject({ complainantName: null, complainantPhone: null });
    expect(hidden.data?.case.number).toBeTruthy();
    expect(hidden.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  it('lists cases newest first with filters, inside the caller’s territory only', async () => {
    const feidong = await app.as('feidong');
    const mine = await feidong.data<{ cases: { totalCount: number; nodes: { grid: { code: string } }[] } }>(
      `{ cases(first: 50, filter: { status: [REPORTED] }) { totalCount nodes { grid { code } } } }`,
    );
    expect(mine.cases.totalCount).toBeGreaterThan(0);
    expect(mine.cases.nodes.every((c) => c.grid.code.startsWith('340122'))).toBe(true);
    const city = await app.as('cityadmin');
    const all = await city.data<{ cases: { totalCount: number } }>(`{ cases(first: 1) { totalCount } }`);
    expect(all.cases.totalCount).toBeGreaterThan(mine.cases.totalCount);
  });

  it('a department reads the timeline of its field’s cases, but not the county-wide event feed', async () => {
    const dept = await app.as('countydept');
    const feed = await dept.request(`{ caseEvents(first: 5) { nodes { id } } }`);
    expect(feed.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const mine = await dept.data<{ cases: { nodes: { field: string; events: { nodes: { action: string }[] } }[] } }>(
      `{ cases(first: 5) { nodes { field events(first: 5) { nodes { action } } } } }`,
    );
    expect(mine.cases.nodes.length).toBeGreaterThan(0);
    expect(mine.cases.nodes.every((c) => c.field === 'URBAN_MANAGEMENT' && c.events.nodes[0]?.action === 'REPORT')).toBe(true);
  });

  it('the city edits the routing table (category → field of duty); a county may not; new reports follow it', async () => {
    const UPDATE = `mutation($id: ID!, $field: DepartmentField!) { updateCaseCategory(id: $id, input: { defaultField: $field }) { defaultField } }`;
    const feidong = await app.as('feidong');
    expect((await feidong.request(UPDATE, { id: categoryId, field: 'WATER' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const city = await app.as('cityadmin');
    expect((await city.data<{ updateCaseCategory: { defaultField: string } }>(UPDATE, { id: categoryId, field: 'WATER' })).updateCaseCategory.defaultField).toBe('WATER');
    const { reportCase } = await worker.data<{ reportCase: { field: string } }>(REPORT, {
      input: { gridId, categoryId, origin: 'PATROL', description: '工地扬尘, 路由改为水务测试' },
    });
    expect(reportCase.field).toBe('WATER');
  });
});
