import { readFileSync } from 'node:fs';
import { dataFile } from '../../data-dir';
import { ANNEX1_FILE, annex1ToCsv, loadAnnex1 } from '../annex1-row';
import { buildAnnex1 } from '../build-annex1';
import { loadDivisions } from '../divisions';
import { HEFEI_GRID_COUNTS } from '../plan';
import { apportion } from '../urban-grids';

describe('Annex 1 (illustrative Hefei grid)', () => {
  const rows = loadAnnex1();

  it('has the plan’s exact counts', () => {
    const count = (pred: (r: (typeof rows)[number]) => boolean): number => rows.filter(pred).length;
    expect(count((r) => r.level === 'CITY')).toBe(1);
    expect(count((r) => r.level === 'COUNTY')).toBe(13);
    expect(count((r) => r.level === 'TOWNSHIP' && r.kind === 'URBAN_MANAGEMENT')).toBe(213);
    expect(count((r) => r.level === 'TOWNSHIP' && r.kind === 'ADMINISTRATIVE')).toBe(87);
    expect(count((r) => r.level === 'VILLAGE')).toBe(1335);
    expect(rows).toHaveLength(1649);
    expect(HEFEI_GRID_COUNTS.total).toBe(1649);
  });

  it('has unique codes and parents that exist and come first', () => {
    const seen = new Map<string, number>();
    rows.forEach((r, i) => {
      expect(seen.has(r.code)).toBe(false);
      if (r.parentCode !== null) expect(seen.has(r.parentCode)).toBe(true);
      seen.set(r.code, i);
    });
  });

  it('links levels and kinds consistently', () => {
    const byCode = new Map(rows.map((r) => [r.code, r]));
    for (const r of rows) {
      const parent = r.parentCode ? byCode.get(r.parentCode) : undefined;
      if (r.level === 'VILLAGE') {
        expect(parent?.level).toBe('TOWNSHIP');
        expect(parent?.kind).toBe('ADMINISTRATIVE');
      }
      if (r.kind === 'URBAN_MANAGEMENT') {
        expect(r.code).toMatch(/^\d{14}$/);
        expect(parent?.level).toBe('COUNTY');
      } else {
        expect(r.code).toMatch(/^\d{12}$/);
      }
    }
  });

  it('marks generated names as illustrative', () => {
    for (const r of rows.filter((x) => x.name.includes('示意'))) expect(r.illustrative).toBe(true);
    expect(rows.find((r) => r.code === '340199000000')).toMatchObject({ name: '合巢经开区', illustrative: true });
  });

  it('regenerates byte-identical from the divisions file', () => {
    const committed = readFileSync(dataFile(ANNEX1_FILE), 'utf8');
    expect(annex1ToCsv(buildAnnex1(loadDivisions()))).toBe(committed);
  });
});

describe('apportion', () => {
  it('splits by largest remainder and keeps the total', () => {
    expect(apportion(213, [13, 11, 12, 13, 6, 8, 5])).toEqual([41, 34, 37, 41, 19, 25, 16]);
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
  });
});
