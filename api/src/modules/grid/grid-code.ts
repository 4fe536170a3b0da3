import { GridKind, GridLevel } from '../../common/enums';
import type { Grid } from './grid.entity';

const childLevel: Record<GridLevel, GridLevel | null> = {
  [GridLevel.CITY]: GridLevel.COUNTY,
  [GridLevel.COUNTY]: GridLevel.TOWNSHIP,
  [GridLevel.TOWNSHIP]: GridLevel.VILLAGE,
  [GridLevel.VILLAGE]: null,
};

export function levelBelow(level: GridLevel): GridLevel | null {
  return childLevel[level];
}

/** Digits of the parent's division code a child's code must start with (统计用区划代码 structure). */
const significantDigits: Record<GridLevel, number> = {
  [GridLevel.CITY]: 4,
  [GridLevel.COUNTY]: 6,
  [GridLevel.TOWNSHIP]: 9,
  [GridLevel.VILLAGE]: 12,
};

/**
 * The 12-digit division code (street, or community) an urban management grid's code carries.
 * CJ/T 213-2005 unit grids lead with it, then a 2-digit sequence (14 digits); CJ/T 349-2010
 * professional grids put a 6-digit object code (CJ/T 348) before it (20 digits).
 */
export function urbanDivisionOf(code: string): string {
  return code.length === 20 ? code.slice(6, 18) : code.slice(0, 12);
}

/** The 12-digit street code of an urban management grid's code column, in SQL (the street is digits 7-9 of the division). */
export const streetCodeSql = (column: string): string => `(left(case when length(${column}) = 20 then substr(${column}, 7) else ${column} end, 9) || '000')`;

const URBAN_CODE = /^(\d{14}|\d{20})$/;

/**
 * Why a code does not fit under its parent, or null. Administrative grids use the
 * 12-digit division code (统计用区划代码); urban management grids use a CJ/T 213 or CJ/T 349
 * code (urbanDivisionOf) whose division part lies in the parent, and sit directly under an
 * urban unit (and have no grids below them).
 */
export function gridCodeProblem(parent: Pick<Grid, 'code' | 'level' | 'kind'>, code: string, kind: GridKind): string | null {
  const prefix = parent.code.slice(0, significantDigits[parent.level]);
  if (kind === GridKind.URBAN_MANAGEMENT) {
    if (!URBAN_CODE.test(code)) {
      return 'an urban management grid code is a CJ/T 213 unit-grid code (12-digit street or community code + 2-digit sequence: 14 digits) or a CJ/T 349 grid code (6-digit object code + 12-digit community code + 2-digit sequence: 20 digits)';
    }
    if (!urbanDivisionOf(code).startsWith(prefix)) return `its division code must start with ${prefix} (the parent's division code)`;
    if (parent.level !== GridLevel.COUNTY) return 'urban management grids sit directly under a county-level unit';
    return null;
  }
  if (!code.startsWith(prefix)) return `must start with ${prefix} (the parent's division code)`;
  if (code.length !== 12) return 'an administrative grid code has 12 digits';
  if (parent.kind === GridKind.URBAN_MANAGEMENT) return 'urban management grids have no grids below them';
  return null;
}
