import { databaseRows } from './database';
import { asUser, baseUrl, downloaded, eventually, expectCount, screenshot } from './browser';
import { expectFitsPhone } from './phone';

/**
 * Issue 22, gap 2: the alert inbox and the 通报 notice in the console. Alerts are laid on three
 * open cases of 店埠镇 (肥东县) as the deadline sweep raises them: a 催办, a 督办 due in
 * November (it is on the notice) and a 通报.
 */
const FEIDONG = `(select id from grid where code = '340122000000')`;
const DUE = ['2026-11-26T10:00:00+08:00', '2026-11-20T10:00:00+08:00', '2026-11-10T10:00:00+08:00'];

async function layAlerts(): Promise<void> {
  const cases = await databaseRows<{ id: number }>(
    `select c.id from "case" c join grid g on g.id = c.township_id
     where g.code = '340122100000' and c.status in ('FILED', 'DISPATCHED', 'IN_PROGRESS', 'REPORTED') order by c.id limit 3`,
  );
  expect(cases).toHaveLength(3);
  for (const [i, kind] of (['URGE', 'SUPERVISE', 'NOTICE'] as const).entries()) {
    await databaseRows(
      `insert into case_alert (city_id, county_id, township_id, grid_id, case_id, kind, due_at, at, handling_unit_id, lead_department_id, case_status, unit_level)
       select c.city_id, c.county_id, c.township_id, c.grid_id, c.id, $2, $3, $3::timestamptz + interval '1 day', c.handling_unit_id, c.lead_department_id, c.status, u.level
       from "case" c left join grid u on u.id = c.handling_unit_id where c.id = $1
       on conflict do nothing`,
      [cases[i].id, kind, DUE[i]],
    );
  }
}

const unreadFor = async (login: string) =>
  (
    await databaseRows<{ n: number }>(
      `select count(*)::int as n from case_alert a where a.county_id = ${FEIDONG}
       and not exists (select 1 from alert_read r join account p on p.id = r.account_id where r.alert_id = a.id and p.login = $1)`,
      [login],
    )
  )[0].n;

describe('the alert inbox and the 通报 notice', () => {
  beforeAll(layAlerts);

  test('a county admin filters its inbox by kind, marks an alert read (the badge counts down), acknowledges one with a note; it fits a phone', () =>
    asUser('feidong', async (s) => {
      await s.page.goto(`${baseUrl()}/#/alerts`);
      const rows = s.page.getByTestId('alert-row');
      await rows.first().waitFor();
      const badge = s.page.getByTestId('alerts-unread');
      const unread = await unreadFor('feidong');
      expect(unread).toBeGreaterThan(0);
      await eventually(async () => expect(await badge.getAttribute('data-count')).toBe(String(unread)));

      await s.page.getByRole('combobox', { name: '类型' }).click();
      await s.page.getByRole('option', { name: '督办' }).click();
      await eventually(async () => expect(new Set(await rows.getByTestId('alert-kind').allTextContents())).toEqual(new Set(['督办'])));

      const first = rows.filter({ has: s.page.getByTestId('alert-mark-read') }).first();
      await first.getByTestId('alert-mark-read').click();
      await eventually(async () => expect(await badge.getAttribute('data-count')).toBe(String(unread - 1)));
      expect(await unreadFor('feidong')).toBe(unread - 1);

      await rows.first().getByTestId('alert-acknowledge').click();
      await s.page.getByTestId('alert-note').fill('已转店埠镇督促办理');
      await s.page.getByTestId('alert-acknowledge-confirm').click();
      await eventually(async () => expect(await rows.first().getByTestId('alert-acknowledged').textContent()).toContain('已转店埠镇督促办理'));
      await screenshot(s.page, 'alert-inbox');

      await s.page.setViewportSize({ width: 390, height: 844 });
      await rows.first().waitFor();
      await expectFitsPhone(s.page);
      await screenshot(s.page, 'alert-inbox-phone');
      expect(s.problems).toEqual([]);
    }));

  test('the notice lists November’s late cases per unit, prints without the console around it, and downloads as PDF', () =>
    asUser('feidong', async (s) => {
      const [{ n }] = await databaseRows<{ n: number }>(
        `select count(*)::int as n from case_alert where kind = 'SUPERVISE' and case_id is not null and county_id = ${FEIDONG}
         and due_at >= '2026-11-01T00:00:00+08:00' and due_at < '2026-12-01T00:00:00+08:00'`,
      );
      expect(n).toBeGreaterThan(0);
      await s.page.goto(`${baseUrl()}/#/late-case-notice`);
      await s.page.getByTestId('notice-from').fill('2026-11-01');
      await s.page.getByTestId('notice-to').fill('2026-11-30');
      await expectCount(s.page.getByTestId('notice-row'), n);
      await s.page.getByTestId('notice-title').filter({ hasText: '肥东县 超时案件通报' }).waitFor();
      await s.page.emulateMedia({ media: 'print' });
      await screenshot(s.page, 'late-case-notice-print');
      expect(await s.page.locator('header').first().isVisible()).toBe(false);
      await s.page.emulateMedia({ media: 'screen' });
      const [download] = await Promise.all([s.page.waitForEvent('download', { timeout: 120_000 }), s.page.getByTestId('notice-pdf').click()]);
      expect(download.suggestedFilename()).toMatch(/^肥东县-超时案件通报-2026-11-01\.pdf$/);
      expect((await downloaded(download)).subarray(0, 5).toString()).toBe('%PDF-');

      await s.page.setViewportSize({ width: 390, height: 844 });
      await s.page.getByTestId('notice-row').first().waitFor();
      await screenshot(s.page, 'late-case-notice-phone');
      await expectFitsPhone(s.page);
      expect(s.problems).toEqual([]);
    }), 240_000);
});
