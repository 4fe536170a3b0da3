import { asUser, baseUrl, eventually, screenshot, type Session } from './browser';
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

/**
 * The spot-check list as the API answers it when there are no campaigns yet. Other tests (the
 * raw-key scan, the spot-check walk) create campaigns in this shared database, so the list's
 * answer is emptied on the way to the page: what is under test is the console's empty state.
 */
async function noCampaigns(s: Session): Promise<void> {
  await s.page.route('**/graphql', async (route) => {
    if (!(route.request().postData() ?? '').includes('spotCheckCampaigns')) return route.continue();
    const response = await route.fetch();
    const json = (await response.json()) as { data?: Record<string, { nodes?: unknown[]; totalCount?: number; pageInfo?: { hasNextPage: boolean } } | null> };
    for (const list of Object.values(json.data ?? {})) {
      if (list && Array.isArray(list.nodes)) Object.assign(list, { nodes: [], totalCount: 0, pageInfo: { ...list.pageInfo, hasNextPage: false } });
    }
    await route.fulfill({ response, json });
  });
}

test('an empty list invites to create only a role that may create: the city admin reads spot checks, the inspector runs them', async () => {
  await asUser('cityadmin', async (s) => {
    await noCampaigns(s);
    await s.page.goto(`${baseUrl()}/#/spotChecks`);
    const empty = s.page.getByTestId('list-empty');
    await empty.getByText('这里还没有记录', { exact: false }).waitFor();
    expect(await s.page.getByRole('link', { name: /新建/ }).count()).toBe(0);
    expect(await s.page.getByText('要新建一条吗').count()).toBe(0);
    await screenshot(s.page, 'spot-checks-empty-cityadmin');
  });
  await asUser('inspector', async (s) => {
    await noCampaigns(s);
    await s.page.goto(`${baseUrl()}/#/spotChecks`);
    const empty = s.page.getByTestId('list-empty');
    await empty.getByText('要新建一条吗').waitFor();
    await empty.getByRole('link', { name: /新建/ }).waitFor();
  });
});
