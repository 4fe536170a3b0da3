import { asUser, baseUrl, expectCount, expectText, onPhone, screenshot } from './browser';
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
    // The grid by its name, not the database id the history keeps ("所在网格: — → 659").
    await expectText(history.locator('tbody tr').last(), /所在网格: — → 六家畈社区/);
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

/** Issue 18: a source's code by HJ 608-2017 on its edit form, and its outlets (排放口) on their tab. */
test('a county admin edits a source code with the form naming the wrong part, and adds and renames an outlet', async () => {
  const api = await apiAs('feidong');
  const { sources } = await api<{ sources: { nodes: { id: string; creditCode: string | null }[] } }>(
    `{ sources(first: 20, filter: { type: ENTERPRISE, status: ACTIVE }) { nodes { id creditCode } } }`,
  );
  const source = sources.nodes.find((s) => s.creditCode)!;
  await asUser('feidong', async (s) => {
    await s.page.goto(`${baseUrl()}/#/sources/${encodeURIComponent(source.id)}`);
    const code = s.page.getByLabel('污染源编码');
    await code.fill(`${source.creditCode}000P`);
    await s.page.getByRole('button', { name: '保存' }).click();
    await expectText(s.page.locator('form'), /第19-21位应为生产经营场所顺序码 001-999/);
    await code.fill(`${source.creditCode}002P`);
    await s.page.getByRole('button', { name: '保存' }).click();
    await s.page.waitForURL(/\/show$/);

    await s.page.goto(`${baseUrl()}/#/sources/${encodeURIComponent(source.id)}/show/outlets`);
    await s.page.getByTestId('outlet-add').click();
    await s.page.getByLabel('排放口编码').fill('da001');
    await s.page.getByLabel('名称', { exact: true }).last().fill('锅炉废气排放口');
    await s.page.getByTestId('outlet-save').click();
    await expectText(s.page.getByTestId('outlet-row').first(), /DA001\s*废气\s*锅炉废气排放口/);
    await s.page.getByTestId('outlet-edit').first().click();
    await s.page.getByLabel('名称', { exact: true }).last().fill('燃气锅炉排放口');
    await s.page.getByTestId('outlet-save').click();
    await expectText(s.page.getByTestId('outlet-row').first(), /燃气锅炉排放口/);
    await screenshot(s.page, 'source-outlets');
    // A second outlet, entered by mistake, is removed after a confirmation.
    await s.page.getByTestId('outlet-add').click();
    await s.page.getByLabel('排放口编码').fill('DW009');
    await s.page.getByLabel('名称', { exact: true }).last().fill('误录');
    await s.page.getByTestId('outlet-save').click();
    await expectCount(s.page.getByTestId('outlet-row'), 2);
    await s.page.getByTestId('outlet-delete').last().click();
    await s.page.getByRole('button', { name: '确认' }).click();
    await expectCount(s.page.getByTestId('outlet-row'), 1);
    expect(s.problems).toEqual([]);
  });
  // The outlets tab at phone width.
  await onPhone('feidong', { at: { lng: 117.47, lat: 31.88 } }, async (s) => {
    await s.page.goto(`${baseUrl()}/#/sources/${encodeURIComponent(source.id)}/show/outlets`);
    await s.page.getByTestId('outlet-row').first().waitFor();
    await screenshot(s.page, 'source-outlets-phone');
    // The table fits its card (the console's app bar is wider than a phone for every screen: not this one's).
    const outlets = s.page.getByTestId('source-outlets');
    expect(await outlets.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  });
  const { source: saved } = await api<{ source: { sourceCode: string; outlets: { code: string; name: string }[] } }>(
    `query($id: ID!) { source(id: $id) { sourceCode outlets { code name } } }`,
    { id: source.id },
  );
  expect(saved).toEqual({ sourceCode: `${source.creditCode}002P`, outlets: [{ code: 'DA001', name: '燃气锅炉排放口' }] });
});
