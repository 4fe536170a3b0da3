import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asUser, baseUrl, eventually, expectCount, expectText, openBrowser, screenshot, signIn } from './browser';
import { apiAs } from './graphql';
import { expectFitsPhone } from './phone';

/** 事件推送 (webhooks): a county administrator registers an endpoint, sees its secret once, reads its delivery log and redelivers. */
describe('webhook settings', () => {
  const ids: string[] = [];
  let receiver: Server;
  let url = '';
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      ids.push(String(req.headers['webhook-id']));
      req.resume();
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/gridwatch`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  test('肥东县 registers an endpoint (secret once), a case reported goes out, the log shows it delivered, redeliver sends it again', () =>
    asUser('feidong', async (s) => {
      await s.page.getByRole('menuitem', { name: '事件推送' }).click();
      await s.page.getByLabel('名称').fill('区数字城管平台');
      await s.page.getByLabel('接收地址').fill(url);
      await s.page.getByTestId('webhook-submit').click();
      await expectText(s.page.getByTestId('webhook-secret'), /^whsec_[A-Za-z0-9+/]{32}$/);
      await screenshot(s.page, 'webhook-secret-once');
      await expectCount(s.page.getByTestId('webhook-endpoint'), 1);
      await expectText(s.page.getByTestId('webhook-endpoint'), /区数字城管平台.*全部事件.*正常/);
      await s.page.getByRole('button', { name: '完成' }).click();
      await expectCount(s.page.getByTestId('webhook-secret'), 0);

      // A case reported in 肥东县: the scheduler of the API process delivers it.
      const api = await apiAs('feidong');
      const { grids, caseCategories } = await api<{ grids: { nodes: { id: string }[] }; caseCategories: { id: string; code: string }[] }>(
        `{ grids(first: 1, filter: { level: VILLAGE }) { nodes { id } } caseCategories { id code } }`,
      );
      const category = caseCategories.find((c) => c.code === 'DUST') ?? caseCategories[0];
      await api(`mutation($input: ReportCaseInput!) { reportCase(input: $input) { id } }`, {
        input: { gridId: grids.nodes[0].id, categoryId: category.id, origin: 'INSPECTION', description: `推送测试 ${Date.now()}` },
      });
      await eventually(async () => expect(ids).toHaveLength(1));

      await s.page.getByTestId('webhook-log').click();
      await expectText(s.page.getByTestId('webhook-delivery'), /cn\.gridwatch\.case\.report.*已送达 · 204/);
      await screenshot(s.page, 'webhook-delivery-log');
      await s.page.getByTestId('webhook-replay').click();
      await eventually(async () => expect(ids).toEqual([ids[0], ids[0]]));

      // A URL that is not http(s) is refused, nothing is created.
      await s.page.getByLabel('名称').fill('坏地址');
      await s.page.getByLabel('接收地址').fill('ftp://hooks.example.com/x');
      await s.page.getByTestId('webhook-submit').click();
      await s.page.getByRole('alert').filter({ hasText: /./ }).first().waitFor();
      await expectCount(s.page.getByTestId('webhook-endpoint'), 1);
      expect(s.problems).toEqual([]);
    }));

  test('a department has no such screen; the screen fits a phone', async () => {
    await asUser('countydept', async (s) => {
      await s.page.getByRole('menuitem').nth(2).waitFor();
      await expectCount(s.page.getByRole('menuitem', { name: '事件推送' }), 0);
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
