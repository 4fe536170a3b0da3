import { asUser, baseUrl, expectCount, screenshot } from './browser';
import { apiAs } from './graphql';

/**
 * Issue 6's screens for the plans, patrols, sensitive periods, audits, indicators and import
 * APIs: each renders for the role that uses it, without a missing translation, and is
 * screenshotted into admin/artifacts/.
 */
test('the work screens render for a county admin, with the data the API holds', async () => {
  const api = await apiAs('feidong');
  const stamp = Date.now();
  const { grids } = await api<{ grids: { nodes: { id: string }[] } }>(`{ grids(first: 1, filter: { search: "340122100000" }) { nodes { id } } }`);
  const { createEnforcementPlan: plan } = await api<{ createEnforcementPlan: { id: string } }>(
    `mutation($input: CreatePlanInput!) { createEnforcementPlan(input: $input) { id } }`,
    { input: { title: `肥东县年度执法计划 ${stamp}`, kind: 'ANNUAL', year: 2026 } },
  );
  await api(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, { input: { title: `店埠镇重点源检查 ${stamp}`, planId: plan.id, gridId: grids.nodes[0].id } });
  await api(`mutation($input: SensitivePeriodInput!) { createSensitivePeriod(input: $input) { id } }`, {
    input: { name: `秸秆禁烧期 ${stamp}`, startsOn: '2026-12-01', endsOn: '2026-12-31', gridIds: [grids.nodes[0].id], inspectionFactor: 2, patrolFactor: 2, levels: ['KEY'] },
  });

  await asUser('feidong', async (s) => {
    const screens: [string, string, string][] = [
      ['enforcement-plans', '/enforcementPlans', 'tbody tr td.column-title'],
      ['tasks', '/tasks', 'tbody tr td.column-title'],
      ['patrol-plans', '/patrolPlans', 'tbody tr td.column-requiredCount'],
      ['patrol-check-ins', '/patrolCheckIns', 'tbody tr td.column-at'],
      ['sensitive-periods', '/sensitivePeriods', 'tbody tr td.column-name'],
      ['audits', '/audits', '[data-testid="cursor-pagination"]:visible, [data-testid="list-empty"]'],
      ['audit-recommendations-overdue', `/auditRecommendations?filter=${encodeURIComponent('{"overdue":true}')}`, '[data-testid="cursor-pagination"]:visible, [data-testid="list-empty"]'],
      ['assessment-indicators', '/assessmentIndicators', 'tbody tr td.column-formula'],
      ['source-import', '/source-import', '[data-testid="import-dry-run"]'],
    ];
    for (const [name, hash, ready] of screens) {
      await s.page.goto(`${baseUrl()}/#${hash}`);
      await s.page.locator(ready).first().waitFor();
      await screenshot(s.page, name);
    }
    // The plan's detail lists its line; the menu groups the new entries.
    await s.page.goto(`${baseUrl()}/#/enforcementPlans/${encodeURIComponent(plan.id)}/show`);
    await s.page.getByRole('cell', { name: `店埠镇重点源检查 ${stamp}` }).waitFor();
    await screenshot(s.page, 'enforcement-plan-detail');
    await expectCount(s.page.getByRole('menuitem', { name: '逾期任务' }), 1);
    await expectCount(s.page.getByText('计划与巡查'), 1);
    // English: labels, groups and enum values of the new screens switch too.
    await s.page.getByRole('button', { name: '中文' }).click();
    await s.page.getByRole('menuitem', { name: 'English' }).click();
    await s.page.goto(`${baseUrl()}/#/tasks`);
    await s.page.locator('th').filter({ hasText: 'Deadline' }).first().waitFor();
    await s.page.getByText('Plans and patrols').waitFor();
    await s.page.getByRole('cell', { name: 'Planned' }).first().waitFor();
    await screenshot(s.page, 'tasks-english');
    expect(s.problems).toEqual([]);
    expect(s.external).toEqual([]);
  });
});
