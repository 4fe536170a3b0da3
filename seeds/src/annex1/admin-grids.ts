import type { Annex1Row } from './annex1-row';
import type { Division } from './divisions';
import {
  ADMIN_TOWNSHIP_TOTAL,
  ADMIN_VILLAGE_TOTAL,
  GENERATED_VILLAGE_BASE,
  HECHAO_CODE,
  HECHAO_NAME,
  HECHAO_TOWNSHIPS,
  HECHAO_VILLAGES_PER_TOWNSHIP,
} from './plan';
import { apportion } from './urban-grids';

/** The real township-level divisions of the counties, with their villages. */
export interface RealTownship {
  township: Division;
  villages: Division[];
}

// Township codes 400-599 are special areas (开发区, 农场, 管委会, 监狱 ...) that overlap the
// ordinary townships; they are the ones we drop to fall back to the plan's 87.
function isSpecialArea(code12: string): boolean {
  return Number(code12.slice(6, 9)) >= 400;
}

/** Which real townships to drop: special areas with the fewest villages first, then by code. */
export function townshipsToDrop(real: readonly RealTownship[], count: number): Set<string> {
  const candidates = real
    .filter((t) => isSpecialArea(t.township.code))
    .sort((a, b) => a.villages.length - b.villages.length || a.township.code.localeCompare(b.township.code));
  if (candidates.length < count) {
    throw new Error(`need to drop ${count} townships but only ${candidates.length} special areas exist`);
  }
  return new Set(candidates.slice(0, count).map((t) => t.township.code));
}

function row(code: string, name: string, level: 'TOWNSHIP' | 'VILLAGE', parentCode: string, illustrative: boolean): Annex1Row {
  return { code, name, level, kind: 'ADMINISTRATIVE', parentCode, illustrative };
}

/**
 * Level-3 and level-4 grids of the administratively divided units, depth-first by unit, keyed
 * by the unit's 12-digit code: real townships and villages first, then generated "片区" villages
 * (示意) spread evenly over the kept townships until the plan's 1335 is reached.
 */
export function adminGrids(realByUnit: ReadonlyMap<string, RealTownship[]>): Map<string, Annex1Row[]> {
  const real = [...realByUnit.values()].flat();
  const dropped = townshipsToDrop(real, real.length - (ADMIN_TOWNSHIP_TOTAL - HECHAO_TOWNSHIPS));
  const kept = real.filter((t) => !dropped.has(t.township.code));
  const realVillages = kept.reduce((n, t) => n + t.villages.length, 0);
  const extras = ADMIN_VILLAGE_TOTAL - realVillages - HECHAO_TOWNSHIPS * HECHAO_VILLAGES_PER_TOWNSHIP;
  if (extras < 0) throw new Error(`the kept townships already have ${realVillages} villages`);
  const extraShares = apportion(extras, kept.map(() => 1));
  const extraByTownship = new Map(kept.map((t, i) => [t.township.code, extraShares[i]]));

  const out = new Map<string, Annex1Row[]>();
  for (const [unitCode, townships] of realByUnit) {
    const rows: Annex1Row[] = [];
    for (const { township, villages } of townships) {
      if (dropped.has(township.code)) continue;
      rows.push(row(township.code, township.name, 'TOWNSHIP', unitCode, false));
      for (const v of villages) rows.push(row(v.code, v.name, 'VILLAGE', township.code, false));
      const prefix = township.code.slice(0, 9);
      for (let k = 1; k <= (extraByTownship.get(township.code) ?? 0); k++) {
        const code = prefix + String(GENERATED_VILLAGE_BASE + k);
        rows.push(row(code, `${township.name}第${k}片区(示意)`, 'VILLAGE', township.code, true));
      }
    }
    out.set(unitCode, rows);
  }
  out.set(HECHAO_CODE + '000000', hechaoGrids());
  return out;
}

/** 合巢经开区 has no divisions of its own in the statistical table: all generated. */
function hechaoGrids(): Annex1Row[] {
  const rows: Annex1Row[] = [];
  for (let i = 1; i <= HECHAO_TOWNSHIPS; i++) {
    const townshipCode = `${HECHAO_CODE}${String(i).padStart(3, '0')}000`;
    const townshipName = `${HECHAO_NAME}第${i}街道`;
    rows.push(row(townshipCode, `${townshipName}(示意)`, 'TOWNSHIP', HECHAO_CODE + '000000', true));
    for (let j = 1; j <= HECHAO_VILLAGES_PER_TOWNSHIP; j++) {
      const code = townshipCode.slice(0, 9) + String(j).padStart(3, '0');
      rows.push(row(code, `${townshipName}第${j}社区(示意)`, 'VILLAGE', townshipCode, true));
    }
  }
  return rows;
}
