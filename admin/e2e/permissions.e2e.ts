import { asUser, baseUrl, expectCount, screenshot, type Session } from './browser';

/** The list's toolbar is drawn (its export buttons) before the create link's permission check settles: poll the count. */
const expectLinks = async (s: Session, hash: string, name: string, count: number) => {
  await s.page.goto(`${baseUrl()}/#${hash}`);
  await s.page.locator('tbody tr').first().waitFor();
  await s.page.getByTestId('export-csv').waitFor();
  await expectCount(s.page.getByRole('link', { name }), count);
};

/** Buttons come from the packed CASL rules of `me`: what the server would refuse is not shown. */
describe('menus and buttons follow the rules', () => {
  test('a grid worker may report cases but not create grids or departments, nor see phones', () =>
    asUser('gridworker', async (s) => {
      await expectLinks(s, '/cases', '上报案件', 1);
      await expectLinks(s, '/grids', '新建', 0);
      await expectLinks(s, '/departments', '新建', 0);
      await s.page.goto(`${baseUrl()}/#/gridWorkers`);
      await s.page.locator('tbody tr').first().waitFor();
      await expectCount(s.page.locator('th').filter({ hasText: '联系电话' }), 0);
    }));

  test('a city department cannot report a case, not even by URL', () =>
    asUser('citydept', async (s) => {
      await expectLinks(s, '/cases', '上报案件', 0);
      await s.page.goto(`${baseUrl()}/#/cases/create`);
      await s.page.getByText('您没有访问此页面的权限').waitFor();
      await screenshot(s.page, 'access-denied-citydept');
    }));

  test('a county admin may create grids', () => asUser('feidong', (s) => expectLinks(s, '/grids', '新建', 1)));
});

test('an API error is shown as the message of its code, on the field it names', () =>
  asUser('feidong', async (s) => {
    await s.page.goto(`${baseUrl()}/#/grids/create`);
    await s.page.getByRole('combobox', { name: '上级网格' }).fill('长临河');
    await s.page.getByRole('option', { name: '长临河镇 (340122104000)' }).click();
    // 340122104008 exists already (a village of 长临河镇): the API answers CONFLICT on `code`.
    await s.page.locator('input[name="code"]').fill('340122104008');
    await s.page.locator('input[name="name"]').fill('重复编码测试');
    await s.page.getByRole('button', { name: '保存' }).click();
    await s.page.getByText('记录已被他人修改或与现有记录重复，请刷新后重试').first().waitFor();
    await screenshot(s.page, 'grid-create-conflict');
  }));
