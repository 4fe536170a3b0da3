import { adminGrids, type RealTownship } from './admin-grids';
import type { Annex1Row } from './annex1-row';
import { childrenIndex, type Division } from './divisions';
import { ADMIN_UNIT_CODES, CITY_CODE, HECHAO_CODE, HECHAO_NAME, URBAN_GRID_TOTAL, URBAN_UNIT_CODES } from './plan';
import { apportion, urbanGrids } from './urban-grids';

const full = (code6: string): string => code6 + '000000';

/**
 * Builds the illustrative Annex 1 from the statistical divisions: the city, its 13 level-2
 * units in code order, then each unit's level-3 (and level-4) grids depth-first, so every
 * parent precedes its children. A pure function of the input: same file, same output.
 */
export function buildAnnex1(divisions: readonly Division[]): Annex1Row[] {
  const byCode = new Map(divisions.map((d) => [d.code, d]));
  const children = childrenIndex(divisions);
  const need = (code: string): Division => {
    const d = byCode.get(code);
    if (!d) throw new Error(`division ${code} is missing from the divisions file`);
    return d;
  };

  const city = need(CITY_CODE);
  const unitCodes = [...URBAN_UNIT_CODES, ...ADMIN_UNIT_CODES].sort();
  const rows: Annex1Row[] = [
    { code: city.code, name: city.name, level: 'CITY', kind: 'ADMINISTRATIVE', parentCode: null, illustrative: false },
  ];
  for (const code6 of unitCodes) {
    const isHechao = code6 === HECHAO_CODE;
    rows.push({
      code: full(code6),
      name: isHechao ? HECHAO_NAME : need(full(code6)).name,
      level: 'COUNTY',
      kind: 'ADMINISTRATIVE',
      parentCode: CITY_CODE,
      illustrative: isHechao,
    });
  }

  const below = new Map<string, Annex1Row[]>();
  const streets = URBAN_UNIT_CODES.map((c) => children.get(full(c)) ?? []);
  const shares = apportion(URBAN_GRID_TOTAL, streets.map((s) => s.length));
  URBAN_UNIT_CODES.forEach((c, i) => below.set(full(c), urbanGrids(full(c), streets[i], shares[i])));

  const realByUnit = new Map<string, RealTownship[]>();
  for (const c of ADMIN_UNIT_CODES) {
    if (c === HECHAO_CODE) continue;
    const townships = children.get(full(c)) ?? [];
    realByUnit.set(full(c), townships.map((t) => ({ township: t, villages: children.get(t.code) ?? [] })));
  }
  for (const [unit, unitRows] of adminGrids(realByUnit)) below.set(unit, unitRows);

  for (const code6 of unitCodes) rows.push(...(below.get(full(code6)) ?? []));
  return rows;
}
