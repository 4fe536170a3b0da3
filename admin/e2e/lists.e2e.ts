import { baseUrl, downloaded, eventually, expectText, openBrowser, screenshot, signIn, textsWhen, type Session } from './browser';
import { apiAs } from './graphql';

/** The case numbers on the page once real rows are drawn (placeholder rows come first on a loaded machine). */
const numbers = (s: Session, count = 10) =>
  eventually(async () => {
    const texts = await s.page.locator('tbody tr td.column-number').allTextContents();
    expect(texts).toHaveLength(count);
    for (const text of texts) expect(text).toMatch(/^\d{6}-\d{8}-\d{6}$/);
    return texts;
  });

/** The numbers of the next page drawn, once they differ from `previous`. */
const numbersAfter = (s: Session, previous: string[]) =>
  eventually(async () => {
    const texts = await numbers(s);
    expect(texts[0]).not.toBe(previous[0]);
    return texts;
  });

describe('lists: keyset pages, CSV export, editing with history', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser();
    await signIn(s.page, 'feidong');
  });
  afterAll(async () => {
    await s.close();
  });

  test('next and previous walk the cursors; a pasted page number is reached without OFFSET', async () => {
    await s.page.goto(`${baseUrl()}/#/cases?perPage=10&page=1`);
    await s.page.locator('tbody tr').first().waitFor();
    const page1 = await numbers(s);
    await s.page.getByRole('button', { name: '下一页' }).click();
    await s.page.getByText('第 2 页').waitFor();
    const page2 = await numbersAfter(s, page1);
    expect(page2.filter((n) => page1.includes(n))).toEqual([]);
    await s.page.getByRole('button', { name: '上一页' }).click();
    await s.page.getByText('第 1 页').waitFor();
    await eventually(async () => expect(await numbers(s)).toEqual(page1));
    // A fresh load straight onto page 3 walks forward by cursors and lands on the same rows.
    await s.page.getByRole('button', { name: '下一页' }).click();
    await s.page.getByText('第 2 页').waitFor();
    await s.page.getByRole('button', { name: '下一页' }).click();
    await s.page.getByText('第 3 页').waitFor();
    const page3 = await numbersAfter(s, page2);
    await s.page.goto(`${baseUrl()}/#/cases?perPage=10&page=3&sort=reportedAt&order=DESC&filter=%7B%7D`);
    await s.page.reload();
    await s.page.getByText('第 3 页').waitFor();
    await s.page.locator('tbody tr').first().waitFor();
    await eventually(async () => expect(await numbers(s)).toEqual(page3));
  });

  test("a grid's children page by cursors too (店埠镇 has 37 villages: 25 + 12)", async () => {
    const api = await apiAs('feidong');
    const { grid } = await api<{ grid: { id: string } }>(`{ grid: gridByCode(code: "340122100000") { id } }`);
    await s.page.goto(`${baseUrl()}/#/grids/${encodeURIComponent(grid.id)}/show/children`);
    const rows = s.page.locator('tbody tr td.column-code');
    const first = await textsWhen(rows, 25);
    await s.page.getByRole('button', { name: '下一页' }).click();
    const second = await textsWhen(rows, 12);
    expect(second.filter((c) => first.includes(c))).toEqual([]);
    expect(new Set([...first, ...second]).size).toBe(37);
  });

  test('the case list exports through the API as CSV (Chinese headers) and XLSX, under the current filter', async () => {
    await s.page.goto(`${baseUrl()}/#/cases?page=1`);
    await s.page.locator('tbody tr').first().waitFor();
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByTestId('export-csv').click()]);
    const csv = (await downloaded(download)).toString('utf8').replace(/^\ufeff/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain('案件编号');
    // Every case of the county (more than one page of the list), and only those.
    const api = await apiAs('feidong');
    const { cases } = await api<{ cases: { totalCount: number } }>(`{ cases(first: 1) { totalCount } }`);
    expect(lines.length - 1).toBe(cases.totalCount);
    expect(lines.slice(1).every((line) => line.includes('340122-'))).toBe(true);
    // The same list filtered to one status, as XLSX (a zip: "PK").
    await s.page.goto(`${baseUrl()}/#/cases?filter=${encodeURIComponent(JSON.stringify({ status: 'REPORTED' }))}`);
    await s.page.locator('tbody tr').first().waitFor();
    const [xlsx] = await Promise.all([s.page.waitForEvent('download'), s.page.getByTestId('export-xlsx').click()]);
    expect((await downloaded(xlsx)).subarray(0, 2).toString()).toBe('PK');
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  });

  test('editing a source writes a line of its history', async () => {
    await s.page.goto(`${baseUrl()}/#/sources`);
    await s.page.locator('tbody tr').first().click();
    await s.page.getByRole('link', { name: '编辑' }).click();
    const industry = `行业-${Date.now()}`;
    await s.page.locator('input[name="industry"]').fill(industry);
    await s.page.getByRole('button', { name: '保存' }).click();
    await s.page.getByRole('tab', { name: '变更历史' }).click();
    const history = s.page.getByTestId('source-history');
    await history.getByText(industry, { exact: false }).waitFor();
    await expectText(history.locator('tbody tr').first(), /修改/);
    await screenshot(s.page, 'source-history-after-edit');
  });
});
