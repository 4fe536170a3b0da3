import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';

const COUNT = `query($filter: GridFilter) { grids(first: 1, filter: $filter) { totalCount } }`;

describe('grids through the API (Hefei seed)', () => {
  let app: TestApp;
  let city: GraphQLClient;

  beforeAll(async () => {
    app = await startTestApp();
    city = await app.as('cityadmin');
  });
  afterAll(() => app.close());

  const count = async (client: GraphQLClient, filter: Record<string, unknown> = {}) =>
    (await client.data<{ grids: { totalCount: number } }>(COUNT, { filter })).grids.totalCount;

  it('has exactly the plan’s grid: 1 + 13 + 213 urban + 87 + 1335 = 1,649', async () => {
    expect(await count(city)).toBe(1649);
    expect(await count(city, { level: 'CITY' })).toBe(1);
    expect(await count(city, { level: 'COUNTY' })).toBe(13);
    expect(await count(city, { level: 'TOWNSHIP', kind: 'URBAN_MANAGEMENT' })).toBe(213);
    expect(await count(city, { level: 'TOWNSHIP', kind: 'ADMINISTRATIVE' })).toBe(87);
    expect(await count(city, { level: 'VILLAGE' })).toBe(1335);
  });

  it('finds a grid by code with its parent, ancestors and children', async () => {
    const { gridByCode } = await city.data<{
      gridByCode: { name: string; level: string; parent: { code: string }; ancestors: { code: string }[]; children: { totalCount: number; nodes: { level: string }[] } };
    }>(`{ gridByCode(code: "340122000000") { name level parent { code } ancestors { code } children(first: 100) { totalCount nodes { level } } } }`);
    expect(gridByCode.name).toBe('肥东县');
    expect(gridByCode.level).toBe('COUNTY');
    expect(gridByCode.parent.code).toBe('340100000000');
    expect(gridByCode.ancestors.map((a) => a.code)).toEqual(['340100000000']);
    expect(gridByCode.children.totalCount).toBeGreaterThan(0);
    expect(new Set(gridByCode.children.nodes.map((c) => c.level))).toEqual(new Set(['TOWNSHIP']));
  });

  it('searches by code prefix or name', async () => {
    const byName = await city.data<{ grids: { nodes: { name: string }[] } }>(
      `{ grids(first: 10, filter: { search: "瑶海" }) { nodes { name } } }`,
    );
    expect(byName.grids.nodes.map((g) => g.name)).toContain('瑶海区');
    // Every grid of 瑶海区 (urban grids too) carries its division code prefix.
    expect(await count(city, { search: '340102' })).toBe(await count(city, { withinId: await idOf('340102000000') }));
  });

  async function idOf(code: string): Promise<string> {
    return (await city.data<{ gridByCode: { id: string } }>(`query($c: String!) { gridByCode(code: $c) { id } }`, { c: code })).gridByCode.id;
  }

  it('a county admin sees its county only, and other counties’ grids do not exist for it', async () => {
    const feidong = await app.as('feidong');
    const inCounty = await count(city, { withinId: await idOf('340122000000') });
    expect(await count(feidong)).toBe(inCounty);
    const yaohaiId = await idOf('340102000000');
    const result = await feidong.request(`query($id: ID!) { grid(id: $id) { name } }`, { id: yaohaiId });
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const missing = await feidong.request(`query($id: ID!) { grid(id: $id) { name } }`, { id: Buffer.from('Grid:999999').toString('base64url') });
    expect(missing.errors?.[0].message.replace(/\S+ not found/, 'X not found')).toBe(result.errors?.[0].message.replace(/\S+ not found/, 'X not found'));
    expect((await feidong.data<{ gridByCode: null }>(`{ gridByCode(code: "340102000000") { id } }`)).gridByCode).toBeNull();
  });

  it('creates, renames and deactivates a village grid; validates input; changes nothing on error', async () => {
    const feidong = await app.as('feidong');
    const township = (await feidong.data<{ grids: { nodes: { id: string; code: string }[] } }>(
      `{ grids(first: 1, filter: { level: TOWNSHIP }) { nodes { id code } } }`,
    )).grids.nodes[0];
    const code = `${township.code.slice(0, 9)}998`;
    const before = await count(city);

    const bad = await feidong.request(`mutation($input: CreateGridInput!) { createGrid(input: $input) { id } }`, {
      input: { parentId: township.id, code: '12345', name: '' },
    });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // An empty name is both too short and blank: each problem is listed.
    expect([...new Set((bad.errors?.[0].extensions?.fields as { field: string }[]).map((f) => f.field))].sort()).toEqual(['code', 'name']);

    const wrongPrefix = await feidong.request(`mutation($input: CreateGridInput!) { createGrid(input: $input) { id } }`, {
      input: { parentId: township.id, code: '340102001998', name: '错位村' },
    });
    expect(wrongPrefix.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(await count(city)).toBe(before);

    const created = await feidong.data<{ createGrid: { id: string; level: string; parent: { id: string } } }>(
      `mutation($input: CreateGridInput!) { createGrid(input: $input) { id level parent { id } } }`,
      { input: { parentId: township.id, code, name: '测试村', centroid: { lng: 117.5, lat: 31.9 } } },
    );
    expect(created.createGrid).toMatchObject({ level: 'VILLAGE', parent: { id: township.id } });
    const duplicate = await feidong.request(`mutation($input: CreateGridInput!) { createGrid(input: $input) { id } }`, {
      input: { parentId: township.id, code, name: '重复村' },
    });
    expect(duplicate.errors?.[0].extensions?.code).toBe('CONFLICT');

    const renamed = await feidong.data<{ updateGrid: { name: string; centroid: { lng: number } } }>(
      `mutation($id: ID!) { updateGrid(id: $id, input: { name: "更名村" }) { name centroid { lng } } }`,
      { id: created.createGrid.id },
    );
    expect(renamed.updateGrid).toEqual({ name: '更名村', centroid: { lng: 117.5 } });
    const gone = await feidong.data<{ deactivateGrid: { active: boolean } }>(`mutation($id: ID!) { deactivateGrid(id: $id) { active } }`, {
      id: created.createGrid.id,
    });
    expect(gone.deactivateGrid.active).toBe(false);
    const busy = await feidong.request(`mutation($id: ID!) { deactivateGrid(id: $id) { active } }`, { id: township.id });
    expect(busy.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('a county admin cannot create outside its county nor touch the county grid itself', async () => {
    const feidong = await app.as('feidong');
    const yaohai = await idOf('340102000000');
    const outside = await feidong.request(`mutation($p: ID!) { createGrid(input: { parentId: $p, code: "34010200100099", name: "越界" }) { id } }`, { p: yaohai });
    expect(outside.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const own = await feidong.request(`mutation($id: ID!) { updateGrid(id: $id, input: { name: "改名" }) { name } }`, { id: await idOf('340122000000') });
    expect(own.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('a village moves between townships of its county, never out of it; the city may move it further', async () => {
    const feidong = await app.as('feidong');
    const villages = await feidong.data<{ grids: { nodes: { id: string; parent: { id: string } }[] } }>(
      `{ grids(first: 1, filter: { level: VILLAGE }) { nodes { id parent { id } } } }`,
    );
    const village = villages.grids.nodes[0];
    const otherTownship = (await feidong.data<{ grids: { nodes: { id: string }[] } }>(
      `{ grids(first: 2, filter: { level: TOWNSHIP }) { nodes { id } } }`,
    )).grids.nodes.find((t) => t.id !== village.parent.id)!;
    const moved = await feidong.data<{ updateGrid: { parent: { id: string } } }>(
      `mutation($id: ID!, $p: ID!) { updateGrid(id: $id, input: { parentId: $p }) { parent { id } } }`,
      { id: village.id, p: otherTownship.id },
    );
    expect(moved.updateGrid.parent.id).toBe(otherTownship.id);
    const cityTownship = (await city.data<{ grids: { nodes: { id: string }[] } }>(
      `query($w: ID!) { grids(first: 1, filter: { level: TOWNSHIP, withinId: $w }) { nodes { id } } }`,
      { w: await idOf('340121000000') },
    )).grids.nodes[0];
    const escape = await city.request(`mutation($id: ID!, $p: ID!) { updateGrid(id: $id, input: { parentId: $p }) { id } }`, {
      id: village.id,
      p: cityTownship.id,
    });
    expect(escape.errors).toBeUndefined();
    const after = await city.data<{ grid: { ancestors: { code: string }[] } }>(`query($id: ID!) { grid(id: $id) { ancestors { code } } }`, {
      id: village.id,
    });
    expect(after.grid.ancestors.map((a) => a.code).slice(0, 2)).toEqual(['340100000000', '340121000000']);
    const back = await feidong.request(`mutation($id: ID!, $p: ID!) { updateGrid(id: $id, input: { parentId: $p }) { id } }`, {
      id: village.id,
      p: otherTownship.id,
    });
    expect(back.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
