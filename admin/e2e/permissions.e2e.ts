import { baseUrl, openBrowser, screenshot, signIn } from './browser';

/** Buttons come from the packed CASL rules of `me`: what the server would refuse is not shown. */
describe('menus and buttons follow the rules', () => {
  test('a grid worker may report cases but not create grids or departments', async () => {
    const s = await openBrowser();
    try {
      await signIn(s.page, 'gridworker');
      await s.page.goto(`${baseUrl()}/#/cases`);
      await s.page.locator('tbody tr').first().waitFor();
      await expect(s.page.getByRole('link', { name: '上报案件' }).count()).resolves.toBe(1);
      await s.page.goto(`${baseUrl()}/#/grids`);
      await s.page.locator('tbody tr').first().waitFor();
      await expect(s.page.getByRole('link', { name: '新建' }).count()).resolves.toBe(0);
      await s.page.goto(`${baseUrl()}/#/departments`);
      await s.page.locator('tbody tr').first().waitFor();
      await expect(s.page.getByRole('link', { name: '新建' }).count()).resolves.toBe(0);
      // Phone numbers are not for grid workers: no column at all.
      await s.page.goto(`${baseUrl()}/#/gridWorkers`);
      await s.page.locator('tbody tr').first().waitFor();
      await expect(s.page.locator('th').filter({ hasText: '联系电话' }).count()).resolves.toBe(0);
    } finally {
      await s.close();
    }
  });

  test('a city department cannot report a case; a county admin can create grids', async () => {
    const s = await openBrowser();
    try {
      await signIn(s.page, 'citydept');
      await s.page.goto(`${baseUrl()}/#/cases`);
      await s.page.locator('tbody tr, .RaList-noResults, .RaEmpty-message').first().waitFor();
      await expect(s.page.getByRole('link', { name: '上报案件' }).count()).resolves.toBe(0);
      await s.page.goto(`${baseUrl()}/#/cases/create`);
      await s.page.getByText('您没有访问此页面的权限').waitFor();
      await screenshot(s.page, 'access-denied-citydept');
    } finally {
      await s.close();
    }
    const county = await openBrowser();
    try {
      await signIn(county.page, 'feidong');
      await county.page.goto(`${baseUrl()}/#/grids`);
      await county.page.locator('tbody tr').first().waitFor();
      await expect(county.page.getByRole('link', { name: '新建' }).count()).resolves.toBe(1);
    } finally {
      await county.close();
    }
  });
});

test('an API error is shown as the message of its code, on the field it names', async () => {
  const s = await openBrowser();
  try {
    await signIn(s.page, 'feidong');
    await s.page.goto(`${baseUrl()}/#/grids/create`);
    const parent = s.page.getByRole('combobox', { name: '上级网格' });
    await parent.fill('长临河');
    await s.page.getByRole('option', { name: '长临河镇 (340122104000)' }).click();
    // 340122104008 exists already (a village of 长临河镇): the API answers CONFLICT on `code`.
    await s.page.locator('input[name="code"]').fill('340122104008');
    await s.page.locator('input[name="name"]').fill('重复编码测试');
    await s.page.getByRole('button', { name: '保存' }).click();
    await s.page.getByText('记录已被他人修改或与现有记录重复，请刷新后重试').first().waitFor();
    await screenshot(s.page, 'grid-create-conflict');
  } finally {
    await s.close();
  }
});
