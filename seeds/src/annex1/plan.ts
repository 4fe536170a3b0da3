/**
 * The totals of the 2015 plan (合肥市网格化环境监管划分与实施方案) and the choices we make to
 * meet them from the 2022 divisions. Annex 1 is not public, so every split here is ours.
 */
export const CITY_CODE = '340100000000';

/** The 7 units divided along the city-management grids (213 grids), by 6-digit code. */
export const URBAN_UNIT_CODES = ['340102', '340103', '340104', '340111', '340176', '340177', '340178'] as const;

/** The 6 units divided by administrative area (87 level-3 and 1335 level-4 grids). */
export const ADMIN_UNIT_CODES = ['340121', '340122', '340123', '340124', '340181', '340199'] as const;

/** 合巢经开区 has no statistical code; 340199 is unused in Anhui's table, so we take it locally. */
export const HECHAO_CODE = '340199';
export const HECHAO_NAME = '合巢经开区';

/** Short names used for department names (瑶海区环保局), by 6-digit code. */
export const UNIT_SHORT_NAMES: Readonly<Record<string, string>> = {
  '340102': '瑶海区',
  '340103': '庐阳区',
  '340104': '蜀山区',
  '340111': '包河区',
  '340121': '长丰县',
  '340122': '肥东县',
  '340123': '肥西县',
  '340124': '庐江县',
  '340176': '高新区',
  '340177': '经开区',
  '340178': '新站区',
  '340181': '巢湖市',
  '340199': '合巢经开区',
};

export const URBAN_GRID_TOTAL = 213;
export const ADMIN_TOWNSHIP_TOTAL = 87;
export const ADMIN_VILLAGE_TOTAL = 1335;

/** Generated townships of 合巢经开区 and villages in each (names marked 示意). */
export const HECHAO_TOWNSHIPS = 3;
export const HECHAO_VILLAGES_PER_TOWNSHIP = 6;

/** Suffix digits of generated villages start above any real village code (real ones end ≤ 498). */
export const GENERATED_VILLAGE_BASE = 900;

/** Exact grid counts of the Hefei tree. */
export const HEFEI_GRID_COUNTS = {
  city: 1,
  county: 13,
  urbanTownship: URBAN_GRID_TOTAL,
  adminTownship: ADMIN_TOWNSHIP_TOTAL,
  village: ADMIN_VILLAGE_TOTAL,
  total: 1 + 13 + URBAN_GRID_TOTAL + ADMIN_TOWNSHIP_TOTAL + ADMIN_VILLAGE_TOTAL,
} as const;
