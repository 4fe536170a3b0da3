import { baseUrl, openBrowser, screenshot, signIn } from './browser';

/** Screenshots of the main screens (admin/artifacts/, git-ignored) as a city admin. */
test('main screens render for the city admin', async () => {
  const s = await openBrowser();
  try {
    await s.page.goto(`${baseUrl()}/#/login`);
    await s.page.getByTestId('login-title').waitFor();
    // A wrong password gets the message of its code, in Chinese.
    await s.page.locator('input[name="username"]').fill('cityadmin');
    await s.page.locator('input[name="password"]').fill('wrong-password');
    await s.page.locator('button[type="submit"]').click();
    await s.page.getByText('用户名或密码错误').waitFor();
    await screenshot(s.page, 'sign-in');
    await signIn(s.page, 'cityadmin');
    const screens: [string, string, string][] = [
      ['sources-list', '/sources', 'tbody tr'],
      ['departments-list', '/departments', 'tbody tr'],
      ['officers-list', '/officers', 'tbody tr'],
      ['grid-workers-list', '/gridWorkers', 'tbody tr'],
      ['map', '/map', '.gw-boundary-county'],
    ];
    for (const [name, hash, ready] of screens) {
      await s.page.goto(`${baseUrl()}/#${hash}`);
      await s.page.locator(ready).first().waitFor();
      await screenshot(s.page, name);
    }
    await s.page.goto(`${baseUrl()}/#/sources`);
    await s.page.locator('tbody tr').first().click();
    await s.page.getByRole('tab', { name: '变更历史' }).click();
    await screenshot(s.page, 'source-detail-history');
    await s.page.goto(`${baseUrl()}/#/grids`);
    // A real row (placeholder rows come first on a loaded machine): the second grid by code.
    const row = s.page.locator('tbody tr td.column-code').filter({ hasText: /^\d{12}$/ }).nth(1);
    await row.waitFor();
    await row.click();
    await s.page.getByRole('tab', { name: '下级网格' }).click();
    await s.page.locator('tbody tr').first().waitFor();
    await screenshot(s.page, 'grid-detail-children');
    // A tablet in landscape: the app bar and the list still fit.
    await s.page.setViewportSize({ width: 1024, height: 768 });
    await s.page.goto(`${baseUrl()}/#/cases`);
    await s.page.locator('tbody tr').first().waitFor();
    await s.page.getByTestId('identity-unit').waitFor({ state: 'visible' });
    await screenshot(s.page, 'cases-list-tablet');
    expect(s.problems).toEqual([]);
    expect(s.external).toEqual([]);
  } finally {
    await s.close();
  }
});
