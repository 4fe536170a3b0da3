import type { EntityManager } from '@mikro-orm/postgresql';
import { parse } from 'csv-parse/sync';
import { GridKind, GridLevel } from '../../common/enums';
import { gridCodeProblem, levelBelow } from './grid-code';
import { insertGridRow, storedGrids, updateGridRow, type StoredGrid } from './grid.sql';

/** One rejected row of an Annex-1 style grid table, by its line in the file. */
export interface ImportProblem {
  line: number;
  code: string;
  reason: string;
}

export interface ImportReport {
  inserted: number;
  updated: number;
  unchanged: number;
  problems: ImportProblem[];
}

interface Row {
  line: number;
  code: string;
  name: string;
  level: GridLevel;
  kind: GridKind;
  parentCode: string;
  illustrative: boolean;
}

const levels = Object.values(GridLevel);
const depth = (level: GridLevel): number => levels.indexOf(level);
const CODE = /^\d{12}(\d{2,3})?$/;

/** Parses and checks the file on its own; every problem is reported, not just the first. */
function readRows(csv: string, problems: ImportProblem[]): Row[] {
  let records: Record<string, string>[];
  try {
    records = parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    problems.push({ line: 0, code: '', reason: `not a readable CSV file: ${(error as Error).message}` });
    return [];
  }
  const missing = ['code', 'name', 'level', 'parent_code'].filter((c) => records.length && !(c in records[0]));
  if (missing.length) {
    problems.push({ line: 1, code: '', reason: `missing columns: ${missing.join(', ')}` });
    return [];
  }
  const seen = new Map<string, number>();
  return records.flatMap((record, index) => {
    const line = index + 2;
    const code = record.code ?? '';
    const fail = (reason: string): Row[] => (problems.push({ line, code, reason }), []);
    if (!CODE.test(code)) return fail('code must be 12 digits, or 14-15 for an urban management grid');
    if (seen.has(code)) return fail(`duplicate code (also on line ${seen.get(code)})`);
    seen.set(code, line);
    if (!record.name || record.name.length > 100) return fail('name must have 1 to 100 characters');
    if (!levels.includes(record.level as GridLevel)) return fail(`level must be one of ${levels.join(', ')}`);
    const kind = (record.kind || (code.length > 12 ? GridKind.URBAN_MANAGEMENT : GridKind.ADMINISTRATIVE)) as GridKind;
    if (!Object.values(GridKind).includes(kind)) return fail(`kind must be one of ${Object.values(GridKind).join(', ')}`);
    const level = record.level as GridLevel;
    const parentCode = record.parent_code ?? '';
    if ((level === GridLevel.CITY) !== (parentCode === '')) return fail('only a CITY grid (and every CITY grid) has no parent_code');
    const illustrative = ['true', '1', 'yes'].includes((record.illustrative ?? '').toLowerCase());
    return [{ line, code, name: record.name, level, kind, parentCode, illustrative }];
  });
}

/**
 * Imports a grid division table (方案附件1 or the statistical division table): idempotent
 * on the grid code, all-or-nothing. With any problem, nothing is written and every bad
 * row is reported with its line number.
 */
export async function importGrids(em: EntityManager, csv: string, options: { dryRun?: boolean } = {}): Promise<ImportReport> {
  const problems: ImportProblem[] = [];
  const rows = readRows(csv, problems).sort((a, b) => depth(a.level) - depth(b.level));
  const report: ImportReport = { inserted: 0, updated: 0, unchanged: 0, problems };
  if (problems.length) return report;

  return em.transactional(async (tx) => {
    const stored = await storedGrids(tx);
    const byCode = new Map(stored.map((g) => [g.code, g]));
    const fresh = rows.filter((r) => !byCode.has(r.code)).length;
    const ids = await tx.execute<{ id: number }[]>(`select nextval('grid_id_seq')::int as id from generate_series(1, ?)`, [fresh]);

    for (const row of rows) {
      const fail = (reason: string) => problems.push({ line: row.line, code: row.code, reason });
      const parent = row.parentCode ? byCode.get(row.parentCode) : undefined;
      if (row.parentCode && !parent) {
        fail(`parent ${row.parentCode} is neither in the file nor in the database`);
        continue;
      }
      if (parent && levelBelow(parent.level) !== row.level) {
        fail(`a ${row.level} grid cannot sit under the ${parent.level} grid ${parent.code}`);
        continue;
      }
      const codeProblem = parent ? gridCodeProblem(parent, row.code, row.kind) : null;
      if (codeProblem) {
        fail(codeProblem);
        continue;
      }
      const existing = byCode.get(row.code);
      if (existing) {
        if (existing.level !== row.level || existing.parent_id !== (parent?.id ?? null)) {
          fail('already exists at another level or under another parent (move it with updateGrid)');
          continue;
        }
        if (existing.name === row.name && existing.kind === row.kind && existing.illustrative === row.illustrative) {
          report.unchanged += 1;
          continue;
        }
        await updateGridRow(tx, existing.id, row);
        report.updated += 1;
        continue;
      }
      const id = ids[report.inserted].id;
      const grid: StoredGrid = {
        id,
        code: row.code,
        name: row.name,
        level: row.level,
        kind: row.kind,
        parent_id: parent?.id ?? null,
        illustrative: row.illustrative,
        city_id: parent?.city_id ?? id,
        county_id: row.level === GridLevel.COUNTY ? id : (parent?.county_id ?? null),
        township_id: row.level === GridLevel.TOWNSHIP ? id : row.level === GridLevel.VILLAGE ? (parent?.township_id ?? null) : null,
      };
      await insertGridRow(tx, grid);
      byCode.set(grid.code, grid);
      report.inserted += 1;
    }
    // All or nothing: a problem found while writing, or a dry run, rolls everything back.
    if (problems.length || options.dryRun) throw new RollBack(report);
    return report;
  }).catch((error: unknown) => {
    if (error instanceof RollBack) return error.report;
    throw error;
  });
}

class RollBack extends Error {
  constructor(readonly report: ImportReport) {
    super('rolled back');
  }
}
