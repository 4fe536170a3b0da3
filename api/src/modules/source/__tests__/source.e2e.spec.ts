import { creditCodeCheckChar } from '@gridwatch/domain';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';

const CREATE = `mutation($input: CreateSourceInput!) { createSource(input: $input) { id name status creditCode version grid { code } } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateSourceInput!) { updateSource(id: $id, version: $version, input: $input) { id name version } }`;
const validCode = (body: string) => body + creditCodeCheckChar(body);

describe('pollution sources', () => {
  let app: TestApp;
  let feidong: GraphQLClient;
  let villageId: string;

  beforeAll(async () => {
    app = await startTestApp();
    feidong = await app.as('feidong');
    villageId = (await feidong.data<{ grids: { nodes: { id: string }[] } }>(`{ grids(first: 1, filter: { level: VILLAGE }) { nodes { id } } }`)).grids
      .nodes[0].id;
  });
  afterAll(() => app.close());

  it('rejects a credit code with a wrong check character, naming the field, and writes nothing', async () => {
    const body = '91340122MA2N00000';
    const good = validCode(body);
    const wrong = body + (good.endsWith('0') ? '1' : '0');
    const before = await app.ownerSql<{ n: number }>('select count(*)::int as n from pollution_source');
    const result = await feidong.request(CREATE, {
      input: { gridId: villageId, name: '测试化工厂', creditCode: wrong, type: 'ENTERPRISE', supervisionLevel: 'KEY' },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditCode' });
    const after = await app.ownerSql<{ n: number }>('select count(*)::int as n from pollution_source');
    expect(after[0].n).toBe(before[0].n);
  });

  it('archives a source and keeps every change as history', async () => {
    const code = validCode('91340122MA2N00001');
    const { createSource } = await feidong.data<{ createSource: { id: string; status: string; version: number } }>(CREATE, {
      input: { gridId: villageId, name: '测试建材厂', creditCode: code, type: 'ENTERPRISE', industry: '建材', supervisionLevel: 'GENERAL' },
    });
    expect(createSource.status).toBe('ACTIVE');
    const { updateSource } = await feidong.data<{ updateSource: { version: number } }>(UPDATE, {
      id: createSource.id,
      version: createSource.version,
      input: { supervisionLevel: 'KEY', name: '测试建材厂(扩建)' },
    });
    expect(updateSource.version).toBe(createSource.version + 1);
    // An edit of the version read before someone else's edit: CONFLICT, nothing written.
    const stale = await feidong.request(UPDATE, { id: createSource.id, version: createSource.version, input: { name: '过期的修改' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: updateSource.version });
    const [row] = await app.ownerSql<{ name: string; version: number }>('select name, version from pollution_source where id = $1', [
      Number(Buffer.from(createSource.id, 'base64url').toString().split(':')[1]),
    ]);
    expect(row).toEqual({ name: '测试建材厂(扩建)', version: updateSource.version });
    await feidong.data(`mutation($id: ID!) { deactivateSource(id: $id) { status } }`, { id: createSource.id });
    const { source } = await feidong.data<{ source: { status: string; history: { nodes: { action: string; changes: Record<string, unknown[]> }[] } } }>(
      `query($id: ID!) { source(id: $id) { status history(first: 10) { nodes { action changes } } } }`,
      { id: createSource.id },
    );
    expect(source.status).toBe('CLOSED');
    expect(source.history.nodes.map((n) => n.action)).toEqual(['DEACTIVATED', 'UPDATED', 'CREATED']);
    expect(source.history.nodes[1].changes).toEqual({ name: ['测试建材厂', '测试建材厂(扩建)'], supervisionLevel: ['GENERAL', 'KEY'] });
    // One unit, two sites (HJ 608-2017): the credit code repeats, the source code does not.
    const secondSite = await feidong.data<{ createSource: { creditCode: string } }>(CREATE, {
      input: { gridId: villageId, name: '同一单位第二场所', creditCode: code, sourceCode: `${code}002P`, type: 'ENTERPRISE', supervisionLevel: 'GENERAL' },
    });
    expect(secondSite.createSource.creditCode).toBe(code);
    const duplicate = await feidong.request(CREATE, {
      input: { gridId: villageId, name: '同码企业', sourceCode: `${code}002P`, type: 'ENTERPRISE', supervisionLevel: 'GENERAL' },
    });
    expect(duplicate.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'sourceCode' });
  });

  it('a grid worker’s new source is pending; filters and search work within scope', async () => {
    const worker = await app.as('gridworker');
    const grid = (await worker.data<{ me: { account: { login: string } } ; grids: { nodes: { id: string }[] } }>(
      `{ me { account { login } } grids(first: 1, filter: { level: VILLAGE }) { nodes { id } } }`,
    )).grids.nodes[0];
    const { createSource } = await worker.data<{ createSource: { status: string; name: string } }>(CREATE, {
      input: { gridId: grid.id, name: '新增施工工地', type: 'CONSTRUCTION_SITE', supervisionLevel: 'GENERAL' },
    });
    expect(createSource.status).toBe('PENDING');
    const found = await feidong.data<{ sources: { nodes: { name: string; status: string }[] } }>(
      `{ sources(first: 10, filter: { search: "新增施工", status: PENDING }) { nodes { name status } } }`,
    );
    expect(found.sources.nodes).toEqual([{ name: '新增施工工地', status: 'PENDING' }]);
    const yaohai = await app.as('yaohai');
    const hidden = await yaohai.data<{ sources: { nodes: unknown[] } }>(`{ sources(first: 10, filter: { search: "新增施工" }) { nodes { name } } }`);
    expect(hidden.sources.nodes).toEqual([]);
  });
});
