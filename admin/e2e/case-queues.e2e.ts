import { asUser, baseUrl, eventually, expectText, screenshot } from './browser';
import { databaseRows } from './database';

const OPEN = ['REPORTED', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'EXTENSION_REQUESTED', 'FED_BACK', 'PARKED'];

/** Issue 21: the queues a county works every day, with counts; late rows marked; the city sees county and handler. */
test('a county sees what waits at its townships, to dispatch and to verify, each chip with its count', async () => {
  const [{ below }] = await databaseRows<{ below: number }>(
    `select count(*)::int as below from "case" c join grid h on h.id = c.handling_unit_id join grid k on k.id = h.county_id
      where k.code like '340122%' and k.level = 'COUNTY' and h.id <> k.id and c.status::text = any($1::text[])`,
    [OPEN],
  );
  expect(below).toBeGreaterThan(0);
  await asUser('feidong', async (s) => {
    // The chips' counts travel in one request, not one per chip.
    const counting: string[] = [];
    s.page.on('request', (r) => {
      const body = r.postData() ?? '';
      if (r.url().endsWith('/graphql') && /totalCount/.test(body) && !/nodes/.test(body)) counting.push(body);
    });
    await s.page.goto(`${baseUrl()}/#/cases`);
    for (const q of ['unit', 'dispatch', 'verify', 'below', 'mine', 'overdue', 'due_soon']) await s.page.getByTestId(`queue-${q}`).waitFor();
    await expectText(s.page.getByTestId('queue-count-below'), ` ${below}`);
    for (const q of ['unit', 'dispatch', 'verify', 'mine', 'overdue', 'due_soon']) await s.page.getByTestId(`queue-count-${q}`).waitFor();
    expect(counting).toHaveLength(1);
    await s.page.getByTestId('queue-below').click();
    await s.page.getByTestId('queue-below').and(s.page.locator('.MuiChip-colorPrimary')).waitFor();
    await eventually(async () => {
      const handlers = await s.page.locator('tbody tr td.column-handlingUnit\\.name').allTextContents();
      expect(handlers.length).toBe(Math.min(below, 10));
      for (const h of handlers) expect(h).not.toBe('肥东县');
    });
    await screenshot(s.page, 'cases-queue-below');
  });
  // Overdue rows carry the red edge. 瑶海区 has a platform: its late cases stay late (a county
  // without one sends them up a level once the local limit passes, so its list may be empty).
  await asUser('yaohai', async (s) => {
    await s.page.goto(`${baseUrl()}/#/cases`);
    await s.page.getByTestId('queue-overdue').click();
    await s.page.getByTestId('queue-overdue').and(s.page.locator('.MuiChip-colorPrimary')).waitFor();
    await eventually(async () => {
      const shadow = await s.page.locator('tbody tr').first().evaluate((row) => getComputedStyle(row).boxShadow);
      expect(shadow).toContain('211, 47, 47');
    });
    await screenshot(s.page, 'cases-queue-overdue');
  });
});

test('the city case list names the county and the unit handling each case', async () => {
  await asUser('cityadmin', async (s) => {
    await s.page.goto(`${baseUrl()}/#/cases`);
    await s.page.getByRole('columnheader', { name: '所在县区' }).waitFor();
    await s.page.getByRole('columnheader', { name: '当前办理单位' }).waitFor();
    await eventually(async () => {
      const counties = await s.page.locator('tbody tr td.column-county\\.name').allTextContents();
      expect(counties.length).toBe(10);
      for (const c of counties) expect(c).toMatch(/[县区市]$/);
    });
    await screenshot(s.page, 'cases-list-city');
  });
});
