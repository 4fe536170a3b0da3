import type { Page } from 'playwright-core';
import { baseUrl, openBrowser, screenshot, signIn, type Session } from './browser';

/**
 * Record pages lay their facts out as a description list (两栏/三栏, a 案卷's layout): side by
 * side on an office screen, one under another on a phone, and tables or actions across the row.
 */

const PAGES: [name: string, list: string, facts: string][] = [
  ['source', '/sources', '.gw-facts'],
  ['grid', '/grids', '.gw-facts'],
  ['department', '/departments', '[data-testid="facts"]'],
  ['officer', '/officers', '[data-testid="facts"]'],
  ['grid worker', '/gridWorkers', '[data-testid="facts"]'],
];

/** How many distinct left edges the first fields have, and whether a field without a source spans the row. */
async function layout(page: Page, facts: string): Promise<{ columns: number; firstRowShared: boolean }> {
  const box = page.locator(facts).first();
  await box.locator('.ra-field').first().waitFor();
  await page.waitForLoadState('networkidle');
  return box.evaluate((el) => {
    // Fields with a source (a review banner or a table above them spans the row by design).
    const fields = Array.from(el.children).filter((c) => /\bra-field-/.test(c.className)) as HTMLElement[];
    const lefts = new Set(fields.map((f) => Math.round(f.getBoundingClientRect().left)));
    const [a, b] = fields.map((f) => f.getBoundingClientRect());
    return { columns: lefts.size, firstRowShared: Boolean(a && b && Math.abs(a.top - b.top) < 2) };
  });
}

async function openFirstRow(s: Session, list: string): Promise<void> {
  await s.page.goto(`${baseUrl()}/#${list}`);
  const row = s.page.locator('tbody tr.RaDatagrid-clickableRow').first();
  await row.waitFor();
  const before = s.page.url();
  await row.locator('td').nth(1).click();
  await s.page.waitForURL((url) => url.toString() !== before);
}

test.each(PAGES)('the %s page shows its facts in columns on a 1440 px screen and in one on a phone', async (name, list, facts) => {
  const desk = await openBrowser();
  const phone = await openBrowser({ at: { lng: 117.27, lat: 31.86 } });
  try {
    await signIn(desk.page, 'feidong');
    await openFirstRow(desk, list);
    const wide = await layout(desk.page, facts);
    expect(wide.columns).toBeGreaterThanOrEqual(2);
    expect(wide.firstRowShared).toBe(true);
    await screenshot(desk.page, `detail-${name}`);

    await signIn(phone.page, 'feidong');
    await phone.page.goto(desk.page.url());
    const narrow = await layout(phone.page, facts);
    expect(narrow.columns).toBe(1);
    expect(narrow.firstRowShared).toBe(false);
    // Nothing widens the page sideways.
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1)).toBe(true);
    await screenshot(phone.page, `detail-${name}-phone`);
    expect([...desk.problems, ...phone.problems]).toEqual([]);
  } finally {
    await desk.close();
    await phone.close();
  }
});
