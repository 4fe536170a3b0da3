import { startTestApp, type TestApp } from '../../../test/test-app';

/** Issue 21: the case page says who did each step (person, unit, department), to readers who cannot read accounts. */
describe('case events: the actor', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('names the person, unit and department behind each step, as the database has them', async () => {
    // A case walked by the county (report, file, dispatch) and its department (accept).
    const feidong = await app.as('feidong');
    const { grids, caseCategories } = await feidong.data<{ grids: { nodes: { id: string }[] }; caseCategories: { id: string; code: string }[] }>(
      `{ grids(first: 1, filter: { level: COUNTY }) { nodes { id } } caseCategories { id code } }`,
    );
    type Step = { id: string; number: string; version: number };
    const step = async (mutation: string, type: string, input: Record<string, unknown>, as = feidong) =>
      Object.values(await as.data<Record<string, Step>>(`mutation($input: ${type}!) { ${mutation}(input: $input) { id number version } }`, { input }))[0];
    let kase = await step('reportCase', 'ReportCaseInput', { gridId: grids.nodes[0].id, categoryId: caseCategories.find((c) => c.code === 'DUST')!.id, origin: 'PATROL', description: '经办人测试' });
    kase = await step('fileCase', 'CaseStepInput', { id: kase.id, version: kase.version });
    const { dispatchSuggestion } = await feidong.data<{ dispatchSuggestion: { lead: { id: string } } }>(`query($id: ID!) { dispatchSuggestion(caseId: $id) { lead { id } } }`, { id: kase.id });
    kase = await step('dispatchCase', 'DispatchCaseInput', { id: kase.id, version: kase.version, departmentIds: [dispatchSuggestion.lead.id] });
    await step('acceptCase', 'CaseStepInput', { id: kase.id, version: kase.version }, await app.as('countydept'));
    const sample = { number: kase.number };
    const expected = await app.ownerSql<{ action: string; name: string | null; unit: string | null; department: string | null }>(
      `select e.action::text as action, a.display_name as name, u.name as unit, d.name as department
         from case_event e join "case" c on c.id = e.case_id left join account a on a.id = e.actor_id
         left join grid u on u.id = a.unit_id left join department d on d.id = a.department_id
        where c.number = $1 order by e.id`,
      [sample.number],
    );
    const reader = await app.as('countydept');
    const { cases } = await reader.data<{ cases: { nodes: { events: { nodes: { action: string; actor: { name: string; unit: string; department: string | null } | null }[] } }[] } }>(
      `query($n: String!) { cases(first: 1, filter: { number: $n }) { nodes { events(first: 100) { nodes { action actor { name unit department } } } } } }`,
      { n: sample.number },
    );
    const events = cases.nodes[0].events.nodes;
    expect(events.map((e) => ({ action: e.action, name: e.actor?.name ?? null, unit: e.actor?.unit ?? null, department: e.actor?.department ?? null }))).toEqual(expected);
    expect(events.some((e) => e.actor?.department)).toBe(true);
  });
});
