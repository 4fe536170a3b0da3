import { GridLevel } from './enums/grid';

/** The four levels of the grid (四级网格), from the top: each unit's children are one level below it. */
export const UNIT_LEVELS: readonly GridLevel[] = [GridLevel.CITY, GridLevel.COUNTY, GridLevel.TOWNSHIP, GridLevel.VILLAGE];

/** The level of a unit's children; null below the village. */
export function levelBelow(level: GridLevel | `${GridLevel}`): GridLevel | null {
  return UNIT_LEVELS[UNIT_LEVELS.indexOf(level as GridLevel) + 1] ?? null;
}

/** The level of a unit's parent; null above the city. */
export function levelAbove(level: GridLevel | `${GridLevel}`): GridLevel | null {
  return UNIT_LEVELS[UNIT_LEVELS.indexOf(level as GridLevel) - 1] ?? null;
}

/** Digits of a unit's division code its children's codes start with (统计用区划代码 structure). */
export const DIVISION_DIGITS: Readonly<Record<GridLevel, number>> = {
  [GridLevel.CITY]: 4,
  [GridLevel.COUNTY]: 6,
  [GridLevel.TOWNSHIP]: 9,
  [GridLevel.VILLAGE]: 12,
};
