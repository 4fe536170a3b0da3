import { asUser, baseUrl, expectValue, screenshot } from './browser';
import { databaseRows } from './database';
import { apiAs } from './graphql';

/** Ends every session of an account, as an idle timeout or a sign-out elsewhere would. */
const revokeSessions = (login: string) =>
  databaseRows(`update session set revoked_at = now() where revoked_at is null and account_id = (select id from account where login = $1)`, [login]);

test('a session that lapses under a half-written report keeps the text, asks for the password, and the report goes through', async () => {
  const description = `会话过期测试 ${Date.now()}`;
  const asWorker = await apiAs('gridworker');
  const { grids } = await asWorker<{ grids: { nodes: { name: string }[] } }>(`{ grids(first: 1, filter: { level: VILLAGE }) { nodes { name } } }`);
  const village = grids.nodes[0].name;
  await asUser('gridworker', async (s) => {
    await s.page.goto(`${baseUrl()}/#/cases/create`);
    await s.page.getByRole('combobox', { name: '案件类别' }).click();
    await s.page.getByRole('option', { name: '秸秆焚烧' }).click();
    const grid = s.page.getByRole('combobox', { name: '所在网格' });
    await grid.fill(village.slice(0, 3));
    await s.page.getByRole('option', { name: new RegExp(village) }).click();
    const text = s.page.locator('textarea[name="description"]');
    await text.fill(description);
    await s.page.locator('input[name="lng"]').fill('117.52');
    await s.page.locator('input[name="lat"]').fill('31.71');

    await revokeSessions('gridworker');
    await s.page.getByRole('button', { name: '保存' }).click();

    // The dialog says why; the page under it, and what was typed, stay.
    const dialog = s.page.getByTestId('session-lapsed');
    await dialog.getByText('登录已过期').waitFor();
    expect(s.page.url()).toMatch(/#\/cases\/create$/);
    await expectValue(text, description);
    await expectValue(dialog.locator('input[name="username"]'), 'gridworker');
    await screenshot(s.page, 'session-lapsed-dialog');

    // A wrong password is said so in the dialog, which stays.
    await dialog.locator('input[name="password"]').fill('wrong-password');
    await dialog.getByRole('button', { name: '登录', exact: true }).click();
    await dialog.getByRole('alert').waitFor();

    await dialog.locator('input[name="password"]').fill('gridwatch');
    await dialog.getByRole('button', { name: '登录', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectValue(text, description);

    await s.page.getByRole('button', { name: '保存' }).click();
    await s.page.getByTestId('case-timeline').waitFor();
    await s.page.getByText(description).first().waitFor();
    const [row] = await databaseRows<{ n: string }>(`select count(*) as n from "case" where description = $1`, [description]);
    expect(Number(row.n)).toBe(1);
    expect(s.problems).toEqual([]);
  });
});

test('a page reloaded after its session lapsed says why on the sign-in form and returns to where the user was', async () => {
  await asUser('feidong', async (s) => {
    await s.page.goto(`${baseUrl()}/#/sources`);
    await s.page.locator('tbody tr').first().waitFor();
    await revokeSessions('feidong');
    // Any screen's request notices the lapse.
    await s.page.goto(`${baseUrl()}/#/cases`);
    await s.page.getByTestId('session-lapsed').waitFor();

    await s.page.reload();
    await s.page.getByTestId('session-lapsed-before').waitFor();
    await screenshot(s.page, 'session-lapsed-sign-in');
    await s.page.locator('input[name="username"]').fill('feidong');
    await s.page.locator('input[name="password"]').fill('gridwatch');
    await s.page.locator('button[type="submit"]').click();
    await s.page.getByTestId('identity-unit').waitFor();
    expect(s.page.url()).toMatch(/#\/cases$/);
    await s.page.locator('tbody tr').first().waitFor();
  });
});

test('signing out from the lapsed dialog is a sign-out: the sign-in form says nothing of a lapse', async () => {
  await asUser('feidong', async (s) => {
    await revokeSessions('feidong');
    await s.page.goto(`${baseUrl()}/#/cases`);
    const dialog = s.page.getByTestId('session-lapsed');
    await dialog.getByRole('button', { name: '退出登录' }).click();
    await s.page.locator('input[name="username"]').waitFor();
    expect(await s.page.evaluate(() => localStorage.getItem('gw.session.lapsed'))).toBeNull();
    await s.page.reload();
    await s.page.locator('input[name="username"]').waitFor();
    expect(await s.page.getByTestId('session-lapsed-before').count()).toBe(0);
  });
});
