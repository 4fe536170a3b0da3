import type { Annex1Row } from '../annex1/annex1-row';
import { UNIT_SHORT_NAMES } from '../annex1/plan';
import type { GridKindName, GridLevelName } from '@gridwatch/domain';
import { type Area, type BoundarySource, annexGeography, translated } from './boundaries';
import { CITY_OFFSETS, type LngLat } from './geo';
import type { Scope } from './table';

/** A grid with its id, scope and what the generators need to place people, sources and cases. */
export interface GridNode extends Scope {
  id: number;
  code: string;
  name: string;
  level: GridLevelName;
  kind: GridKindName;
  parentId: number | null;
  illustrative: boolean;
  /** 0 for Hefei; generated cities of the province profile follow. */
  cityIndex: number;
  cityName: string;
  /** 6-digit code of the level-2 unit (the city's own for the city grid): case numbers, credit codes. */
  county6: string;
  /** Short unit name for department names and addresses (瑶海区, 示意市01瑶海区). */
  unitShortName: string;
  /** A readable place for addresses (瑶海区明光路街道, 肥东县店埠镇青春社区). */
  place: string;
  /** True when nothing hangs below (urban grids and villages): where sources and cases sit. */
  leaf: boolean;
  /** Inside the grid's area (and its county's): where its people, sources and cases sit. */
  centre: LngLat;
  /** The seeded boundary (real for Hefei's 9 counties and districts, approximated below them). */
  area: Area | null;
  boundarySource: BoundarySource | null;
  /** The county's area (null for the city): generated points stay inside it too. */
  countyArea: Area | null;
}

export const MAX_CITIES = CITY_OFFSETS.length;

/** Generated cities take unused prefecture codes 3451.. so no code clashes with a real one. */
function cityPrefix(cityIndex: number): string {
  return cityIndex === 0 ? '3401' : `34${50 + cityIndex}`;
}

function recode(code: string, prefix: string): string {
  return prefix + code.slice(4);
}

function shortPlace(name: string): string {
  return name.replace(/\(示意\)$/, '').replace(/(村民委员会|村委会|社区居民委员会|居民委员会|社区居委会|居委会)$/, '');
}

/**
 * The grid tree of `cities` cities: city 0 is the Annex 1 as given (Hefei), each further city
 * a copy of it with its own codes, ids and marked names. Ids follow the Annex order, so
 * parents get smaller ids than their children.
 */
export function buildGridTree(annex: readonly Annex1Row[], cities: number): GridNode[] {
  if (cities < 1 || cities > MAX_CITIES) throw new RangeError(`cities must be 1..${MAX_CITIES}`);
  const nodes: GridNode[] = [];
  for (let c = 0; c < cities; c++) nodes.push(...cityTree(annex, c, nodes.length));
  return nodes;
}

function cityTree(annex: readonly Annex1Row[], cityIndex: number, firstIndex: number): GridNode[] {
  const prefix = cityPrefix(cityIndex);
  const generated = cityIndex > 0;
  const cityName = generated ? `示意市${String(cityIndex).padStart(2, '0')}` : annex[0].name;
  const offset = CITY_OFFSETS[cityIndex];
  const geography = annexGeography(annex);
  const byCode = new Map<string, GridNode>();
  const parentCodes = new Set(annex.map((r) => r.parentCode));
  const out: GridNode[] = [];

  annex.forEach((row, i) => {
    const id = firstIndex + i + 1;
    const code = recode(row.code, prefix);
    const parent = row.parentCode ? byCode.get(recode(row.parentCode, prefix)) : undefined;
    if (row.parentCode && !parent) throw new Error(`grid ${row.code}: parent ${row.parentCode} must come first`);
    const real6 = row.code.slice(0, 6);
    const own = geography.get(row.code);
    if (!own) throw new Error(`grid ${row.code}: no geography`);
    const geo = translated(own, offset);
    const unitShortName =
      row.level === 'CITY'
        ? cityName
        : row.level === 'COUNTY'
          ? (generated ? cityName : '') + (UNIT_SHORT_NAMES[real6] ?? row.name)
          : (parent?.unitShortName ?? row.name);
    const node: GridNode = {
      id,
      code,
      name: nodeName(row, cityName, unitShortName, generated),
      level: row.level,
      kind: row.kind,
      parentId: parent?.id ?? null,
      illustrative: row.illustrative || generated,
      cityIndex,
      cityName,
      cityId: parent?.cityId ?? id,
      countyId: row.level === 'COUNTY' ? id : (parent?.countyId ?? null),
      townshipId: row.level === 'TOWNSHIP' ? id : (parent?.townshipId ?? null),
      county6: code.slice(0, 6),
      unitShortName,
      place: nodePlace(row, parent, unitShortName),
      leaf: !parentCodes.has(row.code),
      centre: geo.centre,
      area: geo.area,
      boundarySource: geo.source,
      countyArea: row.level === 'COUNTY' ? geo.area : (parent?.countyArea ?? null),
    };
    byCode.set(code, node);
    out.push(node);
  });
  return out;
}

function nodeName(row: Annex1Row, cityName: string, unitShortName: string, generated: boolean): string {
  if (!generated) return row.name;
  if (row.level === 'CITY') return cityName;
  if (row.level === 'COUNTY') return `${unitShortName}(示意)`;
  return row.name;
}

function nodePlace(row: Annex1Row, parent: GridNode | undefined, unitShortName: string): string {
  switch (row.level) {
    case 'CITY':
    case 'COUNTY':
      return unitShortName;
    case 'TOWNSHIP':
      // Urban grids: the street they are named after.
      return unitShortName + shortPlace(row.name.replace(/第\d+网格$/, ''));
    case 'VILLAGE': {
      // Generated villages repeat their township's name (水湖镇第1片区); say it once.
      const township = parent ? shortPlace(parent.name) : '';
      const own = shortPlace(row.name);
      return (parent?.place ?? '') + (township && own.startsWith(township) ? own.slice(township.length) : own);
    }
  }
}

/**
 * The level-2 units that run a digital city-management platform: those divided along
 * urban-management grids (Hefei's 7 urban units, 依托数字化城市管理系统).
 */
export function platformUnitIds(grids: readonly GridNode[]): Set<number> {
  const ids = new Set<number>();
  for (const g of grids) if (g.kind === 'URBAN_MANAGEMENT' && g.countyId !== null) ids.add(g.countyId);
  return ids;
}
