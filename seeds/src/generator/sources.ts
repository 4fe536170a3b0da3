import { CreditCodeGenerator } from '../credit-code';
import { Rng, WeightedPicker } from '../random';
import { sourceCode, type SourceStatusName, SourceType, type SourceTypeName, substituteUnitCode, type SupervisionLevelName } from '@gridwatch/domain';
import { pointIn } from './boundaries';
import type { LngLat } from './geo';
import type { GridNode } from './grid-tree';
import { ROADS } from './names';
import { creditKind, pickIndustry, sourceName } from './source-kinds';
import type { SeedTimeline } from './timeline';

export const SOURCE_TYPES: readonly SourceTypeName[] = Object.values(SourceType);

// Urban grids are dense with restaurants and sites; villages with workshops and farms.
const TYPE_MIX: Readonly<Record<'urban' | 'rural', ReadonlyArray<readonly [number, number]>>> = {
  urban: [[2, 40], [1, 20], [0, 20], [4, 15], [5, 5]],
  rural: [[0, 45], [3, 25], [1, 10], [2, 10], [4, 5], [5, 5]],
};
const typePickers = {
  urban: new WeightedPicker(TYPE_MIX.urban),
  rural: new WeightedPicker(TYPE_MIX.rural),
};

const STATUS = new WeightedPicker<SourceStatusName>([['ACTIVE', 85], ['PENDING', 5], ['SUSPENDED', 6], ['CLOSED', 4]]);

/** Relative weight of a leaf grid for sources and cases: an urban grid is busier than a village. */
export function leafWeight(grid: GridNode): number {
  return grid.kind === 'URBAN_MANAGEMENT' ? 1 : 0.3;
}

export function leafPicker(grids: readonly GridNode[]): WeightedPicker<GridNode> {
  return new WeightedPicker(grids.filter((g) => g.leaf).map((g) => [g, leafWeight(g)] as const));
}

/**
 * Where each source sits and what it is, decided up front in typed arrays (a few bytes per
 * source) so cases can refer to sources of the right type in their grid without holding rows.
 */
export interface SourcePlan {
  count: number;
  gridId: Int32Array;
  typeIndex: Uint8Array;
  lng: Float64Array;
  lat: Float64Array;
  /** Source indexes by grid id (CSR): sources of grid g are byGrid[start[g] .. start[g+1]). */
  start: Int32Array;
  byGrid: Int32Array;
}

export function planSources(grids: readonly GridNode[], count: number, seed: number): SourcePlan {
  const rng = Rng.derive(seed, 'source-plan');
  const picker = leafPicker(grids);
  const gridId = new Int32Array(count);
  const typeIndex = new Uint8Array(count);
  const lng = new Float64Array(count);
  const lat = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const grid = picker.pick(rng);
    const urban = grid.kind === 'URBAN_MANAGEMENT';
    gridId[i] = grid.id;
    typeIndex[i] = typePickers[urban ? 'urban' : 'rural'].pick(rng);
    const p = pointIn([grid.area, grid.countyArea], grid.centre, urban ? 0.006 : 0.02, rng, grid.centre);
    lng[i] = p.lng;
    lat[i] = p.lat;
  }
  const maxId = grids.length ? grids[grids.length - 1].id : 0;
  const start = new Int32Array(maxId + 2);
  for (let i = 0; i < count; i++) start[gridId[i] + 1]++;
  for (let g = 1; g < start.length; g++) start[g] += start[g - 1];
  const fill = start.slice(0, maxId + 1);
  const byGrid = new Int32Array(count);
  for (let i = 0; i < count; i++) byGrid[fill[gridId[i]]++] = i;
  return { count, gridId, typeIndex, lng, lat, start, byGrid };
}

export interface SourceRecord {
  id: number;
  grid: GridNode;
  createdMs: number;
  name: string;
  creditCode: string | null;
  /** HJ 608-2017: the credit code (or an H9 substitute) + site 001 + P. */
  sourceCode: string;
  type: SourceTypeName;
  industry: string;
  address: string;
  location: LngLat;
  supervisionLevel: SupervisionLevelName;
  status: SourceStatusName;
}

export function gridAddress(grid: GridNode, rng: Rng): string {
  return grid.kind === 'URBAN_MANAGEMENT'
    ? `${grid.place}${rng.pick(ROADS)}${rng.int(1, 400)}号`
    : `${grid.place}${rng.int(1, 16)}组`;
}

/** The source rows, in id order; calling it again yields the same rows. */
export function* sourceRecords(grids: readonly GridNode[], plan: SourcePlan, seed: number, timeline: SeedTimeline): Generator<SourceRecord> {
  // Put on file (建档) over the two years before the first case.
  const { sourcesFiledFromMs, sourcesFiledSpanMs } = timeline;
  const rng = Rng.derive(seed, 'sources');
  const codes = new CreditCodeGenerator(seed);
  const byId = gridsById(grids);
  const cityCode6 = (g: GridNode): string => g.code.slice(0, 4) + '00';
  // Units without a credit code get the issuing authority's H9 codes, numbered in id order.
  const substitutes = new Map<string, number>();
  for (let i = 0; i < plan.count; i++) {
    const grid = byId[plan.gridId[i]];
    const type = SOURCE_TYPES[plan.typeIndex[i]];
    const industry = pickIndustry(type, rng);
    const urbanUnit = grid.kind === 'URBAN_MANAGEMENT';
    const prefix = grid.cityIndex > 0 ? grid.cityName : urbanUnit || rng.chance(0.3) ? '合肥' : grid.unitShortName;
    const name = sourceName(type, industry, { unit: grid.unitShortName, place: grid.place }, prefix, rng);
    const kind = creditKind(type, name, rng);
    // 合巢经开区's local code is not a registration office; its firms register with the city.
    const division = grid.county6.endsWith('99') || rng.chance(0.2) ? cityCode6(grid) : grid.county6;
    const creditCode = kind ? codes.code(i, kind, division, rng.chance(0.6) ? 'MA' : 'NUMERIC') : null;
    const issuer = grid.county6.endsWith('99') ? cityCode6(grid) : grid.county6;
    const n = creditCode ? 0 : (substitutes.get(issuer) ?? 0);
    if (!creditCode) substitutes.set(issuer, n + 1);
    const unitCode = creditCode ?? substituteUnitCode(issuer, (n % 99_999) + 1, Math.floor(n / 99_999));
    yield {
      id: i + 1,
      grid,
      createdMs: sourcesFiledFromMs + Math.floor(rng.next() * sourcesFiledSpanMs / 1000) * 1000,
      name,
      creditCode,
      sourceCode: sourceCode(unitCode, 1),
      type,
      industry: industry.name,
      address: gridAddress(grid, rng),
      location: { lng: plan.lng[i], lat: plan.lat[i] },
      supervisionLevel: rng.chance(industry.keyShare) ? 'KEY' : rng.chance(0.03) ? 'SPECIAL' : 'GENERAL',
      status: STATUS.pick(rng),
    };
  }
}

/** Grid nodes indexed by id (ids are 1..n in order). */
export function gridsById(grids: readonly GridNode[]): GridNode[] {
  const out: GridNode[] = [];
  for (const g of grids) out[g.id] = g;
  return out;
}
