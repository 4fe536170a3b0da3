import { asUser, baseUrl, eventually, screenshot } from './browser';
import { databaseRows } from './database';

/** Issue 21: every filter a list has is reachable, the search box finds words, and empty lists offer only what the role may do. */
test('the cases list offers its other filters behind the add-filter button and searches number, description and address', async () => {
  await asUser('feidong', async (s) => {
    await s.page.goto(`${baseUrl()}/#/cases`);
    await s.page.locator('tbody tr').first().waitFor();
    await s.page.getByRole('button', { name: '添加筛选' }).click();
    const menu = s.page.getByRole('menu');
    for (const name of ['来源', '案件类别', '上报日期起', '上报日期止', '网格范围']) await menu.getByRole('menuitemcheckbox', { name, exact: true }).waitFor();
    await screenshot(s.page, 'cases-add-filter');
    await menu.getByRole('menuitemcheckbox', { name: '来源', exact: true }).click();
    await s.page.getByRole('combobox', { name: '来源' }).waitFor();
    await s.page.keyboard.press('Escape');

    // A word of the description finds the cases that mention it, as the database counts them.
    const [{ n }] = await databaseRows<{ n: number }>(
      `select count(*)::int as n from "case" c join grid g on g.id = c.county_id where g.code like '340122%' and strpos(c.description, '扬尘') > 0`,
    );
    expect(n).toBeGreaterThan(0);
    await s.page.goto(`${baseUrl()}/#/cases`);
    await s.page.locator('input[name="q"]').fill('扬尘');
    await eventually(async () => {
      const rows = await s.page.locator('tbody tr').count();
      expect(rows).toBe(Math.min(n, 10));
      expect(s.page.url()).toContain(encodeURIComponent('扬尘'));
    });
    await screenshot(s.page, 'cases-search-word');
  });
});

test('an empty list invites to create only a role that may create: the city admin reads spot checks, the inspector runs them', async () => {
  const [{ n }] = await databaseRows<{ n: number }>(`select count(*)::int as n from spot_check_campaign`);
  expect(n).toBe(0);
  await asUser('cityadmin', async (s) => {
    await s.page.goto(`${baseUrl()}/#/spotChecks`);
    const empty = s.page.getByTestId('list-empty');
    await empty.getByText('这里还没有记录', { exact: false }).waitFor();
    expect(await s.page.getByRole('link', { name: /新建/ }).count()).toBe(0);
    expect(await s.page.getByText('要新建一条吗').count()).toBe(0);
    await screenshot(s.page, 'spot-checks-empty-cityadmin');
  });
  await asUser('inspector', async (s) => {
    await s.page.goto(`${baseUrl()}/#/spotChecks`);
    const empty = s.page.getByTestId('list-empty');
    await empty.getByText('要新建一条吗').waitFor();
    await empty.getByRole('link', { name: /新建/ }).waitFor();
  });
});
