import { asUser, baseUrl, expectCount, expectText, screenshot } from './browser';

/** Issue 5's KPI and patrol screens: a county admin's township table, the cases behind one figure, the month's coverage. */
test('a county admin reads its townships’ assessment, drills down to the cases behind a measure, and sees patrol coverage gaps', () =>
  asUser('feidong', async (s) => {
    await s.page.goto(`${baseUrl()}/#/assessment`);
    const period = s.page.getByTestId('assessment-period');
    await period.fill('2026-10');
    const rows = s.page.getByTestId('assessment-row');
    await rows.first().waitFor();
    // Every township of 肥东县 (its seed has 18 level-3 units); ranks start at 1.
    expect(await rows.count()).toBeGreaterThan(5);
    await screenshot(s.page, 'assessment-townships');
    const link = s.page.locator('[data-testid="drill-reported"]').first();
    const value = Number(await link.textContent());
    await link.click();
    const dialog = s.page.getByTestId('drill-down');
    await expectCount(dialog.getByTestId('drill-case'), Math.min(value, 50));
    const numbers = await dialog.getByTestId('drill-case').locator('a').allTextContents();
    for (const n of numbers) expect(n.startsWith('340122-')).toBe(true);
    await screenshot(s.page, 'assessment-drill-down');

    await s.page.goto(`${baseUrl()}/#/coverage`);
    await expectText(s.page.getByTestId('coverage-rate'), /^(—|\d+\.\d%)$/);
    const gaps = Number(await s.page.getByTestId('coverage-gap-count').textContent());
    await expectCount(s.page.getByTestId('coverage-gap'), Math.min(gaps, 50));
    await screenshot(s.page, 'patrol-coverage');
    expect(s.problems).toEqual([]);
  }));
