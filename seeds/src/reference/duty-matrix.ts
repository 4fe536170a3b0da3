import path from 'node:path';
import { readCsv, requireColumns } from '../csv';
import { DATA_DIR } from '../data-dir';
import { DEPARTMENT_FIELDS, type DepartmentFieldName } from '@gridwatch/domain';
import type { CaseCategory } from './case-categories';

export const DUTY_MATRIX_FILE = 'duty-matrix.csv';

/** The levels whose units dispatch cases: a row of the matrix for each. */
export const DUTY_LEVELS = ['CITY', 'COUNTY', 'TOWNSHIP'] as const;
export type DutyLevel = (typeof DUTY_LEVELS)[number];

/** One line of the legal-duty matrix (duty_assignment). */
export interface DutyRecord {
  id: number;
  categoryId: number;
  level: DutyLevel;
  field: DepartmentFieldName;
  role: 'RESPONSIBLE' | 'CO_RESPONSIBLE';
}

function asField(value: string, where: string): DepartmentFieldName {
  if (!(DEPARTMENT_FIELDS as readonly string[]).includes(value)) throw new Error(`${where}: unknown field ${value}`);
  return value as DepartmentFieldName;
}

/**
 * Reads the matrix (one line per category and level: the lead field, then the partners,
 * space-separated) and refuses a file with a hole: every category needs a lead at every level.
 */
export function loadDutyMatrix(categories: readonly CaseCategory[], dir = DATA_DIR): DutyRecord[] {
  const file = path.join(dir, DUTY_MATRIX_FILE);
  const rows = readCsv(file);
  requireColumns(file, rows, ['category_code', 'level', 'responsible', 'co_responsible']);
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const out: DutyRecord[] = [];
  const cells = new Set<string>();
  for (const r of rows) {
    const where = `${file} ${r.category_code} ${r.level}`;
    const category = byCode.get(r.category_code);
    if (!category) throw new Error(`${where}: unknown category`);
    if (!(DUTY_LEVELS as readonly string[]).includes(r.level)) throw new Error(`${where}: unknown level`);
    const cell = `${category.id}:${r.level}`;
    if (cells.has(cell)) throw new Error(`${where}: cell given twice`);
    cells.add(cell);
    const lead = asField(r.responsible, where);
    const partners = r.co_responsible.split(/\s+/).filter(Boolean).map((f) => asField(f, where));
    if (new Set([lead, ...partners]).size !== partners.length + 1) throw new Error(`${where}: a field given twice`);
    const add = (field: DepartmentFieldName, role: DutyRecord['role']): void => {
      out.push({ id: out.length + 1, categoryId: category.id, level: r.level as DutyLevel, field, role });
    };
    add(lead, 'RESPONSIBLE');
    for (const f of partners) add(f, 'CO_RESPONSIBLE');
  }
  for (const c of categories) {
    for (const level of DUTY_LEVELS) if (!cells.has(`${c.id}:${level}`)) throw new Error(`${file}: ${c.code} has no lead at ${level} level`);
  }
  return out;
}
