import { asUser, baseUrl, downloaded, expectCount, expectText, screenshot } from './browser';

/**
 * 培训/轮训 and 月度报表 in the console (the API's clock stands on the seed's anchor day,
 * 2026-11-28: the seeded sessions lie in the weeks before it, last month is 2026-10).
 */
describe('training and the monthly report', () => {
  test('a township administrator adds a session of its course and records who attended; the list fits a phone', () =>
    asUser('township', async (s) => {
      await s.page.goto(`${baseUrl()}/#/training`);
      const sessions = s.page.getByTestId('training-session');
      await sessions.filter({ hasText: '问题上报与现场核实' }).first().waitFor();
      // The county's and the city's sessions are read here too; only its own course is offered for a new session.
      await sessions.filter({ hasText: '网格员巡查与上报实务' }).first().waitFor();
      const before = await sessions.count();
      await s.page.getByTestId('new-session').click();
      await s.page.getByTestId('session-course').click();
      await expectCount(s.page.getByRole('option'), 1);
      await s.page.getByRole('option', { name: '问题上报与现场核实' }).click();
      await s.page.getByTestId('session-day').fill('2026-11-27');
      await s.page.getByTestId('session-place').fill('长临河镇综合文化站');
      await s.page.getByTestId('training-save').click();
      await expectCount(sessions, before + 1);
      const added = sessions.filter({ hasText: '2026-11-27' });
      await expectText(added.locator('td').last(), '0');
      await added.click();
      await s.page.getByTestId('attendance-worker').first().waitFor();
      await s.page.getByTestId('attendance-worker').nth(0).click();
      await s.page.getByTestId('attendance-worker').nth(1).click();
      await s.page.getByTestId('attendance-record').click();
      await expectText(sessions.filter({ hasText: '2026-11-27' }).locator('td').last(), '2');
      await screenshot(s.page, 'training');

      await s.page.setViewportSize({ width: 390, height: 844 });
      await s.page.getByTestId('training-sessions').waitFor();
      const overflow = await s.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(s.page, 'training-phone');
      expect(s.problems).toEqual([]);
    }));

  test('the city reads last month\'s report with a row per county, prints it and downloads the XLSX; a county only its own', async () => {
    await asUser('cityadmin', async (s) => {
      await s.page.goto(`${baseUrl()}/#/monthly-report`);
      await expectText(s.page.getByTestId('report-title'), '合肥市 2026-10 月度统计报表');
      await expectCount(s.page.getByTestId('report-row'), 14);
      await s.page.emulateMedia({ media: 'print' });
      await screenshot(s.page, 'monthly-report-print');
      expect(await s.page.locator('header').first().isVisible()).toBe(false);
      await expectCount(s.page.locator('[data-testid="report-table"]:visible'), 1);
      await s.page.emulateMedia({ media: 'screen' });
      const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByTestId('report-xlsx').click()]);
      // An XLSX is a zip (its figures are checked in the API's monthly-report.e2e.spec.ts).
      expect(download.suggestedFilename()).toBe('合肥市-2026-10-月度统计报表.xlsx');
      expect((await downloaded(download)).subarray(0, 2).toString()).toBe('PK');
      expect(s.problems).toEqual([]);
    });
    await asUser('feidong', async (s) => {
      await s.page.goto(`${baseUrl()}/#/monthly-report`);
      await expectText(s.page.getByTestId('report-title'), '肥东县 2026-10 月度统计报表');
      await expectCount(s.page.getByTestId('report-row'), 1);
      expect(s.problems).toEqual([]);
    });
  });
});
