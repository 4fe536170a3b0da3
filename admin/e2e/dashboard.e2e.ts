import { asUser, baseUrl, screenshot } from './browser';

const COUNTIES = ['瑶海区', '庐阳区', '蜀山区', '包河区', '长丰县', '肥东县', '肥西县', '庐江县', '巢湖市'];

test('a city inspector sees every county on the dashboard', () =>
  asUser('inspector', async (s) => {
    await s.page.goto(`${baseUrl()}/#/`);
    const units = s.page.getByTestId('chart-units-labels');
    await units.waitFor({ state: 'attached' });
    const rows = await units.locator('li').allTextContents();
    // 13 level-2 units: the 9 with a statistical name here plus the 4 development zones.
    expect(rows).toHaveLength(13);
    for (const county of COUNTIES) expect(rows.some((r) => r.startsWith(`${county}:`))).toBe(true);
    const total = Number(await s.page.getByTestId('figure-cases').textContent());
    const sum = rows.reduce((acc, r) => acc + Number(r.split(': ')[1]), 0);
    expect(sum).toBe(total);
    await screenshot(s.page, 'dashboard-inspector');
    expect(s.external).toEqual([]);
  }));
