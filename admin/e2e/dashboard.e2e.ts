import { asUser, baseUrl, eventually, expectCount, expectText, screenshot, textsWhen } from './browser';

const COUNTIES = ['瑶海区', '庐阳区', '蜀山区', '包河区', '长丰县', '肥东县', '肥西县', '庐江县', '巢湖市'];
const labels = (rows: string[]) => rows.map((r) => ({ name: r.slice(0, r.lastIndexOf(': ')), n: Number(r.slice(r.lastIndexOf(': ') + 2)) }));

test('a city inspector sees every county on the dashboard: counts, overdue, trend and ranking', () =>
  asUser('inspector', async (s) => {
    await s.page.goto(`${baseUrl()}/#/`);
    // 13 level-2 units: the 9 with a statistical name here plus the 4 development zones.
    const rows = labels(await textsWhen(s.page.getByTestId('chart-units-labels').locator('li'), 13));
    for (const county of COUNTIES) expect(rows.some((r) => r.name === county)).toBe(true);
    const total = Number(await s.page.getByTestId('figure-cases').textContent());
    expect(rows.reduce((acc, r) => acc + r.n, 0)).toBe(total);
    const overdue = labels(await s.page.getByTestId('chart-overdue-labels').locator('li').allTextContents());
    expect(overdue.map((r) => r.name)).toEqual(rows.map((r) => r.name));
    expect(overdue.reduce((acc, r) => acc + r.n, 0)).toBe(Number(await s.page.getByTestId('figure-overdue').textContent()));
    // The ranking lists every county with cases once.
    await expectCount(s.page.getByTestId('ranking-row'), rows.filter((r) => r.n > 0).length);
    // Trend: 30 days, then 12 weeks after the switch, with the same reports in the last 12 weeks as in any 30 days of them.
    const trend = s.page.getByTestId('chart-trend-labels').locator('li');
    const daily = labels(await textsWhen(trend, 30)).reduce((acc, r) => acc + r.n, 0);
    await screenshot(s.page, 'dashboard-inspector');
    await s.page.getByRole('button', { name: '按周' }).click();
    const weekly = labels(await textsWhen(trend, 12)).reduce((acc, r) => acc + r.n, 0);
    expect(weekly).toBeGreaterThanOrEqual(daily);
    expect(s.external).toEqual([]);
    expect(s.problems).toEqual([]);
  }));

test('dashboard figures and bars open the list behind them', async () => {
  await asUser('feidong', async (s) => {
    await s.page.goto(`${baseUrl()}/#/`);
    const overdue = Number(await s.page.getByTestId('figure-overdue').textContent());
    await s.page.getByTestId('figure-overdue-open').click();
    await s.page.waitForURL(/#\/cases\?filter=.*OVERDUE/);
    await s.page.getByTestId('queue-overdue').and(s.page.locator('.MuiChip-colorPrimary')).waitFor();
    await expectText(s.page.getByTestId('queue-count-overdue'), ` ${overdue}`);

    // A bar of the status chart: the cases in that status.
    await s.page.goto(`${baseUrl()}/#/`);
    // The status with the most cases (a bar of zero height is not there to click).
    const counts = labels(await s.page.getByTestId('chart-status-labels').locator('li').allTextContents()).map((r) => r.n);
    await s.page.getByTestId('chart-status').locator('.recharts-bar-rectangle').nth(counts.indexOf(Math.max(...counts))).click();
    await s.page.waitForURL(/#\/cases\?filter=.*status/);
    await s.page.locator('tbody tr').first().waitFor();
    const url = decodeURIComponent(s.page.url());
    const status = /"status":"([A-Z_]+)"/.exec(url)?.[1];
    expect(status).toBeDefined();
    // Placeholder rows come first on a loaded machine: wait for the real ones, all of that status.
    await eventually(async () => {
      const shown = await s.page.locator('tbody tr td.column-status').allTextContents();
      expect(shown.length).toBeGreaterThan(0);
      expect(new Set(shown).size).toBe(1);
    });
  });
});
