import type { Page } from 'playwright-core';
import { asUser, baseUrl, expectCount, expectText, openBrowser, screenshot, signIn, textsWhen, type Session } from './browser';
import { databaseRows } from './database';
import { apiAs } from './graphql';
import { expectFitsPhone } from './phone';

type Step = {
  id: string;
  version: number;
};

const PASSWORD = 'joint-enforcement-1';

async function openCase(page: Page, id: string): Promise<void> {
  await page.goto(`${baseUrl()}/#/cases/${encodeURIComponent(id)}/show`);
  await page.getByTestId('case-timeline').waitFor();
}

/** Runs `run` signed in as the partner department's account (its own password), on a desktop or a phone. */
async function asPartner(login: string, phone: boolean, run: (s: Session) => Promise<void>): Promise<void> {
  const session = await openBrowser(phone ? { at: { lng: 117.47, lat: 31.88 } } : undefined);
  try {
    await signIn(session.page, login, PASSWORD);
    await run(session);
  } finally {
    await session.close();
  }
}

/**
 * 联合执法 in the console (肥东县, no platform): the county dispatches a dust case to its 城管局
 * (lead) and 水务局 (partner). The partner's user sees the case without the complainant, accepts
 * and feeds back on its own assignment; the lead sees the partner's state, deadline and
 * feedback and gives the case's feedback.
 */
test('joint enforcement: the partner department accepts and feeds back on its assignment, the lead sees it and feeds back', async () => {
  const feidong = await apiAs('feidong');
  const { grids, departments, caseCategories } = await feidong<{
    grids: { nodes: { id: string; code: string }[] };
    departments: { nodes: { id: string; name: string }[] };
    caseCategories: { id: string; code: string }[];
  }>(`{ grids(first: 5, filter: { search: "340122" , level: COUNTY }) { nodes { id code } } departments(first: 100, filter: { search: "肥东县" }) { nodes { id name } } caseCategories { id code } }`);
  const county = grids.nodes.find((g) => g.code === '340122000000')!;
  const department = (name: string) => departments.nodes.find((d) => d.name === name)!.id;
  const [urban, water] = [department('肥东县城管局'), department('肥东县水务局')];
  const login = `water${Date.now()}`;
  await feidong(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, {
    input: { login, displayName: '水务局 王工', password: PASSWORD, unitId: county.id, role: 'COUNTY_DEPARTMENT', departmentId: water },
  });

  // Reported by the grid worker with a complainant, escalated by the township, dispatched jointly by the county.
  const worker = await apiAs('gridworker');
  const { grids: village } = await worker<{ grids: { nodes: { id: string }[] } }>(`{ grids(first: 1, filter: { search: "340122104008" }) { nodes { id } } }`);
  const dust = caseCategories.find((c) => c.code === 'DUST')!.id;
  const { reportCase: reported } = await worker<{ reportCase: Step & { number: string } }>(
    `mutation($input: ReportCaseInput!) { reportCase(input: $input) { id number version } }`,
    { input: { gridId: village.nodes[0].id, categoryId: dust, origin: 'COMPLAINT', description: `河道旁工地扬尘 联合执法测试 ${Date.now()}`, complainantName: '李四', complainantPhone: '13900000000' } },
  );
  const step = async (client: typeof feidong, mutation: string, type: string, input: object) =>
    (await client<Record<string, Step>>(`mutation($input: ${type}!) { ${mutation}(input: $input) { id version } }`, { input }))[mutation];
  let kase: Step = await step(await apiAs('township'), 'escalateCase', 'CaseReasonInput', { id: reported.id, version: reported.version, reason: '涉及河道, 需县级联合执法' });
  kase = await step(feidong, 'fileCase', 'CaseStepInput', kase);
  kase = await step(feidong, 'dispatchCase', 'DispatchCaseInput', { ...kase, departmentIds: [urban, water], leadDepartmentId: urban });
  kase = await step(await apiAs('countydept'), 'acceptCase', 'CaseStepInput', kase);

  await asPartner(login, false, async (s) => {
    await openCase(s.page, kase.id);
    const assignments = s.page.getByTestId('case-assignments');
    await assignments.waitFor();
    // Not the complainant, not the lead's steps: only its own assignment's.
    await expectCount(s.page.getByText('李四'), 0);
    await expectCount(s.page.getByTestId('action-FEEDBACK'), 0);
    const mine = assignments.getByTestId('assignment').filter({ hasText: '肥东县水务局' });
    await expectText(mine.getByTestId('assignment-state'), '待受理');
    await mine.getByTestId('assignment-action-ACCEPT_ASSIGNMENT').click();
    let dialog = s.page.getByTestId('transition-dialog-ACCEPT_ASSIGNMENT');
    await dialog.getByTestId('transition-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await s.page.getByTestId('timeline-action').filter({ hasText: '配合部门受理' }).waitFor();
    await expectText(mine.getByTestId('assignment-state'), '已受理');

    await mine.getByTestId('assignment-action-FEED_BACK_ASSIGNMENT').click();
    dialog = s.page.getByTestId('transition-dialog-FEED_BACK_ASSIGNMENT');
    await dialog.locator('textarea[name="result"]').fill('已排查河道排水口, 未发现偷排, 配合现场取样');
    await dialog.getByTestId('transition-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await s.page.getByTestId('timeline-action').filter({ hasText: '配合部门反馈' }).waitFor();
    await expectText(mine.getByTestId('assignment-state'), '已反馈');
    await expectText(s.page.getByTestId('timeline-department').last(), /肥东县水务局 · 水务局 王工/);
    await screenshot(s.page, 'joint-enforcement-partner');
    expect(s.problems).toEqual([]);
  });

  // The sweep's 督办 of a partner past its own deadline (written here as the sweep writes it; the
  // sweep itself is tested in the API's joint-enforcement spec): the partner's inbox names the
  // deadline and the department it is addressed to.
  await databaseRows(
    `insert into case_alert (city_id, county_id, township_id, grid_id, case_id, assignment_id, kind, due_at, at, handling_unit_id, unit_level, lead_department_id, case_status, deadline)
     select c.city_id, c.county_id, c.township_id, c.grid_id, c.id, a.id, 'SUPERVISE', a.due_at, coalesce((select max(at) from case_alert), a.due_at) + interval '1 minute', d.unit_id, 'COUNTY', d.id, c.status, 'PARTNER'
     from "case" c join case_assignment a on a.case_id = c.id and not a.lead join department d on d.id = a.department_id where c.number = $1`,
    [reported.number],
  );
  await asPartner(login, false, async (s) => {
    await s.page.goto(`${baseUrl()}/#/alerts`);
    const row = s.page.getByTestId('alert-row').filter({ hasText: reported.number });
    await expectText(row.getByTestId('alert-deadline'), '协办时限');
    await row.getByText(/肥东县水务局 · 肥东县/).waitFor();
    await screenshot(s.page, 'joint-enforcement-partner-alert');
    expect(s.problems).toEqual([]);
  });

  await asPartner(login, true, async (s) => {
    await openCase(s.page, kase.id);
    await s.page.getByTestId('case-assignments').waitFor();
    await expectFitsPhone(s.page);
    await screenshot(s.page, 'joint-enforcement-partner-phone');
    expect(s.problems).toEqual([]);
  });

  await asUser('countydept', async (s) => {
    await openCase(s.page, kase.id);
    const rows = s.page.getByTestId('case-assignments').getByTestId('assignment');
    expect(await textsWhen(rows.getByTestId('assignment-department'), 2)).toEqual(['肥东县城管局', '肥东县水务局']);
    const partner = rows.filter({ hasText: '肥东县水务局' });
    await expectText(partner.getByTestId('assignment-state'), '已反馈');
    await expectText(partner.getByTestId('assignment-feedback'), '已排查河道排水口, 未发现偷排, 配合现场取样');
    await expectCount(partner.getByTestId('assignment-action-ACCEPT_ASSIGNMENT'), 0);
    await screenshot(s.page, 'joint-enforcement-lead');
    await s.page.getByTestId('action-FEEDBACK').click();
    const dialog = s.page.getByTestId('transition-dialog-FEEDBACK');
    await dialog.locator('textarea[name="result"]').fill('会同水务局现场检查, 已责令工地覆盖裸土并清理河道');
    await dialog.getByTestId('transition-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await s.page.getByTestId('timeline-action').filter({ hasText: '结果反馈' }).first().waitFor();
    await expectText(rows.filter({ hasText: '肥东县城管局' }).getByTestId('assignment-state'), '已反馈');
    await screenshot(s.page, 'joint-enforcement-lead-fed-back');
    expect(s.problems).toEqual([]);
  });
});
