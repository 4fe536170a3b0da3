import { asUser, baseUrl, eventually, expectText, screenshot } from './browser';
import { databaseRows } from './database';
import { apiAs } from './graphql';

interface Reported {
  id: string;
  number: string;
  version: number;
}

/** Issue 21: the dispatch dialog explains its suggestion, finds any department by name, warns of a lead nobody can act for, and sets the 案情. */
test('the county dispatches with the duty matrix explained, a searched partner, a warning for an unstaffed lead, and a complex case', async () => {
  const feidong = await apiAs('feidong');
  const { grids, caseCategories } = await feidong<{ grids: { nodes: { id: string }[] }; caseCategories: { id: string; code: string; name: string }[] }>(
    `{ grids(first: 1, filter: { level: COUNTY }) { nodes { id } } caseCategories { id code name } }`,
  );
  const dust = caseCategories.find((c) => c.code === 'DUST')!;
  const { reportCase: kase } = await feidong<{ reportCase: Reported }>(`mutation($input: ReportCaseInput!) { reportCase(input: $input) { id number version } }`, {
    input: { gridId: grids.nodes[0].id, categoryId: dust.id, origin: 'PATROL', description: `派遣对话框测试 ${Date.now()}` },
  });
  const { fileCase } = await feidong<{ fileCase: Reported }>(`mutation($input: CaseStepInput!) { fileCase(input: $input) { id number version } }`, { input: { id: kase.id, version: kase.version } });
  const { dispatchSuggestion } = await feidong<{ dispatchSuggestion: { lead: { name: string } } }>(`query($id: ID!) { dispatchSuggestion(caseId: $id) { lead { name } } }`, { id: fileCase.id });
  const unstaffed = await databaseRows<{ name: string }>(
    `select d.name from department d join grid g on g.id = d.unit_id where g.code = '340122000000' and d.active
       and not exists (select 1 from account a where a.department_id = d.id and a.active) order by d.name`,
  );
  expect(unstaffed.length).toBeGreaterThan(0);

  await asUser('feidong', async (s) => {
    await s.page.goto(`${baseUrl()}/#/cases/${encodeURIComponent(fileCase.id)}/show`);
    await s.page.getByTestId('action-DISPATCH').click();
    const dialog = s.page.getByTestId('transition-dialog-DISPATCH');
    await expectText(dialog.getByTestId('dispatch-suggestion'), new RegExp(`由类别「${dust.name}」的法定职责矩阵建议：牵头 ${dispatchSuggestion.lead.name}`));
    // Only the lead is ticked at first.
    const ticked = async () => (await dialog.locator('input[type="checkbox"]:checked').count());
    await eventually(async () => expect(await ticked()).toBe(1));

    // A department outside the suggestion, found by typing part of its name, becomes a partner; as lead it warns.
    const search = dialog.getByRole('combobox', { name: '其他部门 (输入名称搜索)' });
    await search.fill(unstaffed[0].name.slice(3, 5));
    await s.page.getByRole('option', { name: new RegExp(unstaffed[0].name) }).click();
    await eventually(async () => expect(await ticked()).toBe(2));
    await dialog.getByRole('combobox', { name: '牵头部门' }).click();
    await s.page.getByRole('option', { name: unstaffed[0].name, exact: true }).click();
    await dialog.getByTestId('dispatch-unstaffed').waitFor();
    await screenshot(s.page, 'dispatch-unstaffed-lead');
    // Back to the suggested lead: the warning goes.
    await dialog.getByRole('combobox', { name: '牵头部门' }).click();
    await s.page.getByRole('option', { name: dispatchSuggestion.lead.name, exact: true }).click();
    await expect(dialog.getByTestId('dispatch-unstaffed').count()).resolves.toBe(0);

    await dialog.getByRole('combobox', { name: '案情 (决定处置时限)' }).click();
    await s.page.getByRole('option', { name: '复杂' }).click();
    await screenshot(s.page, 'dispatch-dialog');
    await dialog.getByTestId('transition-submit').click();
    await dialog.waitFor({ state: 'detached' });
  });
  const [row] = await databaseRows<{ complexity: string; lead: string; n: number }>(
    `select c.complexity, d.name as lead, (select count(*)::int from case_assignment a where a.case_id = c.id and a.active) as n
       from "case" c join department d on d.id = c.lead_department_id where c.number = $1`,
    [fileCase.number],
  );
  expect(row).toEqual({ complexity: 'COMPLEX', lead: dispatchSuggestion.lead.name, n: 2 });
});
