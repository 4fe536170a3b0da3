import { creditCodeOfSource, isValidCreditCode, isValidSourceCode } from '@gridwatch/domain';
import { HEFEI_BBOX } from '../geo';
import { PROFILES } from '../profiles';
import { dataset, records } from './helpers';

describe('generated rows (hefei profile)', () => {
  const tables = dataset(PROFILES.hefei, 20151231);
  const grids = records(tables.get('grid'));
  const gridById = new Map(grids.map((g) => [g.id, g]));
  const sameScope = (row: Record<string, unknown>, gridId: unknown): boolean => {
    const g = gridById.get(gridId as number);
    return !!g && row.city_id === g.city_id && row.county_id === g.county_id && row.township_id === g.township_id;
  };

  it('gives grids self-inclusive ancestor ids', () => {
    for (const g of grids) {
      const parent = g.parent_id === null ? undefined : gridById.get(g.parent_id as number);
      if (g.level === 'CITY') expect([g.city_id, g.county_id, g.township_id]).toEqual([g.id, null, null]);
      if (g.level === 'COUNTY') expect([g.city_id, g.county_id, g.township_id]).toEqual([parent?.id, g.id, null]);
      if (g.level === 'TOWNSHIP') expect([g.county_id, g.township_id]).toEqual([parent?.id, g.id]);
      if (g.level === 'VILLAGE') expect([g.county_id, g.township_id]).toEqual([parent?.county_id, parent?.id]);
    }
  });

  it('copies the scope of the unit or grid onto attached rows', () => {
    const bad: string[] = [];
    const check = (table: string, key: string): void => {
      for (const r of records(tables.get(table))) if (!sameScope(r, r[key])) bad.push(`${table} ${String(r.id)}`);
    };
    check('department', 'unit_id');
    check('officer', 'employer_unit_id');
    check('grid_worker', 'employer_unit_id');
    check('account', 'unit_id');
    check('pollution_source', 'grid_id');
    check('case', 'grid_id');
    expect(bad).toEqual([]);
  });

  it('inspects operating sources in 2026, by an officer of their county, key sources most often', () => {
    const sources = new Map(records(tables.get('pollution_source')).map((s) => [s.id, s]));
    const officers = new Map(records(tables.get('officer')).map((o) => [o.id, o]));
    const inspections = records(tables.get('inspection'));
    expect(inspections).toHaveLength(PROFILES.hefei.inspections ?? 0);
    const perLevel: Record<string, { visits: number; sources: Set<unknown> }> = {};
    for (const i of inspections) {
      const source = sources.get(i.source_id)!;
      expect(['ACTIVE', 'SUSPENDED']).toContain(source.status);
      expect([i.grid_id, i.supervision_level, sameScope(i, i.grid_id)]).toEqual([source.grid_id, source.supervision_level, true]);
      expect(String(i.inspected_on) >= '2026-01-01' && String(i.inspected_on) <= '2026-11-27').toBe(true);
      if (i.officer_id !== null) expect(officers.get(i.officer_id)!.county_id).toBe(source.county_id);
      const level = (perLevel[String(i.supervision_level)] ??= { visits: 0, sources: new Set() });
      level.visits += 1;
      level.sources.add(i.source_id);
    }
    const rate = (l: string) => perLevel[l].visits / perLevel[l].sources.size;
    expect(rate('KEY')).toBeGreaterThan(2 * rate('GENERAL'));
  });

  it('gives sources valid, unique credit codes and places them in Hefei', () => {
    const sources = records(tables.get('pollution_source'));
    const codes = sources.map((s) => s.credit_code).filter((c): c is string => typeof c === 'string');
    expect(codes.every(isValidCreditCode)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(sources.filter((s) => s.type === 'ENTERPRISE').every((s) => s.credit_code !== null)).toBe(true);
    // HJ 608-2017: every source has a valid, unique code; the credit code is its first 18 characters.
    const sourceCodes = sources.map((s) => s.source_code as string);
    expect(sourceCodes.filter((c) => !isValidSourceCode(c))).toEqual([]);
    expect(new Set(sourceCodes).size).toBe(sourceCodes.length);
    expect(sources.filter((s) => s.source_code !== null && creditCodeOfSource(s.source_code as string) !== s.credit_code)).toEqual([]);
    expect(sourceCodes.some((c) => c.startsWith('H9'))).toBe(true);
    for (const s of sources) {
      expect(s.lng).toBeGreaterThanOrEqual(HEFEI_BBOX.minLng);
      expect(s.lng).toBeLessThanOrEqual(HEFEI_BBOX.maxLng);
      expect(s.lat).toBeGreaterThanOrEqual(HEFEI_BBOX.minLat);
      expect(s.lat).toBeLessThanOrEqual(HEFEI_BBOX.maxLat);
    }
    const key = sources.filter((s) => s.supervision_level === 'KEY').length / sources.length;
    expect(key).toBeGreaterThan(0.05);
    expect(key).toBeLessThan(0.15);
  });

  it('numbers cases uniquely, reports them in 2026 and gives each one REPORT event first', () => {
    const cases = records(tables.get('case'));
    const events = records(tables.get('case_event'));
    expect(new Set(cases.map((c) => c.number)).size).toBe(cases.length);
    for (const c of cases) {
      expect(c.number).toMatch(/^\d{6}-2026\d{4}-\d{6}$/);
      expect(String(c.number).slice(0, 6)).toBe(String(gridById.get(c.grid_id as number)?.code).slice(0, 6));
      // Only the recent months run through the workflow (case-lifecycles.ts).
      if (String(c.reported_at) < '2026-08-31T16:00:00.000Z') expect(c.status).toBe('REPORTED');
      expect(String(c.reported_at) >= '2025-12-31T16:00:00.000Z' && String(c.reported_at) < '2026-12-31T16:00:00.000Z').toBe(true);
    }
    expect(events.filter((e) => e.action === 'REPORT').map((e) => [e.case_id, e.grid_id, e.action, e.from_status, e.to_status, e.at])).toEqual(
      cases.map((c) => [c.id, c.grid_id, 'REPORT', null, 'REPORTED', c.reported_at]),
    );
  });

  it('copies the category’s default field into the case', () => {
    const fieldOf = new Map(records(tables.get('case_category')).map((c) => [c.id, c.default_field]));
    for (const c of records(tables.get('case'))) expect(c.field).toBe(fieldOf.get(c.category_id));
  });

  it('attaches exactly one grid worker to every childless level-3/4 grid and every administrative township', () => {
    const parents = new Set(grids.map((g) => g.parent_id));
    const expected = grids
      .filter((g) => (g.level === 'VILLAGE' || g.level === 'TOWNSHIP') && (!parents.has(g.id) || g.kind === 'ADMINISTRATIVE'))
      .map((g) => g.id);
    const attached = records(tables.get('grid_worker_grid')).map((r) => r.grid_id);
    expect([...attached].sort()).toEqual([...expected].sort());
  });
});
