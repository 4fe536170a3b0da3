import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';

const REPORT = `mutation($input: CreateSourceInput!) { createSource(input: $input) { id status version } }`;
const CONFIRM = `mutation($id: ID!, $version: Int!, $level: SupervisionLevel) {
  confirmSource(id: $id, version: $version, supervisionLevel: $level) { id status supervisionLevel version } }`;
const REJECT = `mutation($id: ID!, $version: Int!, $reason: String!) { rejectSource(id: $id, version: $version, reason: $reason) { id status version } }`;
const HISTORY = `query($id: ID!, $first: Int!, $after: String) { source(id: $id) {
  history(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { action actorName actorRole changes reason at } } } }`;

type Source = { id: string; status: string; version: number; supervisionLevel?: string };
type HistoryNode = { action: string; actorName: string | null; actorRole: string | null; changes: Record<string, unknown[]>; reason: string | null };
type History = { source: { history: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: HistoryNode[] } } | null };

describe('new-source reports: confirm or reject, every step in the history', () => {
  let app: TestApp;
  let worker: GraphQLClient;
  let township: GraphQLClient;
  let feidong: GraphQLClient;
  let gridId: string;

  const report = async (name: string): Promise<Source> =>
    (await worker.data<{ createSource: Source }>(REPORT, { input: { gridId, name, type: 'CONSTRUCTION_SITE', supervisionLevel: 'GENERAL' } })).createSource;

  beforeAll(async () => {
    app = await startTestApp();
    [worker, township, feidong] = await Promise.all([app.as('gridworker'), app.as('township'), app.as('feidong')]);
    gridId = (await worker.data<{ grids: { nodes: { id: string }[] } }>(`{ grids(first: 1, filter: { level: VILLAGE }) { nodes { id } } }`)).grids.nodes[0].id;
  });
  afterAll(() => app.close());

  it('the township sees the report among its pending sources and confirms it at a level of its choosing', async () => {
    const reported = await report('六家畈新建安置房工地');
    expect(reported.status).toBe('PENDING');
    const pending = await township.data<{ pendingSources: { nodes: { id: string; status: string }[] } }>(
      `{ pendingSources(first: 100) { nodes { id status } } }`,
    );
    expect(pending.pendingSources.nodes).toContainEqual({ id: reported.id, status: 'PENDING' });
    const inGrid = await township.data<{ pendingSources: { nodes: { id: string }[] } }>(
      `query($g: ID!) { pendingSources(first: 100, withinId: $g) { nodes { id } } }`,
      { g: gridId },
    );
    expect(inGrid.pendingSources.nodes.map((n) => n.id)).toContain(reported.id);
    // Another county's admin does not see it at all.
    const yaohai = await app.as('yaohai');
    const other = await yaohai.data<{ pendingSources: { nodes: { id: string }[] } }>(`{ pendingSources(first: 100) { nodes { id } } }`);
    expect(other.pendingSources.nodes.map((n) => n.id)).not.toContain(reported.id);

    const stale = await township.request(CONFIRM, { id: reported.id, version: reported.version + 1 });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentState: 'PENDING', currentVersion: reported.version });

    const { confirmSource } = await township.data<{ confirmSource: Source }>(CONFIRM, { id: reported.id, version: reported.version, level: 'KEY' });
    expect(confirmSource).toMatchObject({ status: 'ACTIVE', supervisionLevel: 'KEY', version: reported.version + 1 });

    const again = await township.request(CONFIRM, { id: reported.id, version: confirmSource.version });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'ACTIVE' });

    const { source } = await feidong.data<History>(HISTORY, { id: reported.id, first: 10 });
    const [confirmed, created] = source!.history.nodes;
    expect(confirmed).toMatchObject({ action: 'CONFIRMED', actorRole: 'TOWNSHIP_ADMIN', changes: { status: ['PENDING', 'ACTIVE'], supervisionLevel: ['GENERAL', 'KEY'] } });
    expect(confirmed.actorName).toBeTruthy();
    expect(created).toMatchObject({ action: 'CREATED', actorRole: 'GRID_WORKER' });
    expect(created.changes.name).toEqual([null, '六家畈新建安置房工地']);
  });

  it('the county rejects a report with a reason; the reason is in the history', async () => {
    const reported = await report('六家畈疑似小作坊');
    const short = await feidong.request(REJECT, { id: reported.id, version: reported.version, reason: ' ' });
    expect(short.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const { rejectSource } = await feidong.data<{ rejectSource: Source }>(REJECT, {
      id: reported.id,
      version: reported.version,
      reason: '现场核实: 已在档 (同一地块)',
    });
    expect(rejectSource.status).toBe('REJECTED');
    const { source } = await worker.data<History>(HISTORY, { id: reported.id, first: 1 });
    expect(source!.history.nodes[0]).toMatchObject({
      action: 'REJECTED',
      actorRole: 'COUNTY_ADMIN',
      reason: '现场核实: 已在档 (同一地块)',
      changes: { status: ['PENDING', 'REJECTED'] },
    });
    const confirmRejected = await township.request(CONFIRM, { id: reported.id, version: rejectSource.version });
    expect(confirmRejected.errors?.[0].extensions?.code).toBe('ILLEGAL_TRANSITION');
  });

  it('refuses the wrong roles and an edit of the status in place of a decision, writing nothing', async () => {
    const reported = await report('六家畈待定工地');
    const count = async () =>
      (await app.ownerSql<{ n: number }>('select count(*)::int as n from pollution_source_change where source_id = $1', [
        Number(Buffer.from(reported.id, 'base64url').toString().split(':')[1]),
      ]))[0].n;
    const before = await count();
    for (const login of ['gridworker', 'officer', 'inspector', 'countydept']) {
      const client = login === 'gridworker' ? worker : await app.as(login);
      const result = await client.request(CONFIRM, { id: reported.id, version: reported.version });
      expect([login, result.errors?.[0].extensions?.code]).toEqual([login, 'FORBIDDEN']);
    }
    const yaohai = await app.as('yaohai');
    const outside = await yaohai.request(REJECT, { id: reported.id, version: reported.version, reason: '不在本区' });
    expect(outside.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const edit = await feidong.request(`mutation($id: ID!, $version: Int!) { updateSource(id: $id, version: $version, input: { status: ACTIVE }) { status } }`, {
      id: reported.id,
      version: reported.version,
    });
    expect(edit.errors?.[0].extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'PENDING', allowedActions: ['confirmSource', 'rejectSource'] });
    const closing = await feidong.request(`mutation($id: ID!) { deactivateSource(id: $id) { status } }`, { id: reported.id });
    expect(closing.errors?.[0].extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'PENDING' });
    const toPending = await feidong.request(`mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }`, {
      input: { gridId, name: '直接不予确认', type: 'OTHER', supervisionLevel: 'GENERAL', status: 'REJECTED' },
    });
    expect(toPending.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    expect(await count()).toBe(before);
  });

  it('the history is paged newest first and bounded by territory', async () => {
    const reported = await report('六家畈分页测试工地');
    const { confirmSource } = await township.data<{ confirmSource: Source }>(CONFIRM, { id: reported.id, version: reported.version });
    await feidong.data(`mutation($id: ID!, $version: Int!) { updateSource(id: $id, version: $version, input: { industry: "建筑施工" }) { id } }`, {
      id: confirmSource.id,
      version: confirmSource.version,
    });
    await feidong.data(`mutation($id: ID!) { deactivateSource(id: $id) { id } }`, { id: confirmSource.id });
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const { source } = await feidong.data<History>(HISTORY, { id: reported.id, first: 1, after });
      expect(source!.history.totalCount).toBe(4);
      seen.push(...source!.history.nodes.map((n) => n.action));
      if (!source!.history.pageInfo.hasNextPage) break;
      after = source!.history.pageInfo.endCursor;
    }
    expect(seen).toEqual(['DEACTIVATED', 'UPDATED', 'CONFIRMED', 'CREATED']);
    const yaohai = await app.as('yaohai');
    const hidden = await yaohai.request<History>(HISTORY, { id: reported.id, first: 10 });
    expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
