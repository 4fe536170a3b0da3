import { csvLine, readCsv, requireColumns } from '../csv';
import { dataFile } from '../data-dir';
import type { GridKindName, GridLevelName } from '@gridwatch/domain';

/** One grid of Annex 1 (网格划分表), the importable form of the grid tree. */
export interface Annex1Row {
  code: string;
  name: string;
  level: GridLevelName;
  kind: GridKindName;
  parentCode: string | null;
  /** True when the split or the name is ours rather than an official division. */
  illustrative: boolean;
}

export const ANNEX1_FILE = 'hefei-annex1-illustrative.csv';
export const ANNEX1_COLUMNS = ['code', 'name', 'level', 'kind', 'parent_code', 'illustrative'] as const;

export function annex1ToCsv(rows: readonly Annex1Row[]): string {
  const lines = [ANNEX1_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(csvLine([r.code, r.name, r.level, r.kind, r.parentCode ?? '', r.illustrative]));
  }
  return lines.join('\n') + '\n';
}

export function parseAnnex1(records: Record<string, string>[], file = ANNEX1_FILE): Annex1Row[] {
  requireColumns(file, records, ANNEX1_COLUMNS);
  return records.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level as GridLevelName,
    kind: r.kind as GridKindName,
    parentCode: r.parent_code || null,
    illustrative: r.illustrative === 'true',
  }));
}

/** The committed Annex 1 (built by `pnpm build:annex1`). */
export function loadAnnex1(file = dataFile(ANNEX1_FILE)): Annex1Row[] {
  return parseAnnex1(readCsv(file), file);
}
