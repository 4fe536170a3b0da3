import { hash } from '@node-rs/argon2';
import { toGlobalId } from '../../common/global-id';
import { GraphQLClient, startTestApp, type TestApp } from '../../test/test-app';

const SIGN_IN = `mutation($login: String!, $password: String!) { signIn(login: $login, password: $password) { role } }`;

describe('sign-in, sessions and passwords', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('answers an unknown login exactly like a wrong password', async () => {
    const unknown = await app.client().request(SIGN_IN, { login: 'nobody', password: 'gridwatch' });
    const wrong = await app.client().request(SIGN_IN, { login: 'yaohai', password: 'not-the-password' });
    expect(unknown.errors).toEqual(wrong.errors?.map((e) => ({ ...e, extensions: { ...e.extensions, requestId: unknown.errors?.[0].extensions?.requestId } })));
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('limits failed attempts per account, counting every alias of a batched document', async () => {
    const aliases = Array.from({ length: 6 }, (_, i) => `a${i}: signIn(login: "operator", password: "guess-${i}") { role }`).join(' ');
    const batch = await app.client().request(`mutation { ${aliases} }`);
    const codes = batch.errors?.map((e) => e.extensions?.code);
    expect(codes).toContain('TOO_MANY_REQUESTS');
    // Even the right password is refused while the account is locked.
    const right = await app.client().request(SIGN_IN, { login: 'operator', password: 'gridwatch' });
    expect(right.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(right.errors?.[0].extensions?.retryAfter).toBeGreaterThan(0);
  });

  it('rotates the session at sign-in and revokes it at sign-out', async () => {
    const client = await app.as('inspector');
    const first = client.cookie;
    await client.signIn('inspector');
    expect(client.cookie).not.toBe(first);
    const stale = new GraphQLClient(app.url);
    stale.cookie = first;
    expect((await stale.data<{ me: null }>('{ me { role } }')).me).toBeNull();
    await client.data('mutation { signOut }');
    const after = new GraphQLClient(app.url);
    after.cookie = client.cookie;
    expect((await after.data<{ me: null }>('{ me { role } }')).me).toBeNull();
  });

  it('upgrades a stale password hash at sign-in', async () => {
    const weak = await hash('gridwatch', { memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await app.ownerSql(`update account set password_hash = $1 where login = 'citydept'`, [weak]);
    await app.as('citydept');
    const [row] = await app.ownerSql<{ password_hash: string }>(`select password_hash from account where login = 'citydept'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('changes a password with the current one and ends the other sessions', async () => {
    const here = await app.as('countydept');
    const elsewhere = await app.as('countydept');
    const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`;
    const wrong = await here.request(CHANGE, { input: { currentPassword: 'nope', newPassword: 'a-much-better-password' } });
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    const weak = await here.request(CHANGE, { input: { currentPassword: 'gridwatch', newPassword: '1234567890' } });
    expect(weak.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    await here.data(CHANGE, { input: { currentPassword: 'gridwatch', newPassword: 'a-much-better-password' } });
    expect((await here.data<{ me: { role: string } }>('{ me { role } }')).me.role).toBe('COUNTY_DEPARTMENT');
    expect((await elsewhere.data<{ me: null }>('{ me { role } }')).me).toBeNull();
    await expect(app.client().signIn('countydept', 'a-much-better-password')).resolves.toBeTruthy();
  });
});

describe('account administration stays inside scope', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const CREATE = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { id login role unit { name } } }`;
  const unitId = async (client: GraphQLClient, code: string) =>
    (await client.data<{ gridByCode: { id: string } | null }>(`query($c: String!) { gridByCode(code: $c) { id } }`, { c: code })).gridByCode?.id;

  it('a county admin creates accounts in its county, with roles below its own only', async () => {
    const feidong = await app.as('feidong');
    const township = await unitId(feidong, '340122104000');
    const made = await feidong.data<{ createAccount: { role: string; unit: { name: string } } }>(CREATE, {
      input: { login: 'clh-admin', displayName: '长临河镇管理员', password: 'long-enough-pw', unitId: township, role: 'TOWNSHIP_ADMIN' },
    });
    expect(made.createAccount).toEqual({ id: expect.any(String), login: 'clh-admin', role: 'TOWNSHIP_ADMIN', unit: { name: '长临河镇' } });
    const above = await feidong.request(CREATE, {
      input: { login: 'fd-boss', displayName: '越权', password: 'long-enough-pw', unitId: await unitId(feidong, '340122000000'), role: 'COUNTY_ADMIN' },
    });
    expect(above.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const city = await app.as('cityadmin');
    const elsewhere = await feidong.request(CREATE, {
      input: { login: 'yh-spy', displayName: '越界', password: 'long-enough-pw', unitId: await unitId(city, '340102000000'), role: 'OFFICER' },
    });
    expect(elsewhere.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const [{ n }] = await app.ownerSql<{ n: number }>(`select count(*)::int as n from account where login in ('fd-boss', 'yh-spy')`);
    expect(n).toBe(0);
  });

  it('changing an account’s role ends its sessions; raising it above one’s own rank is refused', async () => {
    const city = await app.as('cityadmin');
    const officer = await app.as('officer');
    // The seed holds more than a page of accounts (the grid workers who act): look the officer up.
    const [row] = await app.ownerSql<{ id: number }>(`select id from account where login = 'officer'`);
    const id = toGlobalId('Account', row.id);
    expect((await city.data<{ account: { login: string } }>(`query($id: ID!) { account(id: $id) { login } }`, { id })).account.login).toBe('officer');
    const feidong = await app.as('feidong');
    const raise = await feidong.request(`mutation($id: ID!) { updateAccount(id: $id, input: { role: COUNTY_ADMIN }) { role } }`, { id });
    expect(raise.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await officer.data<{ me: { role: string } }>('{ me { role } }')).me.role).toBe('OFFICER');
    await feidong.data(`mutation($id: ID!) { updateAccount(id: $id, input: { role: GRID_WORKER }) { role } }`, { id });
    expect((await officer.data<{ me: null }>('{ me { role } }')).me).toBeNull();
  });

  it('refuses input fields outside the permitted set, by name', async () => {
    const township = await app.as('township');
    const village = (await township.data<{ grids: { nodes: { id: string }[] } }>(`{ grids(first: 1, filter: { level: VILLAGE }) { nodes { id } } }`)).grids.nodes[0];
    const code = await township.request(`mutation($id: ID!) { updateGrid(id: $id, input: { code: "340122104999", name: "新名" }) { name } }`, { id: village.id });
    expect(code.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', fields: ['code'] });
    const renamed = await township.data<{ updateGrid: { name: string } }>(`mutation($id: ID!) { updateGrid(id: $id, input: { name: "新名村" }) { name } }`, { id: village.id });
    expect(renamed.updateGrid.name).toBe('新名村');
  });

  it('me names a department account’s department (its queue), and none for others', async () => {
    const dept = await app.as('countydept');
    const me = await dept.data<{ me: { department: { id: string; name: string } } }>('{ me { department { id name } } }');
    const [row] = await app.ownerSql<{ name: string }>(`select d.name from account a join department d on d.id = a.department_id where a.login = 'countydept'`);
    expect(me.me.department.name).toBe(row.name);
    const { cases } = await dept.data<{ cases: { nodes: { id: string }[] } }>(`query($d: ID!) { cases(first: 5, filter: { leadDepartmentId: $d }) { nodes { id } } }`, { d: me.me.department.id });
    expect(Array.isArray(cases.nodes)).toBe(true);
    const admin = await app.as('feidong');
    expect((await admin.data<{ me: { department: null } }>('{ me { department { id } } }')).me.department).toBeNull();
    const accounts = await admin.data<{ accounts: { nodes: { login: string; department: { name: string } | null }[] } }>(`{ accounts(first: 100) { nodes { login department { name } } } }`);
    expect(accounts.accounts.nodes.find((a) => a.login === 'countydept')?.department?.name).toBe(row.name);
  });
});

describe('API keys', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  async function withKey(key: string, query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: Record<string, { totalCount?: number; nodes?: { number: string }[] }>; errors?: { extensions: { code: string } }[] };
  }

  async function createKey(scopes: string[], rateLimitPerMinute?: number): Promise<{ key: string; id: string; prefix: string }> {
    const feidong = await app.as('feidong');
    const county = (await feidong.data<{ gridByCode: { id: string } }>(`{ gridByCode(code: "340122000000") { id } }`)).gridByCode.id;
    const { createApiKey } = await feidong.data<{ createApiKey: { key: string; apiKey: { id: string; prefix: string } } }>(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id prefix } } }`,
      { input: { name: '数字城管平台', unitId: county, scopes, rateLimitPerMinute } },
    );
    return { key: createApiKey.key, ...createApiKey.apiKey };
  }

  it('is shown once and stored only as a hash behind its visible prefix', async () => {
    const { key, prefix } = await createKey(['READ_CASES']);
    expect(key.startsWith(`${prefix}.`)).toBe(true);
    const [row] = await app.ownerSql<Record<string, string>>(`select * from api_key where prefix = $1`, [prefix]);
    expect(JSON.stringify(row)).not.toContain(key.split('.')[1]);
  });

  it('reads within its scopes and unit only, files complaints only with that scope', async () => {
    const { key } = await createKey(['READ_CASES']);
    const cases = await withKey(key, `{ cases(first: 100) { totalCount nodes { number } } }`);
    expect(cases.data?.cases.nodes?.every((c) => c.number.startsWith('340122-'))).toBe(true);
    expect((await withKey(key, `{ grids(first: 1) { totalCount } }`)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const report = `mutation($input: ReportCaseInput!) { reportCase(input: $input) { number } }`;
    const categories = await (await app.as('feidong')).data<{ caseCategories: { id: string }[]; grids: { nodes: { id: string }[] } }>(
      `{ caseCategories { id } grids(first: 1, filter: { level: VILLAGE }) { nodes { id } } }`,
    );
    const input = { gridId: categories.grids.nodes[0].id, categoryId: categories.caseCategories[0].id, origin: 'COMPLAINT', description: '市民来电投诉异味' };
    expect((await withKey(key, report, { input })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const complaints = await createKey(['CREATE_COMPLAINTS']);
    expect((await withKey(complaints.key, report, { input })).data?.reportCase).toBeTruthy();
    expect((await withKey(complaints.key, report, { input: { ...input, origin: 'PATROL' } })).errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('stops working when revoked, and when its per-minute budget is spent', async () => {
    const { key, id } = await createKey(['READ_CASES'], 3);
    const query = `{ cases(first: 1) { totalCount } }`;
    for (let i = 0; i < 3; i += 1) expect((await withKey(key, query)).errors).toBeUndefined();
    expect((await withKey(key, query)).errors?.[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    await (await app.as('feidong')).data(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id });
    expect((await withKey(key, query)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await withKey(`${key.slice(0, -1)}x`, query)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('stops working at its expiry', async () => {
    const { key, prefix } = await createKey(['READ_CASES']);
    const query = `{ cases(first: 1) { totalCount } }`;
    expect((await withKey(key, query)).errors).toBeUndefined();
    await app.ownerSql(`update api_key set expires_at = now() - interval '1 second' where prefix = $1`, [prefix]);
    // A key kept in memory is forgotten when the process hears the change (NOTIFY, within a second).
    let code: unknown;
    for (const started = Date.now(); Date.now() - started < 1_000; await new Promise((resolve) => setTimeout(resolve, 50))) {
      code = (await withKey(key, query)).errors?.[0].extensions.code;
      if (code === 'UNAUTHENTICATED') break;
    }
    expect(code).toBe('UNAUTHENTICATED');
  });
});
