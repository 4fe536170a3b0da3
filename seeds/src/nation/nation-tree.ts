import { hashString } from '../random';
import type { GridLevelName as GridLevel } from '@gridwatch/domain';
import { type LngLat, round6 } from '../generator/geo';
import type { GridNode } from '../generator/grid-tree';
import type { DivisionTable, DivisionUnit } from './division-table';

/**
 * The national grid from the division table. The api's grid has four levels (CITY, COUNTY,
 * TOWNSHIP, VILLAGE) and three scope columns (city, county, township); a province level would
 * touch every policy, role and scope filter. So each prefecture-level unit is a CITY grid at
 * the top (no parent), named with its province where the table says only 市辖区 or
 * 省直辖县级行政区划; the province lives on in the names, addresses and the first two digits
 * of every code. Codes are padded to the 12 digits of the statistical code (as Annex 1's are).
 */
export function buildNationTree(table: DivisionTable): GridNode[] {
  const provinceName = new Map(table.provinces.map((p) => [p.code, p.name]));
  const nodes: GridNode[] = [];
  const byCode = new Map<string, GridNode>();

  const codes = new Set<string>();
  const placeholders = new Set<string>();
  const add = (unit: DivisionUnit, level: GridLevel, cityIndex: number): void => {
    if (placeholders.has(unit.parentCode)) return void placeholders.add(unit.code);
    const parent = level === 'CITY' ? undefined : byCode.get(unit.parentCode);
    if (level !== 'CITY' && !parent) throw new Error(`division ${unit.code}: parent ${unit.parentCode} must come first`);
    const code = gridCode(unit, level);
    if (codes.has(code)) {
      // 金门县's township and village only repeat it (name and code of zeros): not units of their own.
      if (parent && unit.name === parent.name) return void placeholders.add(unit.code);
      throw new Error(`division ${unit.code} ${unit.name}: grid code ${code} is taken`);
    }
    codes.add(code);
    const id = nodes.length + 1;
    const province = provinceName.get(unit.code.slice(0, 2)) ?? '';
    const name = level === 'CITY' ? cityName(unit.name, province) : unit.name;
    const unitShortName = level === 'CITY' || level === 'COUNTY' ? name : (parent?.unitShortName ?? name);
    const node: GridNode = {
      id,
      code,
      name,
      level,
      kind: 'ADMINISTRATIVE',
      parentId: parent?.id ?? null,
      illustrative: false,
      cityIndex,
      cityName: parent?.cityName ?? name,
      cityId: parent?.cityId ?? id,
      countyId: level === 'COUNTY' ? id : (parent?.countyId ?? null),
      townshipId: level === 'TOWNSHIP' ? id : (parent?.townshipId ?? null),
      county6: code.slice(0, 6),
      unitShortName,
      place: level === 'CITY' ? name : (parent?.place ?? '') + shortPlace(unit.name),
      // Until a child comes (parents come first).
      leaf: true,
      centre: centreOf(unit.code, parent?.centre ?? null, level),
      area: null,
      boundarySource: null,
      countyArea: null,
    };
    if (parent) parent.leaf = false;
    byCode.set(unit.code, node);
    nodes.push(node);
  };

  // Hefei first and as city 0: the demo accounts, departments and names of the seed expect it.
  const cities = [...table.cities].sort((a, b) => Number(b.code === HEFEI) - Number(a.code === HEFEI) || a.code.localeCompare(b.code));
  cities.forEach((c, i) => add(c, 'CITY', i));
  // Parents before children: each level after the one above it, in code order within.
  for (const u of table.counties) add(u, 'COUNTY', byCode.get(u.parentCode)?.cityIndex ?? -1);
  for (const u of table.townships) add(u, 'TOWNSHIP', byCode.get(u.parentCode)?.cityIndex ?? -1);
  for (const u of table.villages) add(u, 'VILLAGE', byCode.get(u.parentCode)?.cityIndex ?? -1);
  return nodes;
}

const HEFEI = '3401';

/**
 * The statistical code padded to 12 digits. A prefecture city without counties (东莞, 中山, 儋州,
 * 嘉峪关) has its towns right under it; the table gives it a county of its own name coded
 * <city>00, whose padded code would be the city's: that one county ends in 000001 instead (its
 * first 6 digits, which its townships and villages start with, stay).
 */
function gridCode(unit: DivisionUnit, level: GridLevel): string {
  if (level === 'COUNTY' && unit.code.endsWith('00')) return `${unit.code}000001`;
  return unit.code.padEnd(12, '0');
}

function cityName(name: string, province: string): string {
  if (name === '市辖区') return province;
  if (/直辖/.test(name)) return province + name;
  return name;
}

function shortPlace(name: string): string {
  return name.replace(/(村民委员会|村委会|社区居民委员会|居民委员会|社区居委会|居委会)$/, '');
}

/**
 * The division table has no coordinates: a city sits at its province's rough centre moved by
 * its code, each unit below a short, code-fixed step from its parent (the grid's centroid,
 * illustrative; no boundary is seeded, so the map shows points, not areas).
 */
function centreOf(code: string, parent: LngLat | null, level: GridLevel): LngLat {
  const h = hashString(code);
  const angle = ((h % 3600) / 3600) * 2 * Math.PI;
  const step = { CITY: 1.2, COUNTY: 0.3, TOWNSHIP: 0.08, VILLAGE: 0.02 }[level] * (((h >>> 12) % 1000) / 1000);
  const from = parent ?? PROVINCE_CENTRES[code.slice(0, 2)] ?? { lng: 110, lat: 33 };
  return { lng: round6(from.lng + step * Math.cos(angle)), lat: round6(from.lat + step * Math.sin(angle)) };
}

/** Rough centres of the provinces (their capitals), by the 2-digit code. */
const PROVINCE_CENTRES: Readonly<Record<string, LngLat>> = {
  '11': { lng: 116.4, lat: 39.9 }, '12': { lng: 117.2, lat: 39.1 }, '13': { lng: 114.5, lat: 38.0 },
  '14': { lng: 112.5, lat: 37.9 }, '15': { lng: 111.7, lat: 40.8 }, '21': { lng: 123.4, lat: 41.8 },
  '22': { lng: 125.3, lat: 43.9 }, '23': { lng: 126.6, lat: 45.8 }, '31': { lng: 121.5, lat: 31.2 },
  '32': { lng: 118.8, lat: 32.1 }, '33': { lng: 120.2, lat: 30.3 }, '34': { lng: 117.3, lat: 31.9 },
  '35': { lng: 119.3, lat: 26.1 }, '36': { lng: 115.9, lat: 28.7 }, '37': { lng: 117.0, lat: 36.7 },
  '41': { lng: 113.6, lat: 34.8 }, '42': { lng: 114.3, lat: 30.6 }, '43': { lng: 113.0, lat: 28.2 },
  '44': { lng: 113.3, lat: 23.1 }, '45': { lng: 108.3, lat: 22.8 }, '46': { lng: 110.3, lat: 20.0 },
  '50': { lng: 106.5, lat: 29.6 }, '51': { lng: 104.1, lat: 30.7 }, '52': { lng: 106.7, lat: 26.6 },
  '53': { lng: 102.7, lat: 25.0 }, '54': { lng: 91.1, lat: 29.7 }, '61': { lng: 108.9, lat: 34.3 },
  '62': { lng: 103.8, lat: 36.1 }, '63': { lng: 101.8, lat: 36.6 }, '64': { lng: 106.3, lat: 38.5 },
  '65': { lng: 87.6, lat: 43.8 },
};
