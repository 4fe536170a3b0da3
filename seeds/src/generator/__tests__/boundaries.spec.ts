import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { point } from '@turf/helpers';
import type { MultiPolygon, Polygon } from 'geojson';
import { PROFILES } from '../profiles';
import type { Cell } from '../table';
import { dataset, records } from './helpers';

type Area = Polygon | MultiPolygon;
const REAL_COUNTIES = ['340102', '340103', '340104', '340111', '340121', '340122', '340123', '340124', '340181'];

describe('seeded boundaries (hefei profile)', () => {
  const tables = dataset(PROFILES.hefei, 20151231);
  const grids = records(tables.get('grid'));
  const areaOf = new Map<Cell, Area>(grids.filter((g) => g.boundary !== null).map((g) => [g.id, JSON.parse(String(g.boundary)) as Area]));
  const gridById = new Map(grids.map((g) => [g.id, g]));
  const inside = (area: Area | undefined, lng: Cell, lat: Cell): boolean => !!area && booleanPointInPolygon(point([Number(lng), Number(lat)]), area);

  it('gives the 9 published counties their real boundary and marks every other boundary approximated', () => {
    const real = grids.filter((g) => g.boundary_source === 'REAL').map((g) => String(g.code).slice(0, 6));
    expect(real.sort()).toEqual(REAL_COUNTIES);
    for (const g of grids) {
      if (g.level === 'CITY') continue;
      expect(g.boundary).not.toBeNull();
      expect(g.boundary_source).toBe(REAL_COUNTIES.includes(String(g.code).slice(0, 6)) && g.level === 'COUNTY' ? 'REAL' : 'APPROXIMATED');
      expect(inside(areaOf.get(g.id), g.centroid_lng, g.centroid_lat)).toBe(true);
    }
  });

  it('puts every grid centre, source, case and check-in inside its county boundary and its own grid', () => {
    const outside: string[] = [];
    const check = (table: string, row: Record<string, Cell>): void => {
      const grid = gridById.get(row.grid_id)!;
      if (!inside(areaOf.get(grid.county_id), row.lng, row.lat)) outside.push(`${table} ${String(row.id)} outside county ${String(grid.county_id)}`);
      if (!inside(areaOf.get(grid.id), row.lng, row.lat)) outside.push(`${table} ${String(row.id)} outside grid ${String(grid.id)}`);
    };
    for (const g of grids) if (g.level !== 'CITY') check('grid', { id: g.id, grid_id: g.id, lng: g.centroid_lng, lat: g.centroid_lat });
    for (const s of records(tables.get('pollution_source'))) check('pollution_source', s);
    for (const c of records(tables.get('case'))) check('case', c);
    for (const c of records(tables.get('patrol_check_in'))) check('patrol_check_in', c);
    expect(outside).toEqual([]);
  });

  it('records seeded check-ins as checked against a boundary and inside it', () => {
    const checkIns = records(tables.get('patrol_check_in'));
    expect(checkIns.length).toBeGreaterThan(0);
    expect(checkIns.every((c) => c.boundary_checked === true && c.outside_boundary === false)).toBe(true);
  });
});
