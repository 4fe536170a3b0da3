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
 * Why a code does not fit under its parent, or null. Administrative grids use the
 * 12-digit division code; urban management grids use a street code plus a sequence and
 * sit directly under an urban unit (and have no villages below them).
 */
export function gridCodeProblem(parent: Pick<Grid, 'code' | 'level' | 'kind'>, code: string, kind: GridKind): string | null {
  const prefix = parent.code.slice(0, significantDigits[parent.level]);
  if (!code.startsWith(prefix)) return `must start with ${prefix} (the parent's division code)`;
  if (kind === GridKind.URBAN_MANAGEMENT) {
    if (parent.level !== GridLevel.COUNTY) return 'urban management grids sit directly under a county-level unit';
    return code.length > 12 ? null : 'an urban management grid code is a street code plus a 2-3 digit sequence';
  }
  if (code.length !== 12) return 'an administrative grid code has 12 digits';
  if (parent.kind === GridKind.URBAN_MANAGEMENT) return 'urban management grids have no grids below them';
  return null;
}
