import { readCsv, requireColumns } from '../csv';
import { dataFile } from '../data-dir';
import type { GridLevelName } from '@gridwatch/domain';

/** One row of the National Bureau of Statistics' division table (统计用区划代码), 12-digit codes. */
export interface Division {
  code: string;
  name: string;
  level: GridLevelName;
  parentCode: string | null;
}

export const DIVISIONS_FILE = 'hefei-divisions-2022.csv';

export function parseDivisions(records: Record<string, string>[], file = DIVISIONS_FILE): Division[] {
  requireColumns(file, records, ['code', 'name', 'level', 'parent_code']);
  return records.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level as GridLevelName,
    parentCode: r.parent_code || null,
  }));
}

export function loadDivisions(file = dataFile(DIVISIONS_FILE)): Division[] {
  return parseDivisions(readCsv(file), file);
}

/** Children by parent code, in the file's order (which is code order). */
export function childrenIndex<T extends { parentCode: string | null }>(rows: readonly T[]): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const row of rows) {
    if (!row.parentCode) continue;
    const list = index.get(row.parentCode) ?? [];
    list.push(row);
    index.set(row.parentCode, list);
  }
  return index;
}
