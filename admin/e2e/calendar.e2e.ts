import { asUser, baseUrl, expectCount, expectText, screenshot } from './browser';

// A 2027 schedule written for the test (the State Council's 2027 notice is not known here).
const schedule = {
  name: '2027.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from('\uFEFF日期,是否上班,名称\n2027-01-01,否,元旦\n2027-01-02,否,元旦\n2027-01-03,否,元旦\n2027-02-06,是,春节调休\n', 'utf8'),
};

/**
 * 工作日历 (and the filing limits per level below it): on 28 November 2026 (the tests' clock) the 2027 schedule is missing, so the city
 * administrator sees a banner; the working-calendar screen previews a file, then loads it, and
 * the banner is gone. Also at phone width.
 */
test('the city administrator is warned of a missing year, previews its schedule and loads it', async () => {
  await asUser('cityadmin', async (s) => {
    await expectText(s.page.getByTestId('calendar-banner'), /2027 年节假日安排尚未导入/);
    await screenshot(s.page, 'calendar-banner');
    await s.page.getByRole('link', { name: '导入节假日安排' }).click();
    await s.page.getByTestId('calendar-page').waitFor();
    expect(await s.page.getByTestId('calendar-year').inputValue()).toBe('2027');
    await s.page.getByTestId('calendar-file').setInputFiles(schedule);
    expect(await s.page.getByTestId('calendar-load').isDisabled()).toBe(true);
    await s.page.getByTestId('calendar-preview').click();
    await expectText(s.page.getByTestId('calendar-result'), /2027 年：节假日 3 天、调休上班 1 天；新增 4、修改 0、删除 0 个日期/);
    await s.page.setViewportSize({ width: 390, height: 844 });
    await screenshot(s.page, 'calendar-preview-phone');
    await s.page.setViewportSize({ width: 1440, height: 900 });
    await s.page.getByTestId('calendar-load').click();
    await expectText(s.page.getByTestId('calendar-result'), /已导入 2027 年/);
    await expectCount(s.page.getByTestId('calendar-banner'), 0);
    await expectText(s.page.getByTestId('calendar-loaded-year').first(), /^2027admin/);

    // 立卷时限 per level: the general one is listed; a township limit of 2 working days is set.
    await expectText(s.page.getByTestId('filing-limit').first(), /^各级1 个工作日内置默认$/);
    await s.page.getByTestId('filing-limits').getByLabel('层级').click();
    await s.page.getByRole('option', { name: '乡镇街道级' }).click();
    await s.page.getByTestId('filing-limit-amount').fill('2');
    await s.page.getByTestId('filing-limit-save').click();
    await expectText(s.page.getByTestId('filing-limit-result'), /立卷时限已保存/);
    await expectText(s.page.getByTestId('filing-limit').nth(1), /^乡镇街道级2 个工作日市级设置$/);
    await s.page.setViewportSize({ width: 390, height: 844 });
    await s.page.getByTestId('filing-limits').scrollIntoViewIfNeeded();
    await screenshot(s.page, 'filing-limits-phone');
    await s.page.setViewportSize({ width: 1440, height: 900 });
    expect(s.problems).toEqual([]);
  });
  // Others get no banner and no calendar screen.
  await asUser('feidong', async (s) => {
    await s.page.goto(`${baseUrl()}/#/`);
    await s.page.getByTestId('identity-unit').waitFor();
    await expectCount(s.page.getByTestId('calendar-banner'), 0);
    await expectCount(s.page.getByRole('menuitem', { name: '工作日历' }), 0);
  });
});
