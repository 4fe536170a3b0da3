import { startTestApp, type TestApp } from '../../../test/test-app';

const IMPORT = `mutation($collection: JSONObject!) { importGridBoundaries(collection: $collection) { code boundarySource boundary } }`;
const square = (lng: number, lat: number, d = 0.01) => ({
  type: 'Polygon',
  coordinates: [[[lng, lat], [lng + d, lat], [lng + d, lat + d], [lng, lat + d], [lng, lat]]],
});
const feature = (code: string | null, geometry: unknown) => ({ type: 'Feature', properties: code ? { code } : {}, geometry });
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

interface Refusal {
  errors?: { extensions?: { code?: string; features?: { index: number; code: string | null; reason: string }[] } }[];
}

describe('importGridBoundaries: a GeoJSON boundary file for the grids one administers', () => {
  let app: TestApp;
  let yaohaiTownship: string;
  let feidongTownship: string;
  const stored = async (code: string) =>
    (await app.ownerSql<{ boundary: unknown; source: string | null }>(`select boundary, boundary_source as source from grid where code = $1`, [code]))[0];

  beforeAll(async () => {
    app = await startTestApp();
    [{ code: yaohaiTownship }] = await app.ownerSql<{ code: string }>(`select code from grid where level = 'TOWNSHIP' and code like '340102%' order by code limit 1`);
    [{ code: feidongTownship }] = await app.ownerSql<{ code: string }>(`select code from grid where level = 'TOWNSHIP' and code like '340122%' order by code limit 1`);
  });
  afterAll(() => app.close());

  it('a county administrator imports its townships\' boundaries, marked IMPORTED', async () => {
    const yaohai = await app.as('yaohai');
    const { importGridBoundaries } = await yaohai.data<{ importGridBoundaries: { code: string; boundarySource: string }[] }>(IMPORT, {
      collection: collection(feature(yaohaiTownship, square(117.33, 31.86))),
    });
    expect(importGridBoundaries).toEqual([expect.objectContaining({ code: yaohaiTownship, boundarySource: 'IMPORTED' })]);
    expect(await stored(yaohaiTownship)).toEqual({ boundary: square(117.33, 31.86), source: 'IMPORTED' });
    // The list reads it too (the compiled read), next to a seeded, approximated one.
    const { grids } = await yaohai.data<{ grids: { nodes: { code: string; boundarySource: string }[] } }>(
      `{ grids(first: 100, filter: { level: TOWNSHIP }) { nodes { code boundarySource } } }`,
    );
    expect(grids.nodes.find((g) => g.code === yaohaiTownship)?.boundarySource).toBe('IMPORTED');
    expect(grids.nodes.filter((g) => g.boundarySource === 'APPROXIMATED').length).toBe(grids.nodes.length - 1);
  });

  it('refuses the whole file with a reason per feature, and changes nothing', async () => {
    const before = await stored(yaohaiTownship);
    const feidongBefore = await stored(feidongTownship);
    const yaohai = await app.as('yaohai');
    const result = (await yaohai.request(IMPORT, {
      collection: collection(
        feature(yaohaiTownship, square(117.3, 31.8)),
        feature(feidongTownship, square(117.5, 31.9)),
        feature('340102000000', square(117.3, 31.8)),
        feature(null, square(117.3, 31.8)),
        feature(yaohaiTownship, square(117.3, 31.8)),
        feature('340102001000', { type: 'Point', coordinates: [117.3, 31.8] }),
        { type: 'Polygon' },
      ),
    })) as Refusal;
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.features?.map((f) => [f.index, f.reason])).toEqual([
      [1, 'UNKNOWN_GRID'], // another county's township is not found
      [2, 'NOT_PERMITTED'], // a county does not reshape itself
      [3, 'MISSING_CODE'],
      [4, 'DUPLICATE'],
      [5, 'BAD_GEOMETRY'],
      [6, 'NOT_A_FEATURE'],
    ]);
    expect(await stored(yaohaiTownship)).toEqual(before);
    expect(await stored(feidongTownship)).toEqual(feidongBefore);
    const notACollection = (await yaohai.request(IMPORT, { collection: { type: 'Feature' } })) as Refusal;
    expect(notACollection.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('the city imports county boundaries anywhere in the city; others may not import', async () => {
    const city = await app.as('cityadmin');
    await city.data(IMPORT, { collection: collection(feature('340122000000', square(117.4, 31.8, 0.3)), feature(feidongTownship, square(117.5, 31.9))) });
    expect((await stored('340122000000')).source).toBe('IMPORTED');
    expect((await stored(feidongTownship)).boundary).toEqual(square(117.5, 31.9));
    const worker = await app.as('gridworker');
    expect(((await worker.request(IMPORT, { collection: collection(feature(feidongTownship, square(1, 1))) })) as Refusal).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
