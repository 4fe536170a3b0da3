import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATA_DIR } from '../../data-dir';
import { CASE_CATEGORIES_FILE, CATEGORY_DUTIES_FILE, loadCaseCategories } from '../case-categories';
import { CITY_DEPARTMENTS } from '../departments';
import { DUTY_LEVELS, DUTY_MATRIX_FILE, loadDutyMatrix } from '../duty-matrix';

describe('the legal-duty matrix (data/duty-matrix.csv)', () => {
  const categories = loadCaseCategories();
  const matrix = loadDutyMatrix(categories);

  it('gives every category one lead at every level', () => {
    for (const c of categories) {
      for (const level of DUTY_LEVELS) {
        const leads = matrix.filter((d) => d.categoryId === c.id && d.level === level && d.role === 'RESPONSIBLE');
        expect([c.code, level, leads.length]).toEqual([c.code, level, 1]);
      }
    }
  });

  it('places each of the 17 city departments, at city and at county level (their counterparts)', () => {
    for (const level of ['CITY', 'COUNTY'] as const) {
      const named = new Set(matrix.filter((d) => d.level === level).map((d) => d.field));
      expect(CITY_DEPARTMENTS.filter((d) => !named.has(d.field)).map((d) => d.name)).toEqual([]);
    }
  });

  it('leads with each category’s default field above the township, and with the township office at it', () => {
    for (const c of categories) {
      const lead = (level: string) => matrix.find((d) => d.categoryId === c.id && d.level === level && d.role === 'RESPONSIBLE')?.field;
      expect([c.code, lead('CITY'), lead('COUNTY'), lead('TOWNSHIP')]).toEqual([c.code, c.defaultField, c.defaultField, 'TOWNSHIP_OFFICE']);
    }
  });

  it('refuses a file with a hole', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'duty-'));
    for (const f of [CASE_CATEGORIES_FILE, CATEGORY_DUTIES_FILE]) copyFileSync(path.join(DATA_DIR, f), path.join(dir, f));
    const lines = readFileSync(path.join(DATA_DIR, DUTY_MATRIX_FILE), 'utf8').split('\n');
    writeFileSync(path.join(dir, DUTY_MATRIX_FILE), lines.filter((l) => !l.startsWith('ODOUR,COUNTY,')).join('\n'));
    expect(() => loadDutyMatrix(loadCaseCategories(dir), dir)).toThrow(/ODOUR has no lead at COUNTY level/);
  });
});
