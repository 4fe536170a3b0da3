import type { Page } from 'playwright-core';
import { asUser, baseUrl, eventually, expectText, screenshot } from './browser';
import { apiAs } from './graphql';

/** A JPEG as far as the API's type sniffing cares (SOI, a JFIF segment, EOI): the after photo. */
const AFTER_PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);

interface Reported {
  id: string;
  number: string;
  version: number;
}

async function openCase(page: Page, id: string): Promise<void> {
  await page.goto(`${baseUrl()}/#/cases/${encodeURIComponent(id)}/show`);
  await page.getByTestId('case-timeline').waitFor();
}

/** Clicks an action, lets `fill` complete its form, submits, and waits for the timeline line. */
async function act(page: Page, action: string, timelineText: string, fill?: (dialog: ReturnType<Page['getByTestId']>) => Promise<void>): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByTestId(`transition-dialog-${action}`);
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByTestId('transition-submit').click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByTestId('timeline-action').filter({ hasText: timelineText }).first().waitFor();
}

/** The partner of a joint dispatch (an account made for its department by the county) accepts and feeds back through the API. */
async function partnersFeedBack(caseId: string): Promise<number> {
  const yaohai = await apiAs('yaohai');
  type Assignment = { id: string; lead: boolean; active: boolean; version: number; department: { id: string } };
  const { case: c } = await yaohai<{ case: { handlingUnit: { id: string }; assignments: Assignment[] } }>(
    `query($id: ID!) { case(id: $id) { handlingUnit { id } assignments { id lead active version department { id } } } }`,
    { id: caseId },
  );
  const partners = c.assignments.filter((a) => a.active && !a.lead);
  if (!partners.length) throw new Error('the dispatch has no partner department');
  for (const [i, partner] of partners.entries()) {
    const login = `partner${Date.now()}${i}`;
    await yaohai(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, {
      input: { login, displayName: login, password: 'partner-pass-1', unitId: c.handlingUnit.id, role: 'COUNTY_DEPARTMENT', departmentId: partner.department.id },
    });
    const asPartner = await apiAs(login, 'partner-pass-1');
    const { acceptAssignment } = await asPartner<{ acceptAssignment: { version: number } }>(`mutation($input: AssignmentStepInput!) { acceptAssignment(input: $input) { version } }`, {
      input: { id: partner.id, version: partner.version },
    });
    await asPartner(`mutation($input: AssignmentFeedbackInput!) { feedBackAssignment(input: $input) { id } }`, { input: { id: partner.id, version: acceptAssignment.version, result: '已配合现场检查' } });
  }
  return partners.length;
}

test('platform path (瑶海区): operator files and dispatches, the department accepts and feeds back, the operator verifies; the timeline shows each step', async () => {
  // Reported by the county admin of 瑶海区 through the API; the platform operator takes it from there.
  const asYaohai = await apiAs('yaohai');
  const { grids, caseCategories } = await asYaohai<{ grids: { nodes: { id: string }[] }; caseCategories: { id: string; code: string }[] }>(
    `{ grids(first: 1, filter: { level: TOWNSHIP }) { nodes { id } } caseCategories { id code } }`,
  );
  const dust = caseCategories.find((c) => c.code === 'DUST') ?? caseCategories[0];
  const { reportCase: kase } = await asYaohai<{ reportCase: Reported }>(
    `mutation($input: ReportCaseInput!) { reportCase(input: $input) { id number version } }`,
    { input: { gridId: grids.nodes[0].id, categoryId: dust.id, origin: 'COMPLAINT', description: `工地扬尘 控制台流转测试 ${Date.now()}` } },
  );

  await asUser('operator', async (s) => {
    await openCase(s.page, kase.id);
    await act(s.page, 'FILE', '立案');
    await s.page.getByTestId('action-DISPATCH').click();
    const dialog = s.page.getByTestId('transition-dialog-DISPATCH');
    // The routing suggestion (瑶海区城管局) is ticked before the user does anything.
    const suggested = dialog.getByRole('checkbox', { name: /瑶海区城管局/ });
    await suggested.waitFor();
    await eventually(async () => expect(await suggested.isChecked()).toBe(true));
    // Joint handling: a partner the duty matrix offers is ticked too, the city-management bureau leads.
    await dialog.getByRole('checkbox', { name: /职责表: 配合/ }).first().check();
    await dialog.getByRole('combobox', { name: '牵头部门' }).click();
    await s.page.getByRole('option', { name: '瑶海区城管局' }).click();
    await screenshot(s.page, 'case-dispatch-dialog');
    await dialog.getByTestId('transition-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await s.page.getByTestId('timeline-action').filter({ hasText: '派遣' }).first().waitFor();
    await screenshot(s.page, 'case-dispatched-operator');

    // The work queue "my unit's to-do" (handlingUnitId = 瑶海区, open statuses) lists it.
    await s.page.goto(`${baseUrl()}/#/cases`);
    await s.page.locator('tbody tr').first().waitFor();
    await s.page.getByTestId('work-queues').getByText('本单位待办').click();
    await s.page.waitForURL(/handlingUnitId/);
    await s.page.locator('td.column-number').filter({ hasText: kase.number }).waitFor();
    await screenshot(s.page, 'cases-queue-unit-operator');
    expect(s.problems).toEqual([]);
  });

  // 联合执法: the partner department feeds back on its own assignment before the lead feeds back for the case.
  const partners = await partnersFeedBack(kase.id);

  await asUser('yaohaidept', async (s) => {
    await openCase(s.page, kase.id);
    await act(s.page, 'ACCEPT', '受理');
    await act(s.page, 'FEEDBACK', '结果反馈', (d) => d.locator('textarea[name="result"]').fill('已责令覆盖裸土并洒水降尘'));
    await screenshot(s.page, 'case-fed-back-department');
    expect(s.problems).toEqual([]);
  });

  // On the platform path the operator records the on-site check (瑶海区 has no grid worker in the seed).
  await asUser('operator', async (s) => {
    await openCase(s.page, kase.id);
    await s.page.getByTestId('action-VERIFY_PASS').click();
    const dialog = s.page.getByTestId('transition-dialog-VERIFY_PASS');
    await eventually(async () => expect(await dialog.getByTestId('transition-submit').isDisabled()).toBe(true));
    await dialog.locator('input[name="afterPhoto"]').setInputFiles({ name: 'after.jpg', mimeType: 'image/jpeg', buffer: AFTER_PHOTO });
    await dialog.getByTestId('transition-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await s.page.getByTestId('timeline-action').filter({ hasText: '核实通过' }).first().waitFor();

    const steps = await s.page.getByTestId('timeline-action').allTextContents();
    const partnerSteps = Array.from({ length: partners }, () => ['配合部门受理', '配合部门反馈']).flat();
    expect(steps.map((t) => t.split(' ·')[0])).toEqual(['上报', '立案', '派遣', ...partnerSteps, '受理', '结果反馈', '核实通过(结案)']);
    await s.page.getByTestId('case-timeline').getByText('已结案').first().waitFor();
    await screenshot(s.page, 'case-closed-timeline');

    // Someone else evaluates meanwhile: the stale form gets an understandable message, not a code.
    const asOperator = await apiAs('operator');
    const { case: now } = await asOperator<{ case: Reported }>(`query($id: ID!) { case(id: $id) { id number version } }`, { id: kase.id });
    await asOperator(`mutation($input: EvaluateCaseInput!) { evaluateCase(input: $input) { id } }`, { input: { id: kase.id, version: now.version, score: 90 } });
    await s.page.getByTestId('action-EVALUATE').click();
    const evaluate = s.page.getByTestId('transition-dialog-EVALUATE');
    await evaluate.locator('input[name="score"]').fill('85');
    await evaluate.getByTestId('transition-submit').click();
    const error = evaluate.getByTestId('transition-error');
    await error.waitFor();
    await expectText(error, /已被他人更新|当前状态不允许/);
    await screenshot(s.page, 'case-stale-version');
    expect(s.problems).toEqual([]);
    expect(s.external).toEqual([]);
  });
}, 150_000);

test('a duplicate is cancelled by naming its master case by number', async () => {
  const asYaohai = await apiAs('yaohai');
  const { grids, caseCategories } = await asYaohai<{ grids: { nodes: { id: string }[] }; caseCategories: { id: string }[] }>(
    `{ grids(first: 1, filter: { level: TOWNSHIP }) { nodes { id } } caseCategories { id } }`,
  );
  const report = async () =>
    (
      await asYaohai<{ reportCase: Reported }>(`mutation($input: ReportCaseInput!) { reportCase(input: $input) { id number version } }`, {
        input: { gridId: grids.nodes[0].id, categoryId: caseCategories[0].id, origin: 'COMPLAINT', description: `重复投诉测试 ${Date.now()}` },
      })
    ).reportCase;
  const master = await report();
  const duplicate = await report();

  await asUser('operator', async (s) => {
    await openCase(s.page, duplicate.id);
    await s.page.getByTestId('action-CANCEL').click();
    const dialog = s.page.getByTestId('transition-dialog-CANCEL');
    await dialog.getByRole('combobox', { name: '注销原因' }).click();
    await s.page.getByRole('option', { name: '重复' }).click();
    await dialog.locator('input[name="duplicateOfNumber"]').fill('340102-20990101-999999');
    await dialog.getByTestId('transition-submit').click();
    await expectText(dialog.getByTestId('transition-error'), /记录不存在/);
    await dialog.locator('input[name="duplicateOfNumber"]').fill(master.number);
    await dialog.getByTestId('transition-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await s.page.getByTestId('timeline-action').filter({ hasText: '注销' }).first().waitFor();
    await screenshot(s.page, 'case-cancelled-duplicate');
    expect(s.problems).toEqual([]);
  });
});

test('no-platform path (肥东县): the township escalates, the county files and dispatches, the department handles, the grid worker verifies', async () => {
  const asWorker = await apiAs('gridworker');
  const { grids, caseCategories } = await asWorker<{ grids: { nodes: { id: string }[] }; caseCategories: { id: string; code: string }[] }>(
    `{ grids(first: 1, filter: { search: "340122104008" }) { nodes { id } } caseCategories { id code } }`,
  );
  const { reportCase: kase } = await asWorker<{ reportCase: Reported }>(`mutation($input: ReportCaseInput!) { reportCase(input: $input) { id number version } }`, {
    input: { gridId: grids.nodes[0].id, categoryId: (caseCategories.find((c) => c.code === 'DUST') ?? caseCategories[0]).id, origin: 'PATROL', description: `村道扬尘 无平台流转 ${Date.now()}` },
  });

  await asUser('township', async (s) => {
    await openCase(s.page, kase.id);
    await s.page.getByTestId('action-ESCALATE').click();
    const dialog = s.page.getByTestId('transition-dialog-ESCALATE');
    await dialog.locator('textarea[name="reason"]').fill('本级无执法权，需县城管局处理');
    await dialog.getByTestId('transition-submit').click();
    await dialog.waitFor({ state: 'detached' });
    expect(s.problems).toEqual([]);
  });
  await asUser('feidong', async (s) => {
    await openCase(s.page, kase.id);
    await act(s.page, 'FILE', '立案');
    await act(s.page, 'DISPATCH', '派遣', async (d) => {
      // Only the city-management bureau: untick every other suggestion.
      await d.getByTestId('dispatch-departments').waitFor();
      for (const label of await d.locator('label:has(input[type="checkbox"])').all()) {
        const box = label.getByRole('checkbox');
        if (/肥东县城管局/.test((await label.textContent()) ?? '')) await box.check();
        else if (await box.isChecked()) await box.uncheck();
      }
    });
    expect(s.problems).toEqual([]);
  });
  await asUser('countydept', async (s) => {
    // The department finds it in its own queue (cases its department leads, still open).
    await s.page.goto(`${baseUrl()}/#/cases`);
    await s.page.getByTestId('queue-department').click();
    await s.page.getByTestId('queue-department').and(s.page.locator('.MuiChip-colorPrimary')).waitFor();
    await s.page.locator('tbody tr td.column-number').filter({ hasText: kase.number }).click();
    await s.page.getByTestId('case-timeline').waitFor();
    await screenshot(s.page, 'case-department-queue');
    await act(s.page, 'ACCEPT', '受理');
    await act(s.page, 'FEEDBACK', '结果反馈', (d) => d.locator('textarea[name="result"]').fill('已清扫路面并责令运输车辆覆盖'));
  });
  await asUser('gridworker', async (s) => {
    await openCase(s.page, kase.id);
    await act(s.page, 'VERIFY_PASS', '核实通过', (d) => d.locator('input[name="afterPhoto"]').setInputFiles({ name: 'after.jpg', mimeType: 'image/jpeg', buffer: AFTER_PHOTO }));
    const steps = await s.page.getByTestId('timeline-action').allTextContents();
    expect(steps.map((t) => t.split(' ·')[0])).toEqual(['上报', '上报上一级网格', '立案', '派遣', '受理', '结果反馈', '核实通过(结案)']);
    await screenshot(s.page, 'case-closed-no-platform');
    expect(s.problems).toEqual([]);
  });
}, 150_000);
