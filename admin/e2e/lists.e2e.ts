import { readFileSync } from 'node:fs';
import { baseUrl, eventually, expectText, openBrowser, screenshot, signIn, textsWhen, type Session } from './browser';
import { apiAs } from './graphql';

const numbers = (s: Session) => s.page.locator('tbody tr td.column-number').allTextContents();

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
    await s.page.waitForFunction((first) => document.querySelector('tbody tr td.column-number')?.textContent !== first, page1[0]);
    const page2 = await numbers(s);
    expect(page2.filter((n) => page1.includes(n))).toEqual([]);
    await s.page.getByRole('button', { name: '上一页' }).click();
    await s.page.getByText('第 1 页').waitFor();
    await s.page.waitForFunction((first) => document.querySelector('tbody tr td.column-number')?.textContent === first, page1[0]);
    // A fresh load straight onto page 3 walks forward by cursors and lands on the same rows.
    await s.page.getByRole('button', { name: '下一页' }).click();
    await s.page.getByText('第 2 页').waitFor();
    await s.page.getByRole('button', { name: '下一页' }).click();
    await s.page.getByText('第 3 页').waitFor();
    await s.page.waitForFunction((first) => document.querySelector('tbody tr td.column-number')?.textContent !== first, page2[0]);
    const page3 = await numbers(s);
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

  test('the case list exports as CSV with Chinese headers', async () => {
    await s.page.goto(`${baseUrl()}/#/cases?page=1`);
    await s.page.locator('tbody tr').first().waitFor();
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: '导出' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0].startsWith('案件编号,状态,案件类别')).toBe(true);
    // Every case of the county, fetched as keyset pages of 100 (more than one page of the list).
    expect(lines.length - 1).toBeGreaterThan(25);
    for (const line of lines.slice(1)) expect(line.startsWith('340122-')).toBe(true);
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
