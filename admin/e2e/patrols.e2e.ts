import { asUser, baseUrl, eventually, expectCount, expectText, screenshot } from './browser';
import { apiAs } from './graphql';

/**
 * 巡查: a township admin generates the month's patrol plans from the console and reads them
 * per grid worker; a check-in outside its grid's boundary is flagged in the check-in list.
 */
test('a township generates patrol plans; a check-in outside the grid boundary is flagged', async () => {
  // 六家畈 gets a small square boundary; the grid worker checks in once inside, once 5 km east.
  const township = await apiAs('township');
  const { grids } = await township<{ grids: { nodes: { id: string }[] } }>(`{ grids(first: 1, filter: { search: "340122104008" }) { nodes { id } } }`);
  const gridId = grids.nodes[0].id;
  const square = { type: 'Polygon', coordinates: [[[117.50, 31.70], [117.52, 31.70], [117.52, 31.72], [117.50, 31.72], [117.50, 31.70]]] };
  await township(`mutation($id: ID!, $input: UpdateGridInput!) { updateGrid(id: $id, input: $input) { id } }`, { id: gridId, input: { boundary: square } });
  const worker = await apiAs('gridworker');
  const checkIn = `mutation($input: CheckInInput!) { checkIn(input: $input) { id outsideBoundary } }`;
  const inside = await worker<{ checkIn: { outsideBoundary: boolean } }>(checkIn, { input: { gridId, location: { lng: 117.51, lat: 31.71 }, notes: '界内巡查' } });
  const outside = await worker<{ checkIn: { outsideBoundary: boolean } }>(checkIn, { input: { gridId, location: { lng: 117.57, lat: 31.71 }, notes: '界外打卡' } });
  expect([inside.checkIn.outsideBoundary, outside.checkIn.outsideBoundary]).toEqual([false, true]);

  await asUser('township', async (s) => {
    await s.page.goto(`${baseUrl()}/#/patrolPlans`);
    await s.page.locator('tbody tr td.column-requiredCount').first().waitFor();
    await s.page.getByTestId('patrol-generate').click();
    await s.page.getByTestId('patrol-generate-submit').click();
    await expectText(s.page.getByTestId('patrol-generated'), /新建 \d+ 条，更新 \d+ 条，本单位共 \d+ 条/);
    await screenshot(s.page, 'patrol-plans-generated');
    await s.page.getByRole('button', { name: '关闭' }).click();

    await s.page.goto(`${baseUrl()}/#/patrolCheckIns`);
    await s.page.getByRole('cell', { name: '界外打卡' }).first().waitFor();
    const row = s.page.locator('tbody tr').filter({ hasText: '界外打卡' }).first();
    await expectCount(row.getByTestId('outside-boundary'), 1);
    await expectCount(s.page.locator('tbody tr').filter({ hasText: '界内巡查' }).first().getByTestId('outside-boundary'), 0);
    await s.page.getByLabel('只看边界外').check();
    await expectCount(s.page.locator('tbody tr').filter({ hasText: '界内巡查' }), 0);
    await screenshot(s.page, 'patrol-check-ins-outside');
    // Per grid worker: 刘琳's patrol plans only.
    await s.page.goto(`${baseUrl()}/#/patrolPlans`);
    await s.page.getByRole('combobox', { name: '环保网格员' }).fill('刘琳');
    await s.page.getByRole('option', { name: '刘琳' }).first().click();
    await eventually(async () => expect(new Set(await s.page.locator('tbody td.column-gridWorker\\.name').allTextContents())).toEqual(new Set(['刘琳'])));
    expect(s.problems).toEqual([]);
  });
  // The boundary is put back as it was (none), so other tests see the seed's grid.
  await township(`mutation($id: ID!, $input: UpdateGridInput!) { updateGrid(id: $id, input: $input) { id } }`, { id: gridId, input: { boundary: null } });
});
