import { asUser, baseUrl, downloaded, expectText, onPhone, screenshot } from './browser';
import { apiAs } from './graphql';
import { expectFitsPhone } from './phone';

interface Step {
  id: string;
  version: number;
}

/** 群众投诉: a 12345 ticket reported with its 工单号 in the console, handled, then answered (答复) on the case page. */
test('the operator reports a 12345 complaint with its ticket number, answers it after feedback; the reply is on the timeline, on a phone too', async () => {
  const ticket = `HF${Date.now()}`;
  const asOperator = await apiAs('operator');
  const { grids } = await asOperator<{ grids: { nodes: { name: string }[] } }>(`{ grids(first: 1, filter: { level: TOWNSHIP }) { nodes { name } } }`);
  const township = grids.nodes[0].name;
  const description = `市民来电: 工地夜间扬尘 ${ticket}`;
  let caseId = '';

  await asUser('operator', async (s) => {
    await s.page.goto(`${baseUrl()}/#/cases/create`);
    await s.page.getByRole('combobox', { name: '案件类别' }).click();
    await s.page.getByRole('option', { name: '扬尘', exact: true }).click();
    await s.page.getByRole('combobox', { name: '来源' }).click();
    await s.page.getByRole('option', { name: '群众投诉举报' }).click();
    // Complaint-only: the channel and its ticket number.
    await s.page.getByRole('combobox', { name: '受理渠道' }).click();
    await s.page.getByRole('option', { name: '12345 政务服务热线' }).click();
    await s.page.locator('input[name="externalTicket"]').fill(ticket);
    const grid = s.page.getByRole('combobox', { name: '所在网格' });
    await grid.fill(township.slice(0, 2));
    await s.page.getByRole('option', { name: new RegExp(township) }).first().click();
    await s.page.locator('textarea[name="description"]').fill(description);
    await screenshot(s.page, 'complaint-report-form');
    await s.page.getByRole('button', { name: '保存' }).click();
    const facts = s.page.getByTestId('complaint-facts');
    await facts.waitFor();
    await facts.getByText(ticket).waitFor();
    await facts.getByText('12345 政务服务热线').waitFor();
    caseId = decodeURIComponent(/#\/cases\/([^/]+)\/show/.exec(s.page.url())?.[1] ?? '');
    expect(caseId).not.toBe('');
    // No reply before there is a result to tell.
    expect(await s.page.getByTestId('action-ANSWER').count()).toBe(0);
    expect(s.problems).toEqual([]);
  });

  // Handled through the API: filed, dispatched to the city-management bureau, fed back.
  const step = async (as: typeof asOperator, mutation: string, type: string, kase: Step, extra: Record<string, unknown> = {}): Promise<Step> =>
    (await as<Record<string, Step>>(`mutation($input: ${type}!) { ${mutation}(input: $input) { id version } }`, { input: { id: kase.id, version: kase.version, ...extra } }))[mutation];
  const { case: reported } = await asOperator<{ case: Step }>(`query($id: ID!) { case(id: $id) { id version } }`, { id: caseId });
  let kase = await step(asOperator, 'fileCase', 'CaseStepInput', reported);
  const { dispatchSuggestions } = await asOperator<{ dispatchSuggestions: { id: string; name: string }[] }>(`query($id: ID!) { dispatchSuggestions(caseId: $id) { id name } }`, { id: caseId });
  const bureau = dispatchSuggestions.find((d) => d.name === '瑶海区城管局') ?? dispatchSuggestions[0];
  kase = await step(asOperator, 'dispatchCase', 'DispatchCaseInput', kase, { departmentIds: [bureau.id] });
  const asDepartment = await apiAs('yaohaidept');
  kase = await step(asDepartment, 'acceptCase', 'CaseStepInput', kase);
  await step(asDepartment, 'feedbackCase', 'FeedbackCaseInput', kase, { result: '已责令工地覆盖裸土并停止夜间施工' });

  const reply = '您反映的工地夜间扬尘问题，经城管局现场核查，已责令覆盖裸土并停止夜间施工。';
  await asUser('operator', async (s) => {
    await s.page.goto(`${baseUrl()}/#/cases/${encodeURIComponent(caseId)}/show`);
    await s.page.getByTestId('case-timeline').waitFor();
    await s.page.getByTestId('action-ANSWER').click();
    const dialog = s.page.getByTestId('transition-dialog-ANSWER');
    await dialog.waitFor();
    await dialog.locator('textarea[name="text"]').fill(reply);
    await dialog.getByRole('combobox', { name: '答复方式' }).click();
    await s.page.getByRole('option', { name: '电话', exact: true }).click();
    await dialog.getByRole('combobox', { name: /投诉人满意度/ }).click();
    await s.page.getByRole('option', { name: '满意', exact: true }).click();
    await s.page.getByRole('listbox').waitFor({ state: 'detached' });
    await screenshot(s.page, 'complaint-answer-dialog');
    await dialog.getByTestId('transition-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await s.page.getByTestId('timeline-action').filter({ hasText: '答复投诉人' }).first().waitFor();
    await expectText(s.page.getByTestId('timeline-answer'), reply);
    await s.page.getByTestId('complaint-facts').getByText(reply).waitFor();
    // Answered once: the button is gone.
    expect(await s.page.getByTestId('action-ANSWER').count()).toBe(0);
    await screenshot(s.page, 'complaint-answered-operator');

    // The cases list filters by channel.
    await s.page.goto(`${baseUrl()}/#/cases?filter=${encodeURIComponent(JSON.stringify({ channel: 'HOTLINE_12345' }))}`);
    await s.page.locator('td.column-number').first().waitFor();
    await s.page.getByRole('combobox', { name: '受理渠道' }).waitFor();
    await screenshot(s.page, 'cases-list-channel-filter');
    // 对账: today's 12345 tickets, the answered one on time.
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByTestId('reconcile-csv').click()]);
    const csv = (await downloaded(download)).toString('utf8');
    const line = csv.split(/\r?\n/).find((l) => l.startsWith(ticket));
    expect(line).toContain('按时');
    expect(line).toContain('电话');
    expect(s.problems).toEqual([]);
  });

  await onPhone('operator', { at: { lng: 117.31, lat: 31.86 } }, async (s) => {
    await s.page.goto(`${baseUrl()}/#/cases/${encodeURIComponent(caseId)}/show`);
    await s.page.getByTestId('case-timeline').waitFor();
    await expectText(s.page.getByTestId('timeline-answer'), reply);
    await s.page.getByTestId('complaint-facts').getByText(ticket).waitFor();
    await expectFitsPhone(s.page);
    await screenshot(s.page, 'complaint-answered-phone');
    expect(s.problems).toEqual([]);
  });
});
