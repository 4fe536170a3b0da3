import { GraphQLClient, startTestApp, type TestApp } from '../../test/test-app';

/**
 * The isolation matrix: every demo role × target unit × operation against a declarative
 * expectation table. Targets are named by their relation to the demo accounts (肥东县 and
 * its township 长临河镇 hold most of them; 瑶海区 is the sibling county).
 */
const TARGETS = {
  CITY: '合肥市',
  FEIDONG: '肥东县 (county)',
  YAOHAI: '瑶海区 (sibling county)',
  CLH: '长临河镇 (township of the township admin and grid worker)',
  LJF: '六家畈 (the grid worker’s village)',
  CLH_VILLAGE: 'another village of 长临河镇',
  DB: '店埠镇 (other township of 肥东县, the officer’s beat)',
  DB_VILLAGE: 'a village of 店埠镇',
  YAOHAI_URBAN: 'an urban grid of 瑶海区',
} as const;
type Target = keyof typeof TARGETS;
const ALL = Object.keys(TARGETS) as Target[];
const FEIDONG_ALL: Target[] = ['FEIDONG', 'CLH', 'LJF', 'CLH_VILLAGE', 'DB', 'DB_VILLAGE'];

/**
 * Which targets each role reads, updates (and deactivates: the same rule), and creates a
 * child grid under. Everything else must be denied.
 */
const EXPECTED: Record<string, { read: Target[]; update: Target[]; createUnder: Target[] }> = {
  cityadmin: { read: ALL, update: ALL.filter((t) => t !== 'CITY'), createUnder: ['CITY', 'FEIDONG', 'YAOHAI', 'CLH', 'DB'] },
  inspector: { read: ALL, update: [], createUnder: [] },
  citydept: { read: ALL, update: [], createUnder: [] },
  operator: { read: ['YAOHAI', 'YAOHAI_URBAN'], update: [], createUnder: [] },
  yaohai: { read: ['YAOHAI', 'YAOHAI_URBAN'], update: ['YAOHAI_URBAN'], createUnder: ['YAOHAI'] },
  feidong: { read: FEIDONG_ALL, update: ['CLH', 'LJF', 'CLH_VILLAGE', 'DB', 'DB_VILLAGE'], createUnder: ['FEIDONG', 'CLH', 'DB'] },
  countydept: { read: FEIDONG_ALL, update: [], createUnder: [] },
  officer: { read: ['FEIDONG', 'DB', 'DB_VILLAGE'], update: [], createUnder: [] },
  township: { read: ['CLH', 'LJF', 'CLH_VILLAGE'], update: ['LJF', 'CLH_VILLAGE'], createUnder: ['CLH'] },
  gridworker: { read: ['CLH', 'LJF'], update: [], createUnder: [] },
};

/** A fresh, valid child code under a grid (villages and urban grids have no children at all). */
function childCode(parent: Grid, level: string, n: number): string {
  const two = String(n).padStart(2, '0');
  if (level === 'CITY') return `3401${String(40 + n)}000000`;
  if (level === 'COUNTY') return `${parent.code.slice(0, 6)}9${two}000`;
  return `${parent.code.slice(0, 9)}9${two}`;
}
/** Cases live in villages and urban grids: these targets get a case of the 城管 field (seen by the 城管局 accounts). */
const CASE_TARGETS: Target[] = ['LJF', 'CLH_VILLAGE', 'DB_VILLAGE', 'YAOHAI_URBAN'];

interface Grid {
  id: string;
  code: string;
  name: string;
  level: string;
  parentId: string | null;
}

describe('isolation matrix: role × target unit × operation', () => {
  let app: TestApp;
  const grids = {} as Record<Target, Grid>;
  const cases = {} as Partial<Record<Target, string>>;
  const mismatches: string[] = [];
  let checked = 0;

  const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');

  beforeAll(async () => {
    app = await startTestApp();
    const pick = async (target: Target, where: string) => {
      const [row] = await app.ownerSql<{ id: number; code: string; name: string; level: string; parent_id: number | null }>(
        `select id, code, name, level, parent_id from grid where ${where} order by code limit 1`,
      );
      grids[target] = { id: gid('Grid', row.id), code: row.code, name: row.name, level: row.level, parentId: row.parent_id ? gid('Grid', row.parent_id) : null };
    };
    await pick('CITY', `code = '340100000000'`);
    await pick('FEIDONG', `code = '340122000000'`);
    await pick('YAOHAI', `code = '340102000000'`);
    await pick('CLH', `code = '340122104000'`);
    await pick('LJF', `code = '340122104008'`);
    await pick('CLH_VILLAGE', `parent_id = (select id from grid where code = '340122104000') and code <> '340122104008'`);
    await pick('DB', `code = '340122100000'`);
    await pick('DB_VILLAGE', `parent_id = (select id from grid where code = '340122100000')`);
    await pick('YAOHAI_URBAN', `level = 'TOWNSHIP' and kind = 'URBAN_MANAGEMENT' and county_id = (select id from grid where code = '340102000000')`);
    // The officer's beat must really be 店埠镇 and not 长临河镇, or the table above is wrong.
    const [beat] = await app.ownerSql<{ db: boolean; clh: boolean }>(`
      select bool_or(g.code = '340122100000') as db, bool_or(g.code = '340122104000') as clh
      from account a join officer_grid og on og.officer_id = a.officer_id join grid g on g.id = og.grid_id where a.login = 'officer'`);
    expect(beat).toEqual({ db: true, clh: false });

    const city = await app.as('cityadmin');
    const { caseCategories } = await city.data<{ caseCategories: { id: string; defaultField: string }[] }>(`{ caseCategories { id defaultField } }`);
    const category = caseCategories.find((c) => c.defaultField === 'URBAN_MANAGEMENT')!.id;
    for (const target of CASE_TARGETS) {
      const { reportCase } = await city.data<{ reportCase: { id: string } }>(
        `mutation($input: ReportCaseInput!) { reportCase(input: $input) { id } }`,
        { input: { gridId: grids[target].id, categoryId: category, origin: 'INSPECTION', description: `矩阵测试案件 ${target}` } },
      );
      cases[target] = reportCase.id;
      // An alert on each case (as the deadline sweep raises them): alerts are read where their case is.
      const caseId = Number(Buffer.from(reportCase.id, 'base64url').toString().split(':')[1]);
      await app.ownerSql(
        `insert into case_alert (city_id, county_id, township_id, grid_id, case_id, kind, due_at, at, handling_unit_id, case_status)
         select city_id, county_id, township_id, grid_id, id, 'SUPERVISE', now(), now(), handling_unit_id, status from "case" where id = $1`,
        [caseId],
      );
    }
  });

  afterAll(async () => {
    // Printed so the closing note can report the size of the matrix.
    console.log(`isolation matrix: ${checked} cases checked, ${mismatches.length} unexpected`);
    await app.close();
  });

  function expect1(role: string, target: Target, operation: string, allowed: boolean, actual: boolean): void {
    checked += 1;
    if (allowed !== actual) mismatches.push(`${role} ${operation} ${target}: expected ${allowed ? 'allow' : 'deny'}`);
  }

  async function visible(client: GraphQLClient, id: string): Promise<boolean> {
    const result = await client.request<{ grid: { id: string } | null }>(`query($id: ID!) { grid(id: $id) { id } }`, { id });
    if (result.errors?.length && result.errors[0].extensions?.code !== 'NOT_FOUND') throw new Error(JSON.stringify(result.errors));
    return !!result.data?.grid;
  }

  it.each(Object.keys(EXPECTED))('%s: read by id, list, count, nested traversal, update, create, deactivate, cases', async (role) => {
    const client = await app.as(role);
    const expected = EXPECTED[role];
    const missing = await client.request(`mutation($id: ID!) { updateGrid(id: $id, input: { name: "x" }) { id } }`, { id: gid('Grid', 999999) });
    const missingCode = missing.errors?.[0].extensions?.code;
    for (const target of ALL) {
      const grid = grids[target];
      const reads = expected.read.includes(target);
      expect1(role, target, 'read-by-id', reads, await visible(client, grid.id));

      const list = await client.data<{ grids: { totalCount: number; nodes: { code: string }[] } }>(
        `query($s: String!) { grids(first: 100, filter: { search: $s }) { totalCount nodes { code } } }`,
        { s: grid.code },
      );
      expect1(role, target, 'list', reads, list.grids.nodes.some((n) => n.code === grid.code));
      expect1(role, target, 'count', reads, list.grids.totalCount > 0);

      if (grid.parentId) {
        const parentVisible = expected.read.includes(ALL.find((t) => grids[t].id === grid.parentId) ?? ('none' as Target));
        const nested = await client.request<{ grid: { children: { nodes: { code: string }[] } } | null }>(
          `query($id: ID!) { grid(id: $id) { children(first: 100) { nodes { code } } } }`,
          { id: grid.parentId },
        );
        const reached = !!nested.data?.grid?.children.nodes.some((n) => n.code === grid.code);
        // A target is reached through its parent only when both are visible (every edge is filtered).
        expect1(role, target, 'nested', reads && parentVisible, reached);
      }

      const update = await client.request(`mutation($id: ID!, $name: String!) { updateGrid(id: $id, input: { name: $name }) { id } }`, {
        id: grid.id,
        name: grid.name,
      });
      const updateCode = update.errors?.[0].extensions?.code;
      expect1(role, target, 'update', expected.update.includes(target), !update.errors);
      if (update.errors && !['NOT_FOUND', 'FORBIDDEN'].includes(String(updateCode))) mismatches.push(`${role} update ${target}: ${updateCode}`);
      // What the caller cannot see answers exactly like an id that does not exist.
      if (!reads && updateCode !== missingCode) mismatches.push(`${role} update ${target}: ${updateCode} differs from a missing id (${missingCode})`);

      const roleIndex = Object.keys(EXPECTED).indexOf(role);
      const create = await client.request(`mutation($p: ID!, $c: String!) { createGrid(input: { parentId: $p, code: $c, name: "矩阵新建" }) { id } }`, {
        p: grid.id,
        c: childCode(grid, grid.level, roleIndex),
      });
      expect1(role, target, 'create-under', expected.createUnder.includes(target), !create.errors);
    }
    // caseStatistics within each target (from the rollups where the role's case scope is one unit's
    // subtree, live otherwise): counts where the role reads the unit, NOT_FOUND or nothing elsewhere.
    for (const target of ALL) {
      const result = await client.request<{ caseStatistics: { count: number }[] }>(`query($w: ID!) { caseStatistics(groupBy: [STATUS], within: $w) { count } }`, { w: grids[target].id });
      const counted = (result.data?.caseStatistics ?? []).reduce((sum, row) => sum + row.count, 0) > 0;
      expect1(role, target, 'statistics-within', expected.read.includes(target), counted);
      if (result.errors && result.errors[0].extensions?.code !== 'NOT_FOUND') mismatches.push(`${role} statistics ${target}: ${String(result.errors[0].extensions?.code)}`);
    }
    // Deactivation last: leaves succeed, grids with active children fail on CONFLICT only after the permission check.
    for (const target of ALL) {
      const result = await client.request(`mutation($id: ID!) { deactivateGrid(id: $id) { id } }`, { id: grids[target].id });
      const code = result.errors?.[0].extensions?.code;
      expect1(role, target, 'deactivate', expected.update.includes(target), !result.errors || code === 'CONFLICT');
    }
    for (const target of CASE_TARGETS) {
      const result = await client.request<{ case: { id: string } | null }>(`query($id: ID!) { case(id: $id) { id } }`, { id: cases[target] });
      expect1(role, target, 'case-by-id', expected.read.includes(target), !!result.data?.case);
    }
    // The alert inbox and the badge count only alerts on visible cases.
    const inbox = await client.request<{ alerts: { nodes: { case: { id: string } | null }[] } }>(`{ alerts(first: 100, filter: { kind: [SUPERVISE] }) { nodes { case { id } } } }`);
    const listed = new Set(inbox.data?.alerts.nodes.map((a) => a.case?.id) ?? []);
    for (const target of CASE_TARGETS) expect1(role, target, 'alert-list', expected.read.includes(target), listed.has(cases[target]));
    expect(mismatches.filter((m) => m.startsWith(`${role} `))).toEqual([]);
  });

  /**
   * 联合执法: a partner department (肥东县水务局) reads the joint case it is dispatched to on every
   * read path (by id, list, a grid's cases, the compiled path on a repeated query), never the
   * complainant, never the lead's FEEDBACK; a department of the same county that is no partner
   * (肥东县交通局) and the partner's other cases answer NOT_FOUND.
   */
  it('joint enforcement: partner reads its joint case only, without the complainant, and cannot feed back for the case', async () => {
    const feidong = await app.as('feidong');
    const departmentOf = async (field: string) => {
      const [row] = await app.ownerSql<{ id: number }>(`select d.id from department d join grid g on g.id = d.unit_id where g.code = '340122000000' and d.field = $1`, [field]);
      return gid('Department', row.id);
    };
    const account = async (login: string, field: string) => {
      await feidong.data(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, {
        input: { login, displayName: login, password: 'matrix-joint-1', unitId: grids.FEIDONG.id, role: 'COUNTY_DEPARTMENT', departmentId: await departmentOf(field) },
      });
      return new GraphQLClient(app.url).signIn(login, 'matrix-joint-1');
    };
    const partner = await account('matrix-water', 'WATER');
    const outsider = await account('matrix-transport', 'TRANSPORT');
    const walk = async (client: GraphQLClient, mutation: string, type: string, input: Record<string, unknown>) => {
      const data = await client.data<Record<string, { id: string; version: number }>>(`mutation($input: ${type}!) { ${mutation}(input: $input) { id version } }`, { input });
      return data[mutation];
    };
    let kase = { id: cases.LJF!, version: 1 };
    kase = await walk(await app.as('township'), 'escalateCase', 'CaseReasonInput', { ...kase, reason: '需县级联合执法' });
    kase = await walk(feidong, 'fileCase', 'CaseStepInput', kase);
    const urban = await departmentOf('URBAN_MANAGEMENT');
    kase = await walk(feidong, 'dispatchCase', 'DispatchCaseInput', { ...kase, departmentIds: [urban, await departmentOf('WATER')], leadDepartmentId: urban });

    const byId = `query($id: ID!) { case(id: $id) { id number status } }`;
    const reads = async (client: GraphQLClient, target: Target) => {
      // Twice: the second answer of a known query text comes from the compiled read path.
      const [first, second] = [await client.request<{ case: { id: string } | null }>(byId, { id: cases[target] }), await client.request<{ case: { id: string } | null }>(byId, { id: cases[target] })];
      expect([second.data, second.errors?.[0].extensions?.code]).toEqual([first.data, first.errors?.[0].extensions?.code]);
      const list = await client.data<{ cases: { nodes: { id: string }[] } }>(`{ cases(first: 100) { nodes { id } } }`);
      const nested = await client.request<{ grid: { cases: { nodes: { id: string }[] } } | null }>(`query($id: ID!) { grid(id: $id) { cases(first: 50) { nodes { id } } } }`, { id: grids[target].id });
      return {
        byId: first.data?.case ? 'read' : String(first.errors?.[0].extensions?.code),
        list: list.cases.nodes.some((n) => n.id === cases[target]),
        nested: !!nested.data?.grid?.cases.nodes.some((n) => n.id === cases[target]),
      };
    };
    for (const target of CASE_TARGETS) {
      const joint = target === 'LJF';
      checked += 6;
      expect({ role: 'partner', target, ...(await reads(partner, target)) }).toEqual({ role: 'partner', target, byId: joint ? 'read' : 'NOT_FOUND', list: joint, nested: joint });
      expect({ role: 'outsider', target, ...(await reads(outsider, target)) }).toEqual({ role: 'outsider', target, byId: 'NOT_FOUND', list: false, nested: false });
    }
    const complainant = await partner.request(`query($id: ID!) { case(id: $id) { complainantName complainantPhone } }`, { id: kase.id });
    expect(complainant.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    // The lead accepts, so FEEDBACK is a legal step of the case: refused to the partner for who it is.
    kase = await walk(await app.as('countydept'), 'acceptCase', 'CaseStepInput', kase);
    const feedback = await partner.request(`mutation($input: FeedbackCaseInput!) { feedbackCase(input: $input) { id } }`, { input: { ...kase, result: '配合部门不能代替牵头部门反馈' } });
    expect(feedback.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    checked += 2;
  });

  /** Webhook endpoints (issue 22) are the city's and the counties' administrations', for their own subtree. */
  const WEBHOOK_TARGETS: Target[] = ['CITY', 'FEIDONG', 'YAOHAI', 'CLH'];
  const WEBHOOKS: Record<string, Target[]> = { cityadmin: WEBHOOK_TARGETS, feidong: ['FEIDONG', 'CLH'], yaohai: ['YAOHAI'] };

  it.each(Object.keys(EXPECTED))('%s: webhook endpoints: register, list, delivery log, replay', async (role) => {
    const client = await app.as(role);
    const city = await app.as('cityadmin');
    const allowed = WEBHOOKS[role] ?? [];
    const ids = {} as Record<Target, string>;
    for (const target of WEBHOOK_TARGETS) {
      const input = { unitId: grids[target].id, name: `矩阵 ${role}`, url: 'https://hooks.example.com/gridwatch' };
      const created = await client.request<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
        `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }`,
        { input },
      );
      expect1(role, target, 'webhook-create', allowed.includes(target), !created.errors);
      // The city's own endpoint at each target, to read (or not) as this role.
      const { createWebhookEndpoint } = await city.data<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
        `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }`,
        { input: { ...input, name: `矩阵 city for ${role}` } },
      );
      ids[target] = createWebhookEndpoint.endpoint.id;
    }
    const list = await client.request<{ webhookEndpoints: { nodes: { id: string }[] } }>(`{ webhookEndpoints(first: 100) { nodes { id } } }`);
    for (const target of WEBHOOK_TARGETS) {
      expect1(role, target, 'webhook-list', allowed.includes(target), !!list.data?.webhookEndpoints.nodes.some((n) => n.id === ids[target]));
      const log = await client.request<{ webhookDeliveries: { nodes: unknown[] } }>(`query($id: ID!) { webhookDeliveries(endpointId: $id, first: 5) { nodes { eventId } } }`, { id: ids[target] });
      expect1(role, target, 'webhook-log', allowed.includes(target), !log.errors);
      const replay = await client.request(`mutation($input: ReplayWebhookDeliveriesInput!) { replayWebhookDeliveries(input: $input) }`, {
        input: { endpointId: ids[target], eventId: 'evt_1' },
      });
      expect1(role, target, 'webhook-replay', allowed.includes(target), !replay.errors);
    }
    expect(mismatches.filter((m) => m.startsWith(`${role} `))).toEqual([]);
  });

  /**
   * An escalated case (上报上一级网格): the escalating township keeps reading it and where it went
   * (the county handling it, the county department leading it); a sibling township of the same
   * county reads neither the case nor, through it, the county's department.
   */
  it('escalated case: the escalating township follows it up; a sibling township does not', async () => {
    const feidong = await app.as('feidong');
    await feidong.data(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, {
      input: { login: 'db-admin', displayName: '店埠镇管理员', password: 'long-enough-pw', unitId: grids.DB.id, role: 'TOWNSHIP_ADMIN' },
    });
    const sibling = await new GraphQLClient(app.url).signIn('db-admin', 'long-enough-pw');
    const township = await app.as('township');
    // A case of its own (the joint-enforcement check above has already escalated the seeded one).
    const { caseCategories } = await township.data<{ caseCategories: { id: string; code: string }[] }>(`{ caseCategories { id code } }`);
    const { reportCase } = await township.data<{ reportCase: { id: string } }>(`mutation($input: ReportCaseInput!) { reportCase(input: $input) { id } }`, {
      input: { gridId: grids.LJF.id, categoryId: caseCategories.find((c) => c.code === 'DUST')!.id, origin: 'PATROL', description: '上报上一级后仍跟进' },
    });
    const escalatedId = reportCase.id;
    const kase = async () =>
      (await township.data<{ case: { id: string; version: number; status: string } }>(`query($id: ID!) { case(id: $id) { id version status } }`, { id: escalatedId })).case;
    const escalated = await township.data<{ escalateCase: { version: number } }>(
      `mutation($input: CaseReasonInput!) { escalateCase(input: $input) { version } }`,
      { input: { id: escalatedId, version: (await kase()).version, reason: '本级无法处理' } },
    );
    const [bureau] = await app.ownerSql<{ id: number }>(`select d.id from department d join grid g on g.id = d.unit_id where g.code = '340122000000' and d.field = 'URBAN_MANAGEMENT'`);
    await feidong.data(`mutation($input: CaseStepInput!) { fileCase(input: $input) { id } }`, {
      input: { id: escalatedId, version: escalated.escalateCase.version },
    });
    await feidong.data(`mutation($input: DispatchCaseInput!) { dispatchCase(input: $input) { id } }`, {
      input: { id: escalatedId, version: (await kase()).version, departmentIds: [gid('Department', bureau.id)] },
    });

    const READ = `query($id: ID!) { case(id: $id) { status handlingUnit { code } leadDepartment { name } events(first: 20) { nodes { action } } } }`;
    const seen = await township.request<{ case: unknown }>(READ, { id: escalatedId });
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.case).toEqual({
      status: 'DISPATCHED',
      handlingUnit: { code: '340122000000' },
      leadDepartment: { name: '肥东县城管局' },
      events: { nodes: [{ action: 'REPORT' }, { action: 'ESCALATE' }, { action: 'FILE' }, { action: 'DISPATCH' }] },
    });
    // The same read from the sibling answers like a case that does not exist.
    const other = await sibling.request<{ case: unknown }>(READ, { id: escalatedId });
    expect(other.data?.case ?? null).toBeNull();
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const departments = await sibling.data<{ departments: { nodes: { name: string }[] } }>(`{ departments(first: 100) { nodes { name } } }`);
    expect(departments.departments.nodes.map((d) => d.name)).not.toContain('肥东县城管局');
  });
});
