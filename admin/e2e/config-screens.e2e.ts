import { asUser, baseUrl, expectCount, expectText, expectValue, screenshot } from './browser';

/** 重大活动/敏感时期 and 考核指标 are the city's configuration: defined, edited and versioned in the console. */
describe('city configuration screens', () => {
  test('the city admin declares a sensitive period for a county and edits it (the version goes along)', () =>
    asUser('cityadmin', async (s) => {
      const name = `重污染天气应急 ${Date.now()}`;
      await s.page.goto(`${baseUrl()}/#/sensitivePeriods/create`);
      await s.page.locator('input[name="name"]').fill(name);
      await s.page.locator('input[name="startsOn"]').fill('2026-12-10');
      await s.page.locator('input[name="endsOn"]').fill('2026-12-20');
      await s.page.getByRole('combobox', { name: '适用单位 (及其下级)' }).fill('肥东');
      await s.page.getByRole('option', { name: '肥东县 (340122000000)' }).click();
      await s.page.locator('input[name="patrolFactor"]').fill('1.5');
      await screenshot(s.page, 'sensitive-period-create');
      await s.page.getByRole('button', { name: '保存' }).click();
      const row = s.page.locator('tbody tr').filter({ hasText: name });
      await expectText(row.locator('td.column-patrolFactor'), '1.5');
      await expectText(row.locator('td.column-units'), '肥东县');
      await row.getByRole('link', { name: '编辑' }).click();
      await s.page.locator('input[name="patrolFactor"]').fill('3');
      await s.page.getByRole('button', { name: '保存' }).click();
      await expectText(s.page.locator('tbody tr').filter({ hasText: name }).locator('td.column-patrolFactor'), '3');
      await screenshot(s.page, 'sensitive-periods-edited');
      // Revoked: kept on record, inactive.
      await s.page.locator('tbody tr').filter({ hasText: name }).getByTestId('period-revoke').click();
      await s.page.getByRole('button', { name: '确认' }).click();
      await s.page.locator('tbody tr').filter({ hasText: name }).locator('td.column-active [data-testid="false"]').waitFor();
      await expectCount(s.page.locator('tbody tr').filter({ hasText: name }).getByTestId('period-revoke'), 0);
      expect(s.problems).toEqual([]);
    }));

  test('the city admin publishes a new version of an indicator; a county admin may only read them', async () => {
    await asUser('cityadmin', async (s) => {
      // Versions so far (the history toggle lists superseded ones too).
      await s.page.goto(`${baseUrl()}/#/assessmentIndicators?filter=${encodeURIComponent('{"history":true}')}`);
      const versions = s.page.locator('td.column-code', { hasText: /^EXTENSION_RATE$/ });
      await versions.first().waitFor();
      const before = await versions.count();
      await s.page.goto(`${baseUrl()}/#/assessmentIndicators?filter=${encodeURIComponent('{"history":false}')}`);
      await expectCount(versions, 1);
      const row = s.page.locator('tbody tr').filter({ has: s.page.locator('td.column-code', { hasText: /^EXTENSION_RATE$/ }) });
      await row.getByRole('link', { name: '发布新版本' }).click();
      const description = s.page.locator('textarea[name="description"]');
      // The form opens with the indicator's values: the same code makes it a new version.
      await expectValue(s.page.locator('input[name="code"]'), 'EXTENSION_RATE');
      await description.fill('应结案中批准过延期的案件 / 应结案数 (控制台发布的新版本)');
      await s.page.getByRole('button', { name: '保存' }).click();
      await expectText(s.page.locator('tbody tr').filter({ hasText: '控制台发布的新版本' }).first().locator('td.column-version'), String(before + 1));
      await expectCount(versions, 1);
      await s.page.getByLabel('含历史版本').check();
      await expectCount(versions, before + 1);
      await screenshot(s.page, 'assessment-indicators-history');
      expect(s.problems).toEqual([]);
    });
    await asUser('feidong', async (s) => {
      await s.page.goto(`${baseUrl()}/#/assessmentIndicators`);
      await s.page.locator('td.column-formula').first().waitFor();
      await expectCount(s.page.getByRole('link', { name: '发布新版本' }), 0);
      await expectCount(s.page.getByRole('link', { name: '新建指标' }), 0);
    });
  });
});
