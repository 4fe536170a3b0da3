import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { point } from '@turf/helpers';
import type { MultiPolygon, Polygon } from 'geojson';
import { PROFILES } from '../profiles';
import type { Cell } from '../table';
import { dataset, records } from './helpers';
import { inside } from '../boundaries';
import { Rng } from '../../random';

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

describe('the point-in-area test', () => {
  it('answers as turf does, on the border too: vertices, edge midpoints and points around them', () => {
    const grids = records(dataset(PROFILES.hefei, 20151231).get('grid')).filter((g) => g.boundary !== null);
    const rng = new Rng(11);
    const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;
    const differ: string[] = [];
    let onBorder = 0;
    for (const g of grids.slice(0, 400)) {
      const area = JSON.parse(String(g.boundary)) as Area;
      const rings = area.type === 'Polygon' ? area.coordinates : area.coordinates.flat();
      for (const ring of rings) {
        for (let k = 1; k < ring.length; k += Math.max(1, Math.floor(ring.length / 8))) {
          const [x1, y1] = ring[k - 1];
          const [x2, y2] = ring[k];
          const candidates = [
            { lng: x1, lat: y1 },
            { lng: (x1 + x2) / 2, lat: (y1 + y2) / 2 },
            { lng: round6((x1 + x2) / 2 + (rng.next() - 0.5) * 1e-5), lat: round6((y1 + y2) / 2 + (rng.next() - 0.5) * 1e-5) },
            { lng: x1, lat: round6(y1 + (rng.next() - 0.5) * 1e-3) },
          ];
          for (const p of candidates) {
            const expected = booleanPointInPolygon(point([p.lng, p.lat]), area);
            if (k === 1 && p.lng === x1 && p.lat === y1) onBorder += expected ? 1 : 0;
            if (inside(area, p) !== expected) differ.push(`${String(g.code)} ${p.lng},${p.lat}`);
          }
        }
      }
    }
    expect(onBorder).toBeGreaterThan(100);
    expect(differ).toEqual([]);
  });
});
