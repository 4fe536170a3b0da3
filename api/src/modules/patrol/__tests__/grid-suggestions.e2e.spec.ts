import { fromGlobalId } from '../../../common/global-id';
import { startTestApp, type TestApp } from '../../../test/test-app';

const SUGGEST = `query($location: GeoPointInput!, $first: Int) {
  gridSuggestions(location: $location, first: $first) { grid { id name level ancestors { code } } basis distanceMeters }
}`;

interface Suggestion {
  grid: { id: string; name: string; level: string; ancestors: { code: string }[] };
  basis: string;
  distanceMeters: number | null;
}

describe('gridSuggestions: which grid is this point in', () => {
  let app: TestApp;
  let place: { lng: number; lat: number; gridId: number };

  beforeAll(async () => {
    app = await startTestApp();
    // Where a case of the demo grid worker's village was reported.
    [place] = await app.ownerSql<{ lng: number; lat: number; gridId: number }>(
      `select c.lng, c.lat, c.grid_id as "gridId" from "case" c join grid g on g.id = c.grid_id
        where g.code = '340122104008' and c.lng is not null order by c.id limit 1`,
    );
  });
  afterAll(() => app.close());

  it('with the seeded (approximated) boundaries: the village that holds the point, then its township', async () => {
    const worker = await app.as('gridworker');
    const { gridSuggestions } = await worker.data<{ gridSuggestions: Suggestion[] }>(SUGGEST, { location: { lng: place.lng, lat: place.lat } });
    expect(gridSuggestions.slice(0, 2).map((s) => [s.grid.level, s.basis])).toEqual([
      ['VILLAGE', 'BOUNDARY'],
      ['TOWNSHIP', 'BOUNDARY'],
    ]);
    expect(fromGlobalId('Grid', gridSuggestions[0].grid.id)).toBe(place.gridId);
  });

  it('never suggests a centre further than 20 km away', async () => {
    const feidong = await app.as('feidong');
    const { gridSuggestions } = await feidong.data<{ gridSuggestions: Suggestion[] }>(SUGGEST, { location: { lng: 100, lat: 20 } });
    expect(gridSuggestions).toEqual([]);
  });

  it('without boundaries or centres, the grid of the nearest records the caller may read', async () => {
    await app.ownerSql(`update grid set boundary = null, boundary_source = null, centroid_lng = null, centroid_lat = null`);
    const worker = await app.as('gridworker');
    const { gridSuggestions } = await worker.data<{ gridSuggestions: Suggestion[] }>(SUGGEST, { location: { lng: place.lng, lat: place.lat } });
    expect(gridSuggestions[0]).toMatchObject({ basis: 'NEARBY_RECORD', distanceMeters: 0 });
    expect(fromGlobalId('Grid', gridSuggestions[0].grid.id)).toBe(place.gridId);
  });

  it('never suggests a grid outside the caller\'s territory', async () => {
    const yaohai = await app.as('yaohai');
    const { gridSuggestions } = await yaohai.data<{ gridSuggestions: Suggestion[] }>(SUGGEST, { location: { lng: place.lng, lat: place.lat }, first: 10 });
    for (const s of gridSuggestions) expect(s.grid.ancestors.map((a) => a.code)).toContain('340102000000');
    const { gridSuggestions: none } = await (await app.as('feidong')).data<{ gridSuggestions: Suggestion[] }>(SUGGEST, { location: { lng: 100, lat: 20 } });
    expect(none).toEqual([]);
  });

  it('a boundary that holds the point wins, the deepest grid first; then the nearest centres', async () => {
    const [{ id: villageId }] = await app.ownerSql<{ id: number }>(`select id from grid where code = '340122104008'`);
    const [{ id: townshipId }] = await app.ownerSql<{ id: number }>(`select id from grid where code = '340122104000'`);
    const box = (d: number) => ({ type: 'Polygon', coordinates: [[[place.lng - d, place.lat - d], [place.lng + d, place.lat - d], [place.lng + d, place.lat + d], [place.lng - d, place.lat + d], [place.lng - d, place.lat - d]]] });
    await app.ownerSql(`update grid set boundary = $1::jsonb, centroid_lng = $2, centroid_lat = $3 where id = $4`, [JSON.stringify(box(0.2)), place.lng, place.lat, townshipId]);
    await app.ownerSql(`update grid set boundary = $1::jsonb, centroid_lng = $2, centroid_lat = $3 where id = $4`, [JSON.stringify(box(0.01)), place.lng + 0.005, place.lat, villageId]);
    const [{ id: neighbourId }] = await app.ownerSql<{ id: number }>(`select id from grid where parent_id = $1 and id <> $2 order by code limit 1`, [townshipId, villageId]);
    await app.ownerSql(`update grid set centroid_lng = $1, centroid_lat = $2 where id = $3`, [place.lng + 0.03, place.lat, neighbourId]);

    const worker = await app.as('township');
    const { gridSuggestions } = await worker.data<{ gridSuggestions: Suggestion[] }>(SUGGEST, { location: { lng: place.lng, lat: place.lat } });
    expect(gridSuggestions.map((s) => [fromGlobalId('Grid', s.grid.id), s.basis])).toEqual([
      [villageId, 'BOUNDARY'],
      [townshipId, 'BOUNDARY'],
      [neighbourId, 'CENTROID'],
    ]);
    expect(gridSuggestions[2].distanceMeters).toBeGreaterThan(2500);
    expect(gridSuggestions[2].distanceMeters).toBeLessThan(3000);
  });

  it('a position off the globe is BAD_USER_INPUT', async () => {
    const result = await (await app.as('gridworker')).request(SUGGEST, { location: { lng: 117.2, lat: 200 } });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
