import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, baseUrl, openBrowser, screenshot, signIn, type Session } from './browser';
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
    await expect(s.page.getByTestId('identity-unit').textContent()).resolves.toBe('肥东县');
    await expect(s.page.getByTestId('identity-role').textContent()).resolves.toBe('县区环保局');
  });

  test('the grid tree starts at 肥东县 and opens into its townships only', async () => {
    await s.page.goto(`${baseUrl()}/#/grids`);
    const tree = s.page.getByTestId('grid-tree');
    await tree.getByTestId('tree-node').nth(1).waitFor();
    const names = await tree.getByTestId('tree-name').allTextContents();
    expect(names[0]).toBe('肥东县');
    const codes = await tree.locator('[data-testid="tree-node"] .MuiListItemText-secondary').allTextContents();
    expect(codes.length).toBeGreaterThan(5);
    for (const code of codes) expect(code.startsWith(FEIDONG)).toBe(true);
    await screenshot(s.page, 'grids-tree-feidong');
    // The grid list is within the county as well.
    const listCodes = await s.page.locator('tbody tr td.column-code').allTextContents();
    expect(listCodes.length).toBeGreaterThan(0);
    for (const code of listCodes) expect(code.startsWith(FEIDONG)).toBe(true);
  });

  test('the case list holds only 肥东县 cases, and its first render is timed', async () => {
    // A fresh page load (cold cache) of the case list, signed in: time to the first row.
    const started = Date.now();
    await s.page.goto(`${baseUrl()}/#/cases`);
    await s.page.reload();
    const reloaded = Date.now();
    await s.page.locator('tbody tr').first().waitFor();
    const firstRender = Date.now() - reloaded;
    const numbers = await s.page.locator('tbody tr td.column-number').allTextContents();
    expect(numbers.length).toBeGreaterThan(0);
    for (const n of numbers) expect(n.startsWith(`${FEIDONG}-`)).toBe(true);
    await screenshot(s.page, 'cases-list-feidong');
    const timing = { caseListFirstRenderMs: firstRender, navigationMs: Date.now() - started };
    writeFileSync(path.join(ARTIFACTS, 'timings.json'), JSON.stringify(timing, null, 2));
    console.log(`case list: first render ${firstRender} ms after a full page load`);
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
    await expect(s.page.getByText(other.number).count()).resolves.toBe(0);
    await screenshot(s.page, 'case-other-county-refused');
  });
});
