import { startTestApp, type TestApp } from '../../../test/test-app';
import { idOf, report, walk } from '../../case/__tests__/workflow-helpers';

interface Cell {
  category: { code: string };
  level: string;
  responsible: string | null;
  coResponsible: string[];
}
interface Suggestion {
  lead: { name: string } | null;
  partners: { name: string }[];
}

const CELL = `category { code } level responsible coResponsible`;
const SUGGESTION = `query($id: ID!) { dispatchSuggestion(caseId: $id) { lead { name } partners { name } } }`;

/** Finding 2 of issue 18: the legal duties of all 17 city departments, as a matrix the city keeps. */
describe('the legal-duty matrix (法定职责矩阵)', () => {
  let app: TestApp;
  let village: string;
  let categories: Map<string, string>;
  const category = (code: string): string => categories.get(code)!;

  beforeAll(async () => {
    app = await startTestApp();
    village = await idOf(app, 'Grid', `select id from grid where code = '340122104008'`, []);
    const rows = await app.ownerOrm.em.fork().execute<{ id: number; code: string }[]>(`select id, code from case_category order by id`);
    categories = new Map(await Promise.all(rows.map(async (r) => [r.code, await idOf(app, 'CaseCategory', `select id from case_category where id = ?`, [r.id])] as const)));
  });
  afterAll(() => app.close());

  it('timeLimits lists the shipped defaults when the city has set nothing', async () => {
    const city = await app.as('cityadmin');
    const query = `{ timeLimits { step origin urgency complexity categoryId amount unit source defaultAmount defaultUnit override { id } } }`;
    const { timeLimits } = await city.data<{ timeLimits: Record<string, unknown>[] }>(query);
    expect(timeLimits).toHaveLength(14);
    expect(timeLimits.every((l) => l.source === 'DEFAULT' && l.amount === l.defaultAmount && l.unit === l.defaultUnit && l.override === null)).toBe(true);
    expect(timeLimits).toContainEqual(expect.objectContaining({ step: 'HANDLE', complexity: null, urgency: null, amount: 5, unit: 'WORKING_DAYS' }));
    expect(timeLimits).toContainEqual(expect.objectContaining({ step: 'ANSWER', origin: 'COMPLAINT', amount: 13, unit: 'WORKING_DAYS' }));

    // An override says so and keeps the default beside it; a key without a default has none.
    await city.data(`mutation { setTimeLimit(input: { step: HANDLE, amount: 2, unit: WORKING_DAYS }) { id } }`);
    await city.data(`mutation($c: ID!) { setTimeLimit(input: { step: HANDLE, categoryId: $c, amount: 3, unit: WORKING_DAYS }) { id } }`, { c: category('ODOUR') });
    const after = (await city.data<{ timeLimits: Record<string, unknown>[] }>(query)).timeLimits;
    expect(after).toHaveLength(15);
    expect(after.find((l) => l.step === 'HANDLE' && !l.complexity && !l.urgency && !l.categoryId)).toMatchObject({ source: 'OVERRIDE', amount: 2, defaultAmount: 5, defaultUnit: 'WORKING_DAYS', override: { id: expect.any(String) } });
    expect(after.at(-1)).toMatchObject({ source: 'OVERRIDE', categoryId: category('ODOUR'), amount: 3, defaultAmount: null, defaultUnit: null });
  });

  it('places every one of the 17 city departments, and each county counterpart, in the matrix', async () => {
    const city = await app.as('cityadmin');
    const query = `query($u: ID!) { departments(first: 50, filter: { unitId: $u }) { nodes { name duties { category { code } level } } } }`;
    for (const code of ['340100000000', '340122000000']) {
      const unitId = await idOf(app, 'Grid', `select id from grid where code = ?`, [code]);
      const { departments } = await city.data<{ departments: { nodes: { name: string; duties: Cell[] }[] } }>(query, { u: unitId });
      expect(departments.nodes).toHaveLength(17);
      expect(departments.nodes.filter((d) => d.duties.length === 0).map((d) => d.name)).toEqual([]);
    }
  });

  it('suggests each of the 17 city departments for some category: the responsible one leads, the co-responsible join', async () => {
    const [city, county, township] = await Promise.all([app.as('cityadmin'), app.as('feidong'), app.as('township')]);
    const suggested = new Set<string>();
    let newSource: Suggestion | null = null;
    for (const code of categories.keys()) {
      let kase = await report(county, { gridId: village, categoryId: category(code) });
      kase = await walk(township, 'ESCALATE', kase);
      kase = await walk(county, 'ESCALATE', kase);
      const { dispatchSuggestion } = await city.data<{ dispatchSuggestion: Suggestion }>(SUGGESTION, { id: kase.id });
      expect([code, dispatchSuggestion.lead?.name]).toEqual([code, expect.stringMatching(/^市/)]);
      for (const d of [dispatchSuggestion.lead!, ...dispatchSuggestion.partners]) suggested.add(d.name);
      if (code === 'NEW_SOURCE') newSource = dispatchSuggestion;
    }
    expect(suggested.size).toBe(17);
    expect(newSource).toEqual({
      lead: { name: '市环保局' },
      partners: ['市发改委', '市经信委', '市国土局', '市规划局', '市工商局'].map((name) => ({ name })),
    });

    // At county level the counterparts answer; the old list (dispatchSuggestions) puts the lead first.
    let kase = await report(county, { gridId: village, categoryId: category('STRAW_BURNING') });
    kase = await walk(township, 'ESCALATE', kase);
    const { dispatchSuggestion } = await county.data<{ dispatchSuggestion: Suggestion }>(SUGGESTION, { id: kase.id });
    expect(dispatchSuggestion).toEqual({ lead: { name: '肥东县农业局' }, partners: [{ name: '肥东县财政局' }, { name: '肥东县环保局' }] });
    const { dispatchSuggestions } = await county.data<{ dispatchSuggestions: { name: string }[] }>(`query($id: ID!) { dispatchSuggestions(caseId: $id) { name } }`, { id: kase.id });
    expect(dispatchSuggestions.map((d) => d.name)).toEqual(['肥东县农业局', '肥东县财政局', '肥东县环保局']);
  });

  it('has no gaps on the seed; a cleared cell is a gap until the city names a lead again', async () => {
    const city = await app.as('cityadmin');
    const gaps = `{ dutyMatrixGaps { ${CELL} } }`;
    const { dutyMatrix } = await city.data<{ dutyMatrix: Cell[] }>(`{ dutyMatrix { ${CELL} } }`);
    expect(dutyMatrix).toHaveLength(19 * 3);
    expect(dutyMatrix.find((c) => c.category.code === 'WASTEWATER' && c.level === 'COUNTY')).toEqual({ category: { code: 'WASTEWATER' }, level: 'COUNTY', responsible: 'ENVIRONMENT', coResponsible: ['WATER'] });
    expect((await city.data<{ dutyMatrixGaps: Cell[] }>(gaps)).dutyMatrixGaps).toEqual([]);

    const cleared = await city.data<{ clearDutyCell: Cell }>(`mutation($c: ID!) { clearDutyCell(categoryId: $c, level: COUNTY) { ${CELL} } }`, { c: category('ODOUR') });
    expect(cleared.clearDutyCell).toEqual({ category: { code: 'ODOUR' }, level: 'COUNTY', responsible: null, coResponsible: [] });
    expect((await city.data<{ dutyMatrixGaps: Cell[] }>(gaps)).dutyMatrixGaps).toEqual([{ category: { code: 'ODOUR' }, level: 'COUNTY', responsible: null, coResponsible: [] }]);

    const set = `mutation($input: SetDutyCellInput!) { setDutyCell(input: $input) { ${CELL} } }`;
    const input = { categoryId: category('ODOUR'), level: 'COUNTY', responsible: 'URBAN_MANAGEMENT', coResponsible: ['ENVIRONMENT', 'ECONOMY_IT'] };
    const { setDutyCell } = await city.data<{ setDutyCell: Cell }>(set, { input });
    expect(setDutyCell).toEqual({ category: { code: 'ODOUR' }, level: 'COUNTY', responsible: 'URBAN_MANAGEMENT', coResponsible: ['ECONOMY_IT', 'ENVIRONMENT'] });
    expect((await city.data<{ dutyMatrixGaps: Cell[] }>(gaps)).dutyMatrixGaps).toEqual([]);

    // Routing follows the edit at once.
    const [county, township] = await Promise.all([app.as('feidong'), app.as('township')]);
    let kase = await report(county, { gridId: village, categoryId: category('ODOUR') });
    kase = await walk(township, 'ESCALATE', kase);
    const { dispatchSuggestion } = await county.data<{ dispatchSuggestion: Suggestion }>(SUGGESTION, { id: kase.id });
    expect(dispatchSuggestion).toEqual({ lead: { name: '肥东县城管局' }, partners: [{ name: '肥东县经信委' }, { name: '肥东县环保局' }] });
  });

  it('refuses cells no department could fill, changing nothing', async () => {
    const city = await app.as('cityadmin');
    const set = `mutation($input: SetDutyCellInput!) { setDutyCell(input: $input) { level } }`;
    const before = await city.data<{ dutyMatrix: Cell[] }>(`{ dutyMatrix { ${CELL} } }`);
    for (const [input, field] of [
      [{ level: 'TOWNSHIP', responsible: 'ENVIRONMENT' }, 'responsible'],
      [{ level: 'COUNTY', responsible: 'TOWNSHIP_OFFICE' }, 'responsible'],
      [{ level: 'VILLAGE', responsible: 'TOWNSHIP_OFFICE' }, 'responsible'],
      [{ level: 'CITY', responsible: 'ENVIRONMENT', coResponsible: ['ENVIRONMENT'] }, 'coResponsible'],
    ] as const) {
      const result = await city.request(set, { input: { categoryId: category('NOISE'), ...input } });
      expect([input, result.errors?.[0].extensions]).toEqual([input, expect.objectContaining({ code: 'BAD_USER_INPUT', field })]);
    }
    const unknown = await city.request(set, { input: { categoryId: 'Q2FzZUNhdGVnb3J5Ojk5OTk', level: 'CITY', responsible: 'ENVIRONMENT' } });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await city.data(`{ dutyMatrix { ${CELL} } }`)).toEqual(before);
  });

  it('a county or township reads the matrix but cannot edit it', async () => {
    for (const login of ['feidong', 'township', 'countydept']) {
      const client = await app.as(login);
      const { dutyMatrix } = await client.data<{ dutyMatrix: Cell[] }>(`{ dutyMatrix { level } }`);
      expect(dutyMatrix).toHaveLength(57);
      const set = await client.request(`mutation($input: SetDutyCellInput!) { setDutyCell(input: $input) { level } }`, {
        input: { categoryId: category('DUST'), level: 'COUNTY', responsible: 'ENVIRONMENT' },
      });
      expect([login, set.errors?.[0].extensions?.code]).toEqual([login, 'FORBIDDEN']);
      const clear = await client.request(`mutation($c: ID!) { clearDutyCell(categoryId: $c, level: CITY) { level } }`, { c: category('DUST') });
      expect([login, clear.errors?.[0].extensions?.code]).toEqual([login, 'FORBIDDEN']);
    }
    const city = await app.as('cityadmin');
    expect((await city.data<{ dutyMatrixGaps: Cell[] }>(`{ dutyMatrixGaps { level } }`)).dutyMatrixGaps).toEqual([]);
  });
});
