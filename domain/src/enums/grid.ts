/** 网格层级 (四级网格), from the top; unit-levels.ts knows the order. */
export enum GridLevel {
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
}
export type GridLevelName = `${GridLevel}`;

/** 网格类型: by administrative division, or on the digital urban management grid. */
export enum GridKind {
  ADMINISTRATIVE = 'ADMINISTRATIVE',
  URBAN_MANAGEMENT = 'URBAN_MANAGEMENT',
}
export type GridKindName = `${GridKind}`;

/** Where a grid's boundary comes from: published, approximated (示意), or imported by an administrator. */
export enum BoundarySource {
  REAL = 'REAL',
  APPROXIMATED = 'APPROXIMATED',
  IMPORTED = 'IMPORTED',
}
export type BoundarySourceName = `${BoundarySource}`;
