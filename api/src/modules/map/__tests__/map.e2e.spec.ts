import { startTestApp, type TestApp } from '../../../test/test-app';

const AREAS = `query($level: GridLevel!, $withinId: ID) { mapAreas(level: $level, withinId: $withinId) { id code name level boundarySource boundary labelPoint { lng lat } } }`;
const LAYER = (field: string) => `query($view: MapViewInput!) { ${field}(view: $view) { total unlocated inView clusters { count lng lat recordId label } } }`;
// All of Hefei at zoom 8 (cells of 0.35°), and one county-sized view at zoom 12.
const HEFEI = { minLng: 116, minLat: 30.5, maxLng: 118.5, maxLat: 33, zoom: 8 };
const CLOSE = { minLng: 117.2, minLat: 31.8, maxLng: 117.5, maxLat: 32.1, zoom: 12 };

interface Area {
  code: string;
  level: string;
  boundarySource: string | null;
  boundary: { type: string };
  labelPoint: { lng: number; lat: number } | null;
}
interface Layer {
  total: number;
  unlocated: number;
  inView: number;
  clusters: { count: number; lng: number; lat: number; recordId: string | null; label: string | null }[];
}
const codeOf = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

describe('the office map: boundaries and clustered layers in the caller\'s territory', () => {
  let app: TestApp;
  let counts: { table: string; county: string; n: number; located: number }[];

  beforeAll(async () => {
    app = await startTestApp();
    counts = await app.ownerSql(
      `select 'sources' as table, g.code as county, count(*)::int as n, count(s.lng)::int as located from pollution_source s join grid g on g.id = s.county_id group by g.code
       union all select 'cases', g.code, count(*)::int, count(c.lng)::int from "case" c join grid g on g.id = c.county_id group by g.code
       union all select 'checkIns', g.code, count(*)::int, count(p.lng)::int from patrol_check_in p join grid g on g.id = p.county_id group by g.code`,
    );
  });
  afterAll(() => app.close());

  const expected = (table: string, county?: string) => counts.filter((c) => c.table === table && (!county || c.county === county)).reduce((n, c) => n + c.n, 0);

  it('gives the city every county boundary, real ones REAL and the development zones 示意 (APPROXIMATED)', async () => {
    const city = await app.as('cityadmin');
    const { mapAreas } = await city.data<{ mapAreas: Area[] }>(AREAS, { level: 'COUNTY' });
    expect(mapAreas).toHaveLength(13);
    expect(mapAreas.filter((a) => a.boundarySource === 'REAL')).toHaveLength(9);
    expect(mapAreas.find((a) => a.code === '340176000000')?.boundarySource).toBe('APPROXIMATED');
    for (const a of mapAreas) {
      expect(['Polygon', 'MultiPolygon']).toContain(a.boundary.type);
      expect(a.labelPoint).not.toBeNull();
    }
  });

  it('gives a county administrator only its own county and its townships', async () => {
    const yaohai = await app.as('yaohai');
    const { mapAreas: counties } = await yaohai.data<{ mapAreas: Area[] }>(AREAS, { level: 'COUNTY' });
    expect(counties.map((a) => a.code)).toEqual(['340102000000']);
    const { mapAreas: townships } = await yaohai.data<{ mapAreas: Area[] }>(AREAS, { level: 'TOWNSHIP' });
    expect(townships.length).toBeGreaterThan(10);
    expect(townships.every((a) => a.code.startsWith('340102') && a.boundarySource === 'APPROXIMATED')).toBe(true);
  });

  it.each(['mapSources', 'mapCases', 'mapCheckIns'])('%s: the clusters add up to the scoped total, nothing capped', async (field) => {
    const table = { mapSources: 'sources', mapCases: 'cases', mapCheckIns: 'checkIns' }[field] as string;
    const city = await app.as('cityadmin');
    const all = (await city.data<Record<string, Layer>>(LAYER(field), { view: HEFEI }))[field];
    expect(all.total).toBe(expected(table));
    // More than the old console's cap of 500 per layer (the seed has 600 sources).
    expect(all.total).toBeGreaterThan({ sources: 500, cases: 300, checkIns: 300 }[table] as number);
    expect(all.inView + all.unlocated).toBe(all.total);
    expect(all.clusters.reduce((n, c) => n + c.count, 0)).toBe(all.inView);

    const yaohai = await app.as('yaohai');
    const own = (await yaohai.data<Record<string, Layer>>(LAYER(field), { view: HEFEI }))[field];
    expect(own.total).toBe(expected(table, '340102000000'));
    expect(own.total).toBeLessThan(all.total);
    expect(own.inView + own.unlocated).toBe(own.total);
  });

  it('names the record of a cluster of one, and a closer view splits the clusters', async () => {
    const yaohai = await app.as('yaohai');
    const far = (await yaohai.data<{ mapSources: Layer }>(LAYER('mapSources'), { view: HEFEI })).mapSources;
    const near = (await yaohai.data<{ mapSources: Layer }>(LAYER('mapSources'), { view: { ...CLOSE, zoom: 16, minLng: 117.3, maxLng: 117.42, minLat: 31.82, maxLat: 31.94 } })).mapSources;
    expect(near.clusters.length).toBeGreaterThan(far.clusters.length);
    const single = near.clusters.find((c) => c.count === 1);
    expect(single?.recordId).toBeTruthy();
    expect(single?.label).toBeTruthy();
    const [{ name }] = await app.ownerSql<{ name: string }>(`select name from pollution_source where id = $1`, [Number(Buffer.from(single!.recordId!, 'base64url').toString().split(':')[1])]);
    expect(single?.label).toBe(name);
    expect(near.clusters.filter((c) => c.count > 1).every((c) => c.recordId === null)).toBe(true);
  });

  it('refuses a bad view with BAD_USER_INPUT', async () => {
    const city = await app.as('cityadmin');
    for (const view of [
      { ...CLOSE, minLng: 118, maxLng: 117 },
      { ...CLOSE, maxLat: 95 },
      { ...CLOSE, zoom: 30 },
      { minLng: -180, maxLng: 180, minLat: -90, maxLat: 90, zoom: 14 },
    ]) {
      expect(codeOf(await city.request(LAYER('mapCases'), { view }))).toBe('BAD_USER_INPUT');
    }
  });
});
