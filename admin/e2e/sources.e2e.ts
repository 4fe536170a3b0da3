import { asUser, baseUrl, expectCount, expectText, screenshot } from './browser';
import { testDay } from './clock';
import { apiAs } from './graphql';

/** Issue 5's source screens: review of a grid worker's new source, inspections, compliance history, overdue list. */
test('a township confirms a grid worker’s new source; its inspections and compliance history show; overdue sources are listed', async () => {
  const worker = await apiAs('gridworker');
  const { grids } = await worker<{ grids: { nodes: { id: string }[] } }>(`{ grids(first: 1, filter: { search: "340122104008" }) { nodes { id } } }`);
  const name = `新报洗车点 ${Date.now()}`;
  const { createSource } = await worker<{ createSource: { id: string; status: string } }>(
    `mutation($input: CreateSourceInput!) { createSource(input: $input) { id status } }`,
    { input: { gridId: grids.nodes[0].id, name, type: 'OTHER', supervisionLevel: 'GENERAL', status: 'PENDING' } },
  );
  expect(createSource.status).toBe('PENDING');

  await asUser('township', async (s) => {
    await s.page.goto(`${baseUrl()}/#/sources/${encodeURIComponent(createSource.id)}/show`);
    await s.page.getByTestId('source-review').waitFor();
    await s.page.getByTestId('source-confirm').click();
    await s.page.getByRole('combobox', { name: '监管等级' }).click();
    await s.page.getByRole('option', { name: '重点' }).click();
    await s.page.getByTestId('source-review-submit').click();
    await s.page.getByTestId('source-review').waitFor({ state: 'detached' });
    await s.page.getByRole('tab', { name: '变更历史' }).click();
    const history = s.page.getByTestId('source-history');
    await expectText(history.locator('tbody tr').first(), /确认/);
    await screenshot(s.page, 'source-confirmed-history');
    expect(s.problems).toEqual([]);
  });

  // The city inspector records an inspection through the API; the console shows it and the quarter turns green.
  const inspector = await apiAs('inspector');
  await inspector(`mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { id } }`, {
    input: { sourceId: createSource.id, inspectedOn: testDay(), result: 'COMPLIANT', findings: '现场整洁，污水接入市政管网' },
  });
  await asUser('inspector', async (s) => {
    await s.page.goto(`${baseUrl()}/#/sources/${encodeURIComponent(createSource.id)}/show/inspections`);
    await expectText(s.page.getByTestId('source-inspections').locator('tbody tr').first(), /未发现问题/);
    await s.page.getByRole('tab', { name: '合规历史' }).click();
    await expectCount(s.page.getByTestId('compliance-quarter'), 12);
    await expectCount(s.page.getByTestId('compliance-quarter').and(s.page.locator('.MuiChip-colorSuccess')), 1);
    await screenshot(s.page, 'source-compliance-history');
    await s.page.goto(`${baseUrl()}/#/inspection-overdue`);
    await s.page.getByTestId('overdue-row').first().waitFor();
    await screenshot(s.page, 'inspection-overdue');
    expect(s.problems).toEqual([]);
    expect(s.external).toEqual([]);
  });
});
