import { asUser, baseUrl, expectCount, expectText, expectValue, openBrowser, screenshot, signIn } from './browser';

const LOGIN = `gw${Date.now().toString(36)}`;
const PASSWORD = 'initial-pass-2026';

test('a county admin creates an account with only grantable roles, manages API keys, and the new account changes its password', async () => {
  await asUser('yaohai', async (s) => {
    await s.page.goto(`${baseUrl()}/#/accounts`);
    await s.page.locator('tbody tr').first().waitFor();
    await screenshot(s.page, 'accounts-list-yaohai');

    await s.page.goto(`${baseUrl()}/#/accounts/create`);
    await s.page.locator('input[name="login"]').fill(LOGIN);
    await s.page.locator('input[name="displayName"]').fill('瑶海区 测试网格员');
    await s.page.locator('input[name="password"]').fill(PASSWORD);
    await s.page.getByRole('combobox', { name: '角色' }).click();
    await s.page.getByRole('option', { name: '环保网格员' }).waitFor();
    const roles = await s.page.getByRole('option').allTextContents();
    // A county admin grants roles below its own rank only (account.policy.ts GRANTABLE_ROLES).
    expect(roles).toEqual(expect.arrayContaining(['数字城管坐席', '环保网格员']));
    expect(roles.some((r) => /市|县区环保局/.test(r))).toBe(false);
    await s.page.getByRole('option', { name: '环保网格员' }).click();
    const unit = s.page.getByRole('combobox', { name: '所属单位 (属地)' });
    await unit.fill('瑶海');
    await s.page.getByRole('option', { name: /瑶海区/ }).first().click();
    await screenshot(s.page, 'account-create-yaohai');
    await s.page.getByRole('button', { name: '保存' }).click();
    await s.page.getByRole('cell', { name: LOGIN }).waitFor();
    // Its own account (a rank it cannot grant) has no deactivate button. Other tests add 瑶海区
    // accounts (partner departments), so the list is read whole rather than its first page.
    await s.page.goto(`${baseUrl()}/#/accounts?perPage=100`);
    const own = s.page.locator('tbody tr').filter({ hasText: 'yaohai' }).filter({ hasText: '县区环保局' });
    await own.first().waitFor();
    await expectCount(own.getByRole('button', { name: '停用' }), 0);

    await s.page.goto(`${baseUrl()}/#/apiKeys/create`);
    await s.page.locator('input[name="name"]').fill('瑶海区数字城管平台');
    await s.page.getByRole('checkbox', { name: '读取案件' }).check();
    await s.page.getByTestId('api-key-submit').click();
    await expectText(s.page.getByTestId('api-key-value'), /^gwk_/);
    await expectText(s.page.getByTestId('api-key-once'), /只显示这一次/);
    await s.page.getByTestId('api-key-copy').waitFor();
    await screenshot(s.page, 'api-key-created-once');
    await s.page.getByRole('button', { name: /返回列表/ }).click();
    const row = s.page.locator('tbody tr').filter({ hasText: '瑶海区数字城管平台' });
    await row.getByRole('button', { name: '吊销' }).click();
    await row.getByRole('button', { name: '吊销' }).waitFor({ state: 'detached' });
    await screenshot(s.page, 'api-keys-revoked');
    expect(s.problems).toEqual([]);
  });

  // The new account changes its own password in the app bar dialog, then signs in with it.
  const session = await openBrowser();
  try {
    await signIn(session.page, LOGIN, PASSWORD);
    await session.page.getByTestId('change-password').click();
    await session.page.locator('input[name="current"]').fill(PASSWORD);
    await session.page.locator('input[name="next"]').fill('a-new-pass-2026');
    await session.page.locator('input[name="repeat"]').fill('a-new-pass-2026');
    await screenshot(session.page, 'change-password');
    await session.page.getByRole('button', { name: '保存' }).click();
    await session.page.getByText('密码已修改').waitFor();
    expect(session.problems).toEqual([]);
  } finally {
    await session.close();
  }
  const again = await openBrowser();
  try {
    await signIn(again.page, LOGIN, 'a-new-pass-2026');
  } finally {
    await again.close();
  }

  await asUser('yaohai', async (s) => {
    // Edit: a new name and the role of platform operator; only the roles it may grant are offered.
    await s.page.goto(`${baseUrl()}/#/accounts`);
    const row = s.page.locator('tbody tr').filter({ hasText: LOGIN });
    await row.getByRole('link', { name: '编辑' }).click();
    const name = s.page.locator('input[name="displayName"]');
    await expectValue(name, '瑶海区 测试网格员');
    await name.fill('瑶海区 测试坐席');
    await s.page.getByRole('combobox', { name: '角色' }).click();
    await s.page.getByRole('option', { name: '数字城管坐席' }).click();
    await screenshot(s.page, 'account-edit-yaohai');
    await s.page.getByRole('button', { name: '保存' }).click();
    await expectText(row.locator('td.column-displayName'), '瑶海区 测试坐席');
    await expectText(row.locator('td.column-role'), '数字城管坐席');
    await row.getByRole('button', { name: '停用' }).click();
    await row.getByRole('button', { name: '停用' }).waitFor({ state: 'detached' });
    expect(s.problems).toEqual([]);
  });
}, 240_000);
