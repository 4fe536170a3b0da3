import { asUser, baseUrl, expectCount, expectText, screenshot } from './browser';
import { apiAs } from './graphql';
import { expectFitsPhone } from './phone';

const csv = (lines: string[]) => ({ name: 'grids.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${lines.join('\n')}\n`, 'utf8') });
const HEADER = '网格编码,名称,层级,上级网格编码';
/** 长临河镇 (肥东县), seeded. */
const TOWNSHIP = '340122104000';

/**
 * 网格划分导入 (issue 18, finding 1): a county administrator checks a division table in the
 * console and sees every error of every kind at once (line, column, reason), nothing written;
 * a correct table passes the check and is applied. The screen works at phone width.
 */
test('a county admin dry-runs a division table, reads all its errors at once, then applies a correct one', async () => {
  await asUser('feidong', async (s) => {
    await s.page.goto(`${baseUrl()}/#/`);
    await s.page.getByRole('menuitem', { name: '网格划分导入' }).click();
    await s.page.getByTestId('grid-import').waitFor();
    const file = s.page.getByTestId('import-file');
    await file.setInputFiles(
      csv([
        HEADER,
        `340122104961,新建社区,VILLAGE,${TOWNSHIP}`,
        `34012210490X,坏编码,VILLAGE,${TOWNSHIP}`,
        '340122999001,无上级村,VILLAGE,340122999000',
        `340122104962,层级不对,TOWNSHIP,${TOWNSHIP}`,
        `340102001901,外区社区,VILLAGE,${TOWNSHIP}`,
        `340122104961,重复社区,VILLAGE,${TOWNSHIP}`,
      ]),
    );
    expect(await s.page.getByTestId('import-run').isDisabled()).toBe(true);
    await s.page.getByRole('button', { name: '试运行 (校验)' }).click();
    const errors = s.page.getByTestId('import-error');
    await expectCount(errors, 5);
    const rows = await Promise.all([0, 1, 2, 3, 4].map(async (i) => (await errors.nth(i).locator('td').allTextContents()).slice(0, 3)));
    expect(rows).toEqual([
      ['3', '网格编码', '格式错误'],
      ['4', '上级网格编码', '上级不存在或不在辖区内'],
      ['5', '层级', '层级不对'],
      ['6', '网格编码', '编码不符合规则'],
      ['7', '网格编码', '文件内重复'],
    ]);
    // The explanation is the console's, in Chinese, with the codes the server named.
    for (let i = 0; i < 5; i += 1) {
      const explanation = (await errors.nth(i).locator('td').nth(3).textContent()) ?? '';
      expect(explanation).toMatch(/[\u4e00-\u9fa5]/);
      expect(explanation).not.toMatch(/\b(is|the|in|your|grid|must)\b/i);
      expect(explanation).not.toMatch(/\b(CITY|COUNTY|TOWNSHIP|VILLAGE)\b/);
    }
    expect(await errors.nth(1).locator('td').nth(3).textContent()).toMatch(/上级网格编码在文件和本辖区中都找不到 \(\d{12}\)/);
    await expectText(s.page.getByTestId('import-error-summary'), /共 6 行，发现 5 处错误，未写入任何数据/);
    expect(await s.page.getByRole('button', { name: '应用' }).isDisabled()).toBe(true);
    await screenshot(s.page, 'grid-import-errors');
    // At phone width the report scrolls inside its card, the page does not.
    await s.page.setViewportSize({ width: 390, height: 844 });
    await expectFitsPhone(s.page);
    // The buttons stay there, with their labels, on a phone.
    await expectText(s.page.getByTestId('import-dry-run'), '试运行 (校验)');
    expect(await s.page.getByTestId('import-run').isVisible()).toBe(true);
    await screenshot(s.page, 'grid-import-errors-phone');
    await s.page.setViewportSize({ width: 1440, height: 900 });

    await file.setInputFiles(csv([HEADER, `340122104961,新建社区,VILLAGE,${TOWNSHIP}`, `340122104962,新建村,村居级,${TOWNSHIP}`]));
    await s.page.getByTestId('import-dry-run').click();
    await expectText(s.page.getByTestId('import-counts'), /检查通过：共 2 行，将新增 2 条/);
    await s.page.getByRole('button', { name: '应用' }).click();
    await expectText(s.page.getByTestId('import-counts'), /导入完成：共 2 行，新增 2 条/);
    await screenshot(s.page, 'grid-import-done');

    // A rename keeps the earlier name in the grid's history, shown on its page.
    await file.setInputFiles(csv([HEADER, `340122104962,新建村(更名),VILLAGE,${TOWNSHIP}`]));
    await s.page.getByTestId('import-dry-run').click();
    await expectText(s.page.getByTestId('import-counts'), /将新增 0 条、更新 1 条/);
    await s.page.getByTestId('import-run').click();
    await expectText(s.page.getByTestId('import-counts'), /导入完成/);
    const api = await apiAs('feidong');
    const { gridByCode } = await api<{ gridByCode: { id: string; name: string; level: string; parent: { code: string } } | null }>(
      `query { gridByCode(code: "340122104962") { id name level parent { code } } }`,
    );
    expect(gridByCode).toMatchObject({ name: '新建村(更名)', level: 'VILLAGE', parent: { code: TOWNSHIP } });
    await s.page.goto(`${baseUrl()}/#/grids/${encodeURIComponent(gridByCode!.id)}/show/history`);
    const history = s.page.getByTestId('grid-history');
    await expectCount(history, 1);
    expect((await history.first().locator('td').allTextContents()).slice(0, 3)).toEqual(['340122104962', '新建村', TOWNSHIP]);
    await screenshot(s.page, 'grid-history');
    expect(s.problems).toEqual([]);
  });
  // Who may change no grid has no such screen.
  await asUser('gridworker', async (s) => {
    await s.page.goto(`${baseUrl()}/#/`);
    await s.page.getByRole('menuitem', { name: '案件' }).first().waitFor();
    await expectCount(s.page.getByRole('menuitem', { name: '网格划分导入' }), 0);
  });
});
