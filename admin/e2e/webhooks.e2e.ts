import { asUser, baseUrl, expectCount, expectText, openBrowser, screenshot, signIn } from './browser';
import { expectFitsPhone } from './phone';

/** Webhook 推送: a county administrator registers an endpoint, sees its secret once, reads its (empty) delivery log. */
describe('webhook settings', () => {
  test('肥东县 registers an endpoint: the secret is shown once, the endpoint listed, its log readable', () =>
    asUser('feidong', async (s) => {
      await s.page.getByRole('menuitem', { name: 'Webhook 推送' }).click();
      await s.page.getByLabel('名称').fill('区数字城管平台');
      await s.page.getByLabel('接收地址').fill('https://hooks.example.com/gridwatch');
      await s.page.getByTestId('webhook-submit').click();
      await expectText(s.page.getByTestId('webhook-secret'), /^whsec_[A-Za-z0-9+/]{32}$/);
      await screenshot(s.page, 'webhook-secret-once');
      await expectCount(s.page.getByTestId('webhook-endpoint'), 1);
      await expectText(s.page.getByTestId('webhook-endpoint'), /区数字城管平台.*https:\/\/hooks\.example\.com\/gridwatch.*全部事件.*正常/);
      await s.page.getByRole('button', { name: '完成' }).click();
      await expectCount(s.page.getByTestId('webhook-secret'), 0);
      await s.page.getByTestId('webhook-log').click();
      await expectText(s.page.getByText('投递记录: 区数字城管平台'), '投递记录: 区数字城管平台');
      // A URL that is not http(s) is refused with the field's message, nothing is created.
      await s.page.getByLabel('名称').fill('坏地址');
      await s.page.getByLabel('接收地址').fill('ftp://hooks.example.com/x');
      await s.page.getByTestId('webhook-submit').click();
      await s.page.getByRole('alert').waitFor();
      await expectCount(s.page.getByTestId('webhook-endpoint'), 1);
      expect(s.problems).toEqual([]);
    }));

  test('a department has no such screen; the screen fits a phone', async () => {
    await asUser('countydept', async (s) => {
      await s.page.getByRole('menuitem').nth(2).waitFor();
      await expectCount(s.page.getByRole('menuitem', { name: 'Webhook 推送' }), 0);
    });
    const phone = await openBrowser({ at: { lng: 117.23, lat: 31.82 } });
    try {
      await signIn(phone.page, 'cityadmin');
      await phone.page.goto(`${baseUrl()}/#/webhooks`);
      await phone.page.getByTestId('webhook-submit').waitFor();
      await expectFitsPhone(phone.page);
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
