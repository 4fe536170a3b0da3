import { asUser, baseUrl, expectText, screenshot } from './browser';
import { apiAs } from './graphql';

type Step = { id: string; number: string; version: number };
type Assignment = { id: string; version: number; lead: boolean; department: { name: string } };
const PASSWORD = 'workflow-english-1';

/**
 * Issue 22 in English: the partner departments' work, the 答复 step and the alert inbox read in
 * the console's English pack (no Chinese labels, no raw keys), as a county bureau walks a joint,
 * answered 12345 complaint.
 */
test("in English: a joint complaint with its partner's feedback and the reply, and the alert inbox", async () => {
  const feidong = await apiAs('feidong');
  const { grids, departments, caseCategories } = await feidong<{ grids: { nodes: { id: string }[] }; departments: { nodes: { id: string; name: string }[] }; caseCategories: { id: string; code: string }[] }>(
    `{ grids(first: 1, filter: { level: COUNTY }) { nodes { id } } departments(first: 100, filter: { search: "肥东县" }) { nodes { id name } } caseCategories { id code } }`,
  );
  const department = (name: string) => departments.nodes.find((d) => d.name === name)!.id;
  const login = `water-en-${Date.now()}`;
  await feidong(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, {
    input: { login, displayName: 'Water bureau', password: PASSWORD, unitId: grids.nodes[0].id, role: 'COUNTY_DEPARTMENT', departmentId: department('肥东县水务局') },
  });
  const step = async (client: typeof feidong, mutation: string, type: string, input: object) =>
    (await client<Record<string, Step>>(`mutation($input: ${type}!) { ${mutation}(input: $input) { id number version } }`, { input }))[mutation];
  let kase = await step(feidong, 'reportCase', 'ReportCaseInput', {
    gridId: grids.nodes[0].id, categoryId: caseCategories.find((c) => c.code === 'DUST')!.id, origin: 'COMPLAINT', channel: 'HOTLINE_12345', externalTicket: `EN${Date.now()}`,
    description: `English walk ${Date.now()}`, complainantName: '张三', complainantPhone: '13800000000',
  });
  kase = await step(feidong, 'fileCase', 'CaseStepInput', { id: kase.id, version: kase.version });
  kase = await step(feidong, 'dispatchCase', 'DispatchCaseInput', { id: kase.id, version: kase.version, departmentIds: [department('肥东县城管局'), department('肥东县水务局')], leadDepartmentId: department('肥东县城管局') });

  // The partner accepts and feeds back on its own assignment; then the lead handles the case.
  const partner = await apiAs(login, PASSWORD);
  const { case: withAssignments } = await partner<{ case: { assignments: Assignment[] } }>(`query($id: ID!) { case(id: $id) { assignments { id version lead department { name } } } }`, { id: kase.id });
  const own = withAssignments.assignments.find((a) => !a.lead)!;
  const accepted = (await partner<{ acceptAssignment: Assignment }>(`mutation($input: AssignmentStepInput!) { acceptAssignment(input: $input) { id version lead department { name } } }`, { input: { id: own.id, version: own.version } })).acceptAssignment;
  await partner(`mutation($input: AssignmentFeedbackInput!) { feedBackAssignment(input: $input) { id } }`, { input: { id: accepted.id, version: accepted.version, result: 'Riverbank checked, no discharge' } });
  const lead = await apiAs('countydept');
  kase = await step(lead, 'acceptCase', 'CaseStepInput', { id: kase.id, version: kase.version });
  kase = await step(lead, 'feedbackCase', 'FeedbackCaseInput', { id: kase.id, version: kase.version, result: 'Site covered and watered' });
  await step(feidong, 'answerComplaint', 'AnswerComplaintInput', { id: kase.id, version: kase.version, text: 'The site was covered; thank you for the report.', method: 'PHONE' });

  await asUser('feidong', async (s) => {
    await s.page.evaluate(() => localStorage.setItem('RaStore.locale', JSON.stringify('en')));
    await s.page.goto(`${baseUrl()}/#/cases/${encodeURIComponent(kase.id)}/show`);
    await s.page.reload();
    await s.page.getByTestId('case-timeline').waitFor();
    await s.page.getByText('Departments dispatched (joint enforcement)').waitFor();
    await s.page.getByText('Partner', { exact: true }).first().waitFor();
    await s.page.getByTestId('case-assignments').getByText('Riverbank checked, no discharge').waitFor();
    await expectText(s.page.getByTestId('complaint-facts'), /12345 government hotline/);
    await expectText(s.page.getByTestId('case-timeline'), /Answer the complainant/);
    await expectText(s.page.getByTestId('case-timeline'), /The site was covered; thank you for the report\./);
    const page = (await s.page.locator('#main-content').textContent()) ?? '';
    // The labels are English: any Chinese left is data (names, the description), none of the screen's own words.
    for (const label of ['牵头', '配合部门', '受理渠道', '答复', '流转记录']) expect(page).not.toContain(label);
    await screenshot(s.page, 'case-joint-answered-en');

    await s.page.goto(`${baseUrl()}/#/alerts`);
    await s.page.getByTestId('alert-inbox').waitFor();
    await expectText(s.page.locator('#react-admin-title'), /Alert inbox/);
    const inbox = (await s.page.getByTestId('alert-inbox').textContent()) ?? '';
    for (const label of ['类型', '对象', '未读', '签收']) expect(inbox).not.toContain(label);
    await screenshot(s.page, 'alert-inbox-en');
    expect(s.problems).toEqual([]);
  });
});
