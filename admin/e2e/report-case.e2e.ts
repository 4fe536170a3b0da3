import { asUser, baseUrl, expectCount, expectText, screenshot } from './browser';
import { apiAs } from './graphql';

/** Reporting only; the workflow after it is case-workflow.e2e.ts. */
test('a grid worker reports a case from the console and finds it with its timeline', async () => {
  const asWorker = await apiAs('gridworker');
  const { grids } = await asWorker<{ grids: { nodes: { name: string; level: string }[] } }>(`{ grids(first: 10, filter: { level: VILLAGE }) { nodes { name level } } }`);
  const village = grids.nodes[0].name;
  const description = `控制台上报测试 ${Date.now()}`;

  await asUser('gridworker', async (s) => {
    await s.page.goto(`${baseUrl()}/#/cases/create`);
    await s.page.getByRole('combobox', { name: '案件类别' }).click();
    await s.page.getByRole('option', { name: '秸秆焚烧' }).click();
    const grid = s.page.getByRole('combobox', { name: '所在网格' });
    await grid.fill(village.slice(0, 3));
    await s.page.getByRole('option', { name: new RegExp(village) }).click();
    await s.page.locator('textarea[name="description"]').fill(description);
    await s.page.locator('input[name="address"]').fill('长临河镇六家畈老街');
    await s.page.locator('input[name="lng"]').fill('117.52');
    await s.page.locator('input[name="lat"]').fill('31.71');
    await screenshot(s.page, 'case-report-form');
    await s.page.getByRole('button', { name: '保存' }).click();

    // The detail of the new case, with its first timeline entry.
    const timeline = s.page.getByTestId('case-timeline');
    await timeline.waitFor();
    await expectText(timeline.getByTestId('timeline-action').first(), /上报/);
    await timeline.getByText('已上报').first().waitFor();
    await expectCount(s.page.getByText(description), 1);
    await screenshot(s.page, 'case-detail-reported');
    const title = await s.page.locator('#react-admin-title').textContent();
    const number = /\d{6}-\d{8}-\d{6}/.exec(title ?? '')?.[0];
    expect(number).toBeDefined();

    // Newest first: the new case heads the list.
    await s.page.goto(`${baseUrl()}/#/cases`);
    await expectText(s.page.locator('tbody tr').first().locator('td.column-number'), number!);
    await screenshot(s.page, 'cases-list-gridworker');
    expect(s.external).toEqual([]);
  });
});
