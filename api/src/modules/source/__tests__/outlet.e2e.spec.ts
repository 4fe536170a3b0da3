import { Client } from 'pg';
import { enableAppRole } from '../../../db/app-role';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';

const CREATE = `mutation($input: CreateOutletInput!) { createOutlet(input: $input) { id code name medium version } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateOutletInput!) { updateOutlet(id: $id, version: $version, input: $input) { id code name medium version } }`;
const DELETE = `mutation($id: ID!) { deleteOutlet(id: $id) }`;
const OUTLETS = `query($id: ID!) { source(id: $id) { outlets { code name medium } } }`;

const gid = (type: string, id: number): string => Buffer.from(`${type}:${id}`).toString('base64url');

describe('discharge outlets (排放口) of a source', () => {
  let app: TestApp;
  let feidong: GraphQLClient;
  let sourceId: string;

  beforeAll(async () => {
    app = await startTestApp();
    feidong = await app.as('feidong');
    const [source] = await app.ownerSql<{ id: number }>(
      `select s.id from pollution_source s join grid c on c.id = s.county_id where c.code = '340122000000' and s.type = 'ENTERPRISE' order by s.id limit 1`,
    );
    sourceId = gid('PollutionSource', source.id);
  });
  afterAll(() => app.close());

  it('a county adds, lists, edits and removes the outlets of its source', async () => {
    const { createOutlet: air } = await feidong.data<{ createOutlet: { id: string; version: number; medium: string } }>(CREATE, {
      input: { sourceId, code: 'DA001', name: '锅炉废气排放口' },
    });
    expect(air.medium).toBe('AIR');
    await feidong.data(CREATE, { input: { sourceId, code: 'DW001', name: '生产废水排放口' } });
    expect((await feidong.data<{ source: { outlets: unknown[] } }>(OUTLETS, { id: sourceId })).source.outlets).toEqual([
      { code: 'DA001', name: '锅炉废气排放口', medium: 'AIR' },
      { code: 'DW001', name: '生产废水排放口', medium: 'WATER' },
    ]);
    // The outlet's rows carry the source's scope (row-level security keys on them).
    const [row] = await app.ownerSql<{ same: boolean }>(
      `select o.county_id = s.county_id and o.grid_id = s.grid_id as same from discharge_outlet o join pollution_source s on s.id = o.source_id where o.code = 'DA001'`,
    );
    expect(row.same).toBe(true);

    const duplicate = await feidong.request(CREATE, { input: { sourceId, code: 'DW001', name: '重复' } });
    expect(duplicate.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'code' });
    const blank = await feidong.request(CREATE, { input: { sourceId, code: 'DA003', name: '   ' } });
    expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    for (const code of ['DS001', 'DA000', 'DA01', 'da001']) {
      const bad = await feidong.request(CREATE, { input: { sourceId, code, name: '编码错误' } });
      expect({ code, extensions: bad.errors?.[0].extensions }).toMatchObject({ code, extensions: { code: 'BAD_USER_INPUT', field: 'code' } });
    }

    const { updateOutlet } = await feidong.data<{ updateOutlet: { version: number; code: string } }>(UPDATE, {
      id: air.id,
      version: air.version,
      input: { code: 'DA002', name: '2号锅炉废气排放口' },
    });
    expect(updateOutlet.code).toBe('DA002');
    const stale = await feidong.request(UPDATE, { id: air.id, version: air.version, input: { name: '过期' } });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');

    expect((await feidong.data<{ deleteOutlet: string }>(DELETE, { id: air.id })).deleteOutlet).toBe(air.id);
    expect((await feidong.data<{ source: { outlets: { code: string }[] } }>(OUTLETS, { id: sourceId })).source.outlets.map((o) => o.code)).toEqual(['DW001']);
    // Each change is in the source's history, newest first.
    const { source } = await feidong.data<{ source: { history: { nodes: { action: string; changes: Record<string, unknown> }[] } } }>(
      `query($id: ID!) { source(id: $id) { history(first: 4) { nodes { action changes } } } }`,
      { id: sourceId },
    );
    expect(source.history.nodes.map((n) => n.changes.outlets)).toEqual([
      ['DA002 2号锅炉废气排放口', null],
      ['DA001 锅炉废气排放口', 'DA002 2号锅炉废气排放口'],
      [null, 'DW001 生产废水排放口'],
      [null, 'DA001 锅炉废气排放口'],
    ]);
  });

  it("another county can neither see nor add nor change the outlets of a source outside its territory", async () => {
    const { createOutlet } = await feidong.data<{ createOutlet: { id: string; version: number } }>(CREATE, { input: { sourceId, code: 'DW009', name: '雨水排放口' } });
    const yaohai = await app.as('yaohai');
    const before = (await app.ownerSql<{ n: number }>('select count(*)::int as n from discharge_outlet'))[0].n;

    expect((await yaohai.data<{ source: unknown }>(OUTLETS, { id: sourceId }).catch((e: Error) => e.message))).toContain('NOT_FOUND');
    const add = await yaohai.request(CREATE, { input: { sourceId, code: 'DA009', name: '越界' } });
    expect(add.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const edit = await yaohai.request(UPDATE, { id: createOutlet.id, version: createOutlet.version, input: { name: '越界修改' } });
    expect(edit.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const remove = await yaohai.request(DELETE, { id: createOutlet.id });
    expect(remove.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // A source of its own lists only its own outlets.
    const [own] = await app.ownerSql<{ id: number }>(`select s.id from pollution_source s join grid c on c.id = s.county_id where c.code = '340102000000' order by s.id limit 1`);
    expect((await yaohai.data<{ source: { outlets: unknown[] } }>(OUTLETS, { id: gid('PollutionSource', own.id) })).source.outlets).toEqual([]);

    // Inside the territory, a role that does not keep the archive reads but does not add.
    const officer = await app.as('officer');
    const refused = await officer.request(CREATE, { input: { sourceId, code: 'DA010', name: '执法人员' } });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.ownerSql<{ n: number }>('select count(*)::int as n from discharge_outlet'))[0].n).toBe(before);
    const [{ name }] = await app.ownerSql<{ name: string }>('select name from discharge_outlet where code = $1', ['DW009']);
    expect(name).toBe('雨水排放口');
  });

  it('row-level security bounds outlets by their own scope columns, whatever the API does', async () => {
    const counties = await app.ownerSql<{ code: string; id: number }>(`select code, id from grid where code in ('340122000000', '340102000000')`);
    const unit = (code: string) => counties.find((c) => c.code === code)!.id;
    const [{ n: feidongOutlets }] = await app.ownerSql<{ n: number }>('select count(*)::int as n from discharge_outlet where county_id = $1', [unit('340122000000')]);
    expect(feidongOutlets).toBeGreaterThan(0);
    const client = new Client(await enableAppRole(app.databaseUrl));
    await client.connect();
    try {
      const seen = async (code: string) => {
        await client.query('begin');
        await client.query(`select gw_bind_unit('COUNTY', $1, '{}')`, [unit(code)]);
        const { rows } = await client.query<{ n: number }>('select count(*)::int as n from discharge_outlet');
        // Writing into another county is refused by the policy's check, not only hidden.
        const write = await client
          .query(`update discharge_outlet set county_id = $1`, [unit(code === '340102000000' ? '340122000000' : '340102000000')])
          .then(() => 'written', (e: Error) => e.message);
        await client.query('rollback');
        return { n: rows[0].n, write };
      };
      expect(await seen('340102000000')).toEqual({ n: 0, write: 'written' });
      expect(await seen('340122000000')).toEqual({ n: feidongOutlets, write: expect.stringContaining('row-level security') });
    } finally {
      await client.end();
    }
  });
});
