import { asUser, baseUrl, expectCount, expectText, screenshot } from './browser';

test('switching to English changes the labels', () =>
  asUser('cityadmin', async (s) => {
    await s.page.goto(`${baseUrl()}/#/cases`);
    // Wait for the Chinese header itself: on a loaded machine placeholder rows come first.
    await s.page.locator('th').filter({ hasText: '案件编号' }).first().waitFor();
    await s.page.getByRole('button', { name: '中文' }).click();
    await s.page.getByRole('menuitem', { name: 'English' }).click();
    await s.page.locator('th').filter({ hasText: 'Case number' }).waitFor();
    await expectCount(s.page.getByRole('menuitem', { name: 'Cases' }), 1);
    await expectText(s.page.getByTestId('identity-role'), 'City administrator');
    await s.page.getByText('Reported').first().waitFor({ state: 'visible' });
    await screenshot(s.page, 'cases-list-english');
    await s.page.goto(`${baseUrl()}/#/`);
    await s.page.getByTestId('chart-status').waitFor();
    await s.page.getByText('Cases by status').waitFor();
    expect(s.problems).toEqual([]);
  }));
