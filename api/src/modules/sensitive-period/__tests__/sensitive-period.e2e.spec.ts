import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';

const CREATE = `mutation($input: SensitivePeriodInput!) { createSensitivePeriod(input: $input) { id version name unit { code } units { code } levels industries } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: SensitivePeriodInput!, $active: Boolean) {
  updateSensitivePeriod(id: $id, version: $version, input: $input, active: $active) { id version active } }`;
const LIST = `query($on: String) { sensitivePeriods(first: 50, filter: { activeOn: $on }) { nodes { id name } } }`;
const FACTOR = `query($id: ID!, $day: String!) { grid(id: $id) { patrolFactor(day: $day) } }`;

type Period = { id: string; version: number; name: string };
const internalId = (globalId: string): number => Number(Buffer.from(globalId, 'base64url').toString().split(':')[1]);

describe('sensitive periods (重大活动/敏感时期)', () => {
  let app: TestApp;
  let cityadmin: GraphQLClient;
  let feidong: GraphQLClient;
  let yaohai: GraphQLClient;
  let township: GraphQLClient;
  let townshipGrid: { id: string; code: string };
  let villageId: string;
  let yaohaiGrid: string;
  let cityGrid: string;

  const ids = async (client: GraphQLClient, on?: string) => (await client.data<{ sensitivePeriods: { nodes: Period[] } }>(LIST, { on })).sensitivePeriods.nodes.map((n) => n.id);
  const factor = async (client: GraphQLClient, id: string, day: string) => (await client.data<{ grid: { patrolFactor: number } }>(FACTOR, { id, day })).grid.patrolFactor;

  beforeAll(async () => {
    app = await startTestApp();
    [cityadmin, feidong, yaohai, township] = await Promise.all(['cityadmin', 'feidong', 'yaohai', 'township'].map((l) => app.as(l)));
    townshipGrid = (await township.data<{ grids: { nodes: { id: string; code: string }[] } }>(`{ grids(first: 1, filter: { level: TOWNSHIP }) { nodes { id code } } }`)).grids.nodes[0];
    villageId = (await township.data<{ grids: { nodes: { id: string }[] } }>(`{ grids(first: 1, filter: { level: VILLAGE }) { nodes { id } } }`)).grids.nodes[0].id;
    yaohaiGrid = (await yaohai.data<{ grids: { nodes: { id: string }[] } }>(`{ grids(first: 1, filter: { level: TOWNSHIP }) { nodes { id } } }`)).grids.nodes[0].id;
    cityGrid = (await cityadmin.data<{ grids: { nodes: { id: string }[] } }>(`{ grids(first: 1, filter: { level: CITY }) { nodes { id } } }`)).grids.nodes[0].id;
  });
  afterAll(() => app.close());

  const input = (over: Record<string, unknown> = {}) => ({
    name: '秸秆禁烧期',
    startsOn: '2026-06-01',
    endsOn: '2026-06-30',
    gridIds: [townshipGrid.id],
    inspectionFactor: 2,
    patrolFactor: 3,
    ...over,
  });

  it('the city defines periods anywhere, a county within itself; bad input and other roles are refused', async () => {
    const county = await feidong.data<{ createSensitivePeriod: Record<string, unknown> }>(CREATE, { input: input({ levels: ['KEY', 'KEY'], industries: [' 化工 '] }) });
    expect(county.createSensitivePeriod).toMatchObject({ name: '秸秆禁烧期', unit: { code: '340122000000' }, units: [{ code: townshipGrid.code }], levels: ['KEY'], industries: ['化工'] });
    const city = await cityadmin.data<{ createSensitivePeriod: Record<string, unknown> }>(CREATE, {
      input: input({ name: '全市重大活动保障', startsOn: '2026-06-10', endsOn: '2026-06-20', gridIds: [cityGrid], patrolFactor: 1.5 }),
    });
    expect(city.createSensitivePeriod).toMatchObject({ unit: { code: '340100000000' } });

    const before = (await app.ownerSql<{ n: number }>('select count(*)::int as n from sensitive_period'))[0].n;
    const outside = await feidong.request(CREATE, { input: input({ gridIds: [yaohaiGrid] }) });
    expect(outside.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const backwards = await feidong.request(CREATE, { input: input({ endsOn: '2026-05-01' }) });
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsOn' });
    const lower = await feidong.request(CREATE, { input: input({ inspectionFactor: 0.5 }) });
    expect(lower.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inspectionFactor' });
    for (const login of ['township', 'officer', 'inspector', 'gridworker']) {
      const result = await (await app.as(login)).request(CREATE, { input: input() });
      expect([login, result.errors?.[0].extensions?.code]).toEqual([login, 'FORBIDDEN']);
    }
    expect((await app.ownerSql<{ n: number }>('select count(*)::int as n from sensitive_period'))[0].n).toBe(before);
  });

  it('a period is read below the unit that defined it, and by the city; not by another county', async () => {
    const all = await ids(cityadmin);
    expect(all).toHaveLength(2);
    const [cityPeriod, countyPeriod] = await Promise.all(['全市重大活动保障', '秸秆禁烧期'].map(async (name) =>
      (await cityadmin.data<{ sensitivePeriods: { nodes: Period[] } }>(LIST, {})).sensitivePeriods.nodes.find((n) => n.name === name)!.id));
    expect((await ids(township)).sort()).toEqual([cityPeriod, countyPeriod].sort());
    expect(await ids(yaohai)).toEqual([cityPeriod]);
    const hidden = await yaohai.request(`query($id: ID!) { sensitivePeriod(id: $id) { id } }`, { id: countyPeriod });
    expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await ids(township, '2026-06-05')).toEqual([countyPeriod]);
    expect(await ids(township, '2026-07-01')).toEqual([]);
  });

  it('gives the patrol factor of a grid on a day: the largest of the periods covering it', async () => {
    const worker = await app.as('gridworker');
    const own = (await worker.data<{ grids: { nodes: { id: string }[] } }>(`{ grids(first: 1, filter: { level: VILLAGE }) { nodes { id } } }`)).grids.nodes[0].id;
    expect(await factor(township, villageId, '2026-06-05')).toBe(3);
    expect(await factor(township, villageId, '2026-06-15')).toBe(3);
    expect(await factor(worker, own, '2026-06-15')).toBe(3);
    expect(await factor(township, villageId, '2026-07-01')).toBe(1);
    expect(await factor(yaohai, yaohaiGrid, '2026-06-15')).toBe(1.5);
    expect(await factor(yaohai, yaohaiGrid, '2026-06-05')).toBe(1);
    // The same rule in SQL for set-based plan queries.
    const [row] = await app.ownerSql<{ f: number }>('select gw_patrol_factor($1, $2::date) as f', [internalId(villageId), '2026-06-15']);
    expect(row.f).toBe(3);
    const bad = await township.request(FACTOR, { id: villageId, day: '2026-13-01' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'day' });
  });

  it('is changed with its version and withdrawn with active: false; another county cannot touch it', async () => {
    const { sensitivePeriods } = await feidong.data<{ sensitivePeriods: { nodes: Period[] } }>(
      `{ sensitivePeriods(first: 10) { nodes { id name version } } }`,
    );
    const mine = sensitivePeriods.nodes.find((p) => p.name === '秸秆禁烧期')!;
    const cityPeriod = sensitivePeriods.nodes.find((p) => p.name === '全市重大活动保障')!;
    const stale = await feidong.request(UPDATE, { id: mine.id, version: mine.version + 1, input: input() });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: mine.version });
    const notTheirs = await yaohai.request(UPDATE, { id: mine.id, version: mine.version, input: input() });
    expect(notTheirs.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const notTheCountys = await feidong.request(UPDATE, { id: cityPeriod.id, version: cityPeriod.version, input: input() });
    expect(notTheCountys.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { updateSensitivePeriod } = await feidong.data<{ updateSensitivePeriod: { version: number; active: boolean } }>(UPDATE, {
      id: mine.id,
      version: mine.version,
      input: input(),
      active: false,
    });
    expect(updateSensitivePeriod).toMatchObject({ active: false, version: mine.version + 1 });
    expect(await factor(township, villageId, '2026-06-05')).toBe(1);
    expect(await factor(township, villageId, '2026-06-15')).toBe(1.5);
  });
});
