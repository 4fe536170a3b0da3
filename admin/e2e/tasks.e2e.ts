import { asUser, baseUrl, expectCount, expectText, screenshot } from './browser';
import { testDay } from './clock';

/**
 * 执法计划与任务: the county plans a year, adds a line for an officer on a township and breaks
 * it into a subtask on a village; the officer completes the subtask, then the task; the plan's
 * progress follows. A non-planned instruction past its deadline shows in the overdue list.
 */
test('a county plans, assigns and decomposes a task; the officer completes it; a late instruction is listed as overdue', async () => {
  const stamp = Date.now();
  const line = `店埠镇重点源季度检查 ${stamp}`;
  let planUrl = '';
  let taskUrl = '';
  await asUser('feidong', async (s) => {
    await s.page.goto(`${baseUrl()}/#/enforcementPlans/create`);
    await s.page.locator('input[name="title"]').fill(`肥东县 2026 年执法计划 ${stamp}`);
    await s.page.getByRole('button', { name: '保存' }).click();
    await s.page.getByTestId('plan-add-task').waitFor();
    planUrl = s.page.url();
    await s.page.getByTestId('plan-add-task').click();
    await expectText(s.page.getByTestId('task-under'), /^计划任务：肥东县 2026 年执法计划/);
    await s.page.locator('input[name="title"]').fill(line);
    await s.page.getByRole('combobox', { name: '落实网格' }).fill('340122100000');
    await s.page.getByRole('option', { name: '店埠镇 (340122100000)' }).click();
    await s.page.getByRole('combobox', { name: '执法人员' }).fill('胡诗');
    await s.page.getByRole('option', { name: '胡诗' }).click();
    await s.page.getByRole('button', { name: '保存' }).click();
    await s.page.getByTestId('task-add-subtask').waitFor();
    taskUrl = s.page.url();
    await s.page.getByTestId('task-add-subtask').click();
    await s.page.locator('input[name="title"]').fill(`青春社区现场检查 ${stamp}`);
    await s.page.getByRole('combobox', { name: '落实网格' }).fill('青春社区');
    await s.page.getByRole('option').first().click();
    await s.page.getByRole('combobox', { name: '执法人员' }).fill('胡诗');
    await s.page.getByRole('option', { name: '胡诗' }).click();
    await s.page.getByRole('button', { name: '保存' }).click();
    await s.page.getByText(`分解自`).first().waitFor({ state: 'detached' });
    await expectText(s.page.locator('.ra-field-status').first(), /办理中/);
    await screenshot(s.page, 'task-subtask');

    // A non-planned instruction due yesterday is overdue at once.
    await s.page.goto(`${baseUrl()}/#/tasks/create`);
    await s.page.locator('input[name="title"]').fill(`上级批示：群众反映异味 ${stamp}`);
    await s.page.getByRole('combobox', { name: '来源' }).click();
    await s.page.getByRole('option', { name: '上级批示交办' }).click();
    await s.page.getByRole('combobox', { name: '落实网格' }).fill('340122100000');
    await s.page.getByRole('option', { name: '店埠镇 (340122100000)' }).click();
    await s.page.locator('input[name="dueAt"]').fill(testDay(-1));
    await s.page.getByRole('button', { name: '保存' }).click();
    await s.page.getByTestId('overdue-flag').waitFor();
    await s.page.getByRole('menuitem', { name: '逾期任务' }).click();
    await s.page.getByRole('cell', { name: `上级批示：群众反映异味 ${stamp}` }).waitFor();
    await screenshot(s.page, 'tasks-overdue');
    expect(s.problems).toEqual([]);
  });

  await asUser('officer', async (s) => {
    await s.page.goto(taskUrl);
    // The task waits for its subtask.
    expect(await s.page.getByTestId('task-complete').isDisabled()).toBe(true);
    await s.page.getByTestId('subtask').locator('a').click();
    await s.page.getByTestId('task-complete').click();
    await s.page.getByTestId('task-result').fill('现场检查未发现问题');
    await s.page.getByTestId('task-complete-submit').click();
    await expectText(s.page.locator('.ra-field-status').first(), /已完成/);
    await s.page.goto(taskUrl);
    await s.page.getByTestId('task-complete').click();
    await s.page.getByTestId('task-complete-submit').click();
    await expectText(s.page.locator('.ra-field-status').first(), /已完成/);
    await expectCount(s.page.getByTestId('task-complete'), 0);
    await s.page.goto(planUrl);
    await expectText(s.page.getByTestId('progress').first(), /^1 \/ 1/);
    await screenshot(s.page, 'enforcement-plan-done');
    expect(s.problems).toEqual([]);
    expect(s.external).toEqual([]);
  });
});
