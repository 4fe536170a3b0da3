import { asUser, baseUrl, expectCount, expectText, screenshot } from './browser';
import { apiAs } from './graphql';

const csv = (rows: string[][]) => ({ name: 'sources.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${rows.map((r) => r.join(',')).join('\n')}\n`, 'utf8') });

/**
 * 污染源导入: a file with wrong rows is checked (dry run) and every error is shown by line,
 * column and translated code, with nothing written; a correct file passes the check with its
 * counts and is then imported for real.
 */
test('a county admin checks a source file, reads the row errors, then imports a correct one', async () => {
  const name = `导入测试企业 ${Date.now()}`;
  const header = ['名称', '类型', '监管等级', '网格编码', '统一社会信用代码'];
  await asUser('feidong', async (s) => {
    await s.page.goto(`${baseUrl()}/#/source-import`);
    const file = s.page.getByTestId('import-file');
    await file.setInputFiles(csv([header, [name, '企业', '重点', '340122104008', ''], ['某工厂', '工厂', '重点', '340122104008', ''], ['', '企业', '一般', '340122104008', '12345']]));
    // Importing is possible only after a passed check.
    expect(await s.page.getByTestId('import-run').isDisabled()).toBe(true);
    await s.page.getByTestId('import-dry-run').click();
    const errors = s.page.getByTestId('import-error');
    await expectCount(errors, 3);
    const first = await errors.first().locator('td').allTextContents();
    expect(first.slice(0, 3)).toEqual(['3', '类型', '数据有误']);
    await expectText(s.page.getByTestId('import-error-summary'), /共 3 行，发现 3 处错误，未写入任何数据/);
    expect(await s.page.getByTestId('import-run').isDisabled()).toBe(true);
    await screenshot(s.page, 'source-import-errors');

    await file.setInputFiles(csv([header, [name, '企业', '一般', '340122104008', '']]));
    await s.page.getByTestId('import-dry-run').click();
    await expectText(s.page.getByTestId('import-counts'), /检查通过：共 1 行，将新增 1 条/);
    await s.page.getByTestId('import-run').click();
    await expectText(s.page.getByTestId('import-counts'), /导入完成：共 1 行，新增 1 条/);
    await screenshot(s.page, 'source-import-done');
    expect(s.problems).toEqual([]);
  });
  const api = await apiAs('feidong');
  const { sources } = await api<{ sources: { nodes: { name: string; supervisionLevel: string; grid: { code: string } }[] } }>(
    `query($q: String!) { sources(first: 5, filter: { search: $q }) { nodes { name supervisionLevel grid { code } } } }`,
    { q: name },
  );
  expect(sources.nodes).toEqual([{ name, supervisionLevel: 'GENERAL', grid: { code: '340122104008' } }]);
});
