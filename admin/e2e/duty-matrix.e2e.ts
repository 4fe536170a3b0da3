import { asUser, baseUrl, expectCount, expectText, screenshot } from './browser';
import { expectFitsPhone } from './phone';

const GAPS_NONE = '每个案件类别在每一级都有牵头部门';

/**
 * 法定职责矩阵: the city administrator reads the matrix, changes a cell, empties it (the gaps
 * check lists it) and fills it again; a county reads it without edit controls; at phone width
 * the table scrolls inside the page.
 */
describe('the legal-duty matrix screen', () => {
  test('the city administrator edits a cell and sees the gaps check follow', () =>
    asUser('cityadmin', async (s) => {
      await s.page.getByRole('menuitem', { name: '法定职责矩阵' }).click();
      await s.page.getByTestId('duty-matrix-page').waitFor();
      await expectText(s.page.getByTestId('duty-gaps'), GAPS_NONE);
      await expectCount(s.page.getByTestId('duty-row'), 19);
      const cell = s.page.getByTestId('duty-cell-ODOUR-COUNTY');
      await expectText(cell, /^环境保护配合： 经济和信息化$/);
      await screenshot(s.page, 'duty-matrix');

      // Lead 城市管理, partners 环境保护 and 经济和信息化.
      await cell.click();
      await s.page.getByRole('combobox', { name: '牵头部门' }).click();
      await s.page.getByRole('option', { name: '城市管理' }).click();
      await s.page.getByTestId('duty-partner-ENVIRONMENT').check();
      await screenshot(s.page, 'duty-matrix-cell');
      await s.page.getByTestId('duty-save').click();
      await expectText(cell, /^城市管理配合： 经济和信息化、环境保护$/);

      // Emptied: a gap, named in the check.
      await cell.click();
      await s.page.getByTestId('duty-clear').click();
      await expectText(cell, '缺口');
      await expectText(s.page.getByTestId('duty-gaps'), '1 处缺口 (没有牵头部门)：异味气体·县区级');

      // Back as the seed had it.
      await cell.click();
      await s.page.getByRole('combobox', { name: '牵头部门' }).click();
      await s.page.getByRole('option', { name: '环境保护' }).click();
      await s.page.getByTestId('duty-partner-ECONOMY_IT').check();
      await s.page.getByTestId('duty-save').click();
      await expectText(cell, /^环境保护配合： 经济和信息化$/);
      await expectText(s.page.getByTestId('duty-gaps'), GAPS_NONE);

      await s.page.setViewportSize({ width: 390, height: 844 });
      await expectFitsPhone(s.page);
      await screenshot(s.page, 'duty-matrix-phone');
      expect(s.problems).toEqual([]);
    }));

  test('a county administrator reads the matrix but cannot edit it', () =>
    asUser('feidong', async (s) => {
      await s.page.goto(`${baseUrl()}/#/duty-matrix`);
      await expectText(s.page.getByTestId('duty-gaps'), GAPS_NONE);
      await expectCount(s.page.getByTestId('duty-row'), 19);
      await s.page.getByTestId('duty-cell-DUST-COUNTY').click();
      await expectCount(s.page.getByTestId('duty-dialog'), 0);
      await expectCount(s.page.locator('[data-testid="duty-cell-DUST-COUNTY"]').locator('xpath=self::button'), 0);
      expect(s.problems).toEqual([]);
    }));
});
