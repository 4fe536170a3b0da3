import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, baseUrl, eventually, expectCount, expectText, openBrowser, screenshot, signIn, type Session } from './browser';
import { apiAs } from './graphql';

const FEIDONG = '340122';

describe('a county admin (feidong) sees only its county', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser();
    await signIn(s.page, 'feidong');
  });
  afterAll(async () => {
    expect(s.external).toEqual([]);
    await s.close();
  });

  test('name, unit and role are shown', async () => {
    await expectText(s.page.getByTestId('identity-unit'), '肥东县');
    await expectText(s.page.getByTestId('identity-role'), '县区环保局');
  });

  test('the grid tree starts at 肥东县 and opens into its townships only', async () => {
    await s.page.goto(`${baseUrl()}/#/grids`);
    const tree = s.page.getByTestId('grid-tree');
    await expectText(tree.getByTestId('tree-name').first(), '肥东县');
    const codes = await eventually(async () => {
      const found = await tree.locator('[data-testid="tree-node"] .MuiListItemText-secondary').allTextContents();
      expect(found.length).toBeGreaterThan(5);
      return found;
    });
    for (const code of codes) expect(code.startsWith(FEIDONG)).toBe(true);
    await screenshot(s.page, 'grids-tree-feidong');
    // The grid list is within the county as well.
    await s.page.locator('tbody tr td.column-code').first().waitFor();
    const listCodes = await s.page.locator('tbody tr td.column-code').allTextContents();
    expect(listCodes.length).toBeGreaterThan(0);
    for (const code of listCodes) expect(code.startsWith(FEIDONG)).toBe(true);
  });

  test('the case list holds only 肥东县 cases, and its first render is timed', async () => {
    // Time from navigation start (performance.timeOrigin) to the first case row in the DOM,
    // recorded inside the page by a MutationObserver: no polling delay in the figure.
    await s.page.addInitScript(() => {
      const w = window as unknown as { gwFirstRow?: number };
      new MutationObserver(() => {
        if (w.gwFirstRow === undefined && document.querySelector('tbody tr td.column-number')?.textContent) w.gwFirstRow = performance.now();
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await s.page.goto(`${baseUrl()}/#/cases`);
    await s.page.locator('tbody tr td.column-number').first().waitFor();
    // A fresh page load of the case list, signed in (the session cookie survives the reload).
    await s.page.reload();
    await s.page.locator('tbody tr td.column-number').first().waitFor();
    const firstRender = await s.page.evaluate(() => (window as unknown as { gwFirstRow?: number }).gwFirstRow ?? -1);
    expect(firstRender).toBeGreaterThan(0);
    const numbers = await s.page.locator('tbody tr td.column-number').allTextContents();
    expect(numbers.length).toBeGreaterThan(0);
    for (const n of numbers) expect(n.startsWith(`${FEIDONG}-`)).toBe(true);
    await screenshot(s.page, 'cases-list-feidong');
    const timing = { caseListFirstRenderMs: Math.round(firstRender), rows: numbers.length, measuredFrom: 'navigation start (reload, signed in)', at: new Date().toISOString() };
    writeFileSync(path.join(ARTIFACTS, 'timings.json'), JSON.stringify(timing, null, 2));
    console.log(`case list: first row ${Math.round(firstRender)} ms after navigation start`);
  });

  test("another county's case cannot be opened by URL", async () => {
    const asCity = await apiAs('cityadmin');
    const { yaohai } = await asCity<{ yaohai: { id: string } }>(`{ yaohai: gridByCode(code: "340102000000") { id } }`);
    const { cases } = await asCity<{ cases: { nodes: { id: string; number: string }[] } }>(
      `query ($id: ID!) { cases(first: 1, filter: { withinId: $id }) { nodes { id number } } }`,
      { id: yaohai.id },
    );
    const [other] = cases.nodes;
    expect(other.number.startsWith('340102-')).toBe(true);
    await s.page.goto(`${baseUrl()}/#/cases/${encodeURIComponent(other.id)}/show`);
    await s.page.getByText('记录不存在，或不在您的辖区内').first().waitFor();
    await expectCount(s.page.getByText(other.number), 0);
    await screenshot(s.page, 'case-other-county-refused');
  });
});
