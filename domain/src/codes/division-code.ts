import { GridKind, GridLevel } from '../enums/grid';
import { DIVISION_DIGITS } from '../unit-levels';

/**
 * Division codes: GB/T 2260 (6 digits: province, prefecture, county) and the statistical
 * division code (统计用区划代码, 12 digits: + township 3 + village 3) administrative grids carry.
 */

// First two digits of a GB/T 2260 division code; 10 is used by national-level registrations.
const PROVINCE_PREFIXES = new Set([
  '10', '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

/** Whether six characters are a registering office's division (GB/T 2260), as credit codes carry it. */
export function isRegistrationDivision(code: string): boolean {
  return /^\d{6}$/.test(code) && PROVINCE_PREFIXES.has(code.slice(0, 2));
}

/** A division code (12 digits), a CJ/T 213 unit-grid code (14) or a CJ/T 349 grid code (20): gridCodeProblem checks which fits. */
export const GRID_CODE = /^(\d{12}|\d{14}|\d{20})$/;

const URBAN_CODE = /^(\d{14}|\d{20})$/;

/**
 * The 12-digit division code (street, or community) an urban management grid's code carries.
 * CJ/T 213-2005 unit grids lead with it, then a 2-digit sequence (14 digits); CJ/T 349-2010
 * professional grids put a 6-digit object code (CJ/T 348) before it (20 digits).
 */
export function urbanDivisionOf(code: string): string {
  return code.length === 20 ? code.slice(6, 18) : code.slice(0, 12);
}

/** The parts of a parent unit a child's code is checked against. */
export interface ParentUnit {
  code: string;
  level: GridLevel;
  kind: GridKind;
}

/**
 * Why a code does not fit under its parent, or null. Administrative grids use the
 * 12-digit division code (统计用区划代码); urban management grids use a CJ/T 213 or CJ/T 349
 * code (urbanDivisionOf) whose division part lies in the parent, and sit directly under an
 * urban unit (and have no grids below them).
 */
export function gridCodeProblem(parent: ParentUnit, code: string, kind: GridKind): string | null {
  const prefix = parent.code.slice(0, DIVISION_DIGITS[parent.level]);
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
