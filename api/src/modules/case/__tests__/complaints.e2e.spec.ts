import { FakeClock } from '../../../common/clock';
import { fromGlobalId } from '../../../common/global-id';
import { runAsSystem } from '../../../context/unit-of-work';
import { TEST_CLOCK_START } from '../../../test/time';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { csvOf, download, filterParam, xlsxOf } from '../../export/__tests__/export-download';
import { sweepDeadlines } from '../../supervision/deadline-sweep.service';
import { count, reportRaw, seeded, walk, type Seeded } from './workflow-helpers';

const COMPLAINT = `id number status version channel externalTicket answerDueAt answeredAt answerText answerMethod answerSatisfaction availableActions`;
interface Complaint {
  id: string;
  number: string;
  status: string;
  version: number;
  channel: string | null;
  externalTicket: string | null;
  answerDueAt: string;
  answeredAt: string | null;
  answerText: string | null;
  answerMethod: string | null;
  answerSatisfaction: string | null;
  availableActions: string[];
}

const REPORT = `mutation($input: ReportCaseInput!) { reportCase(input: $input) { ${COMPLAINT} } }`;
const ANSWER = `mutation($input: AnswerComplaintInput!) { answerComplaint(input: $input) { ${COMPLAINT} } }`;
const CASE = `query($id: ID!) { case(id: $id) { ${COMPLAINT} events(first: 50) { nodes { action fromStatus toStatus actorRole at note details } } } }`;
const TICKETS = `query($filter: ComplaintTicketFilter!) { complaintTickets(filter: $filter, first: 100) {
  totalCount nodes { externalTicket caseNumber receivedAt status answerDueAt answeredAt answerMethod timeliness } } }`;

/** 群众投诉: hotline tickets reported with their 工单号, answered (答复) in time, reconciled (对账) per channel and day. */
describe('complaints: channel and ticket number, 答复, its deadline, reconciliation', () => {
  const clock = new FakeClock(TEST_CLOCK_START); // Saturday 2026-11-28 09:00 Beijing
  let app: TestApp;
  let s: Seeded;
  beforeAll(async () => {
    app = await startTestApp({ clock });
    s = await seeded(app);
  });
  afterAll(() => app.close());

  const complaint = (input: Record<string, unknown>) => ({ gridId: s.yaohaiGrid, categoryId: s.dust, origin: 'COMPLAINT', description: '市民来电: 工地夜间扬尘', ...input });
  const answerAlerts = async (id: string) =>
    (await app.ownerSql<{ kind: string }>(`select kind from case_alert where case_id = $1 and deadline = 'ANSWER' order by id`, [fromGlobalId('Case', id)])).map((a) => a.kind);

  it('the seeded complaints came in through the 12345 hotline, each with its own ticket number', async () => {
    const [seededRow] = await app.ownerSql<{ complaints: number; ticketed: number; tickets: number }>(
      `select count(*)::int as complaints, count(*) filter (where channel = 'HOTLINE_12345' and external_ticket is not null)::int as ticketed,
              count(distinct external_ticket)::int as tickets from "case" where origin = 'COMPLAINT'`,
    );
    expect(seededRow.complaints).toBeGreaterThan(0);
    expect(seededRow).toEqual({ complaints: seededRow.complaints, ticketed: seededRow.complaints, tickets: seededRow.complaints });
    expect(await app.ownerSql(`select id from "case" where origin <> 'COMPLAINT' and channel is not null limit 1`)).toEqual([]);
  });

  it('reports a 12345 ticket once per channel, runs it to fed back, answers it on the timeline; the sweep supervises the unanswered; the day reconciles', async () => {
    const operator = await app.as('operator');
    const dept = await app.as('yaohaidept');

    // A hotline ticket without its number cannot be reconciled: refused.
    const noTicket = await operator.request(REPORT, { input: complaint({ channel: 'HOTLINE_12345' }) });
    expect(noTicket.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(noTicket.errors?.[0].extensions?.field).toBe('externalTicket');

    const reported = await operator.data<{ reportCase: Complaint }>(REPORT, { input: complaint({ channel: 'HOTLINE_12345', externalTicket: 'HF20261128000123' }) });
    let kase = reported.reportCase;
    expect(kase).toMatchObject({ channel: 'HOTLINE_12345', externalTicket: 'HF20261128000123', answeredAt: null });
    expect(kase.answerDueAt).toBeTruthy();

    // The same ticket again on the same channel: refused with a stable code, nothing written.
    const cases = await count(app, 'case');
    const events = await count(app, 'case_event');
    const duplicate = await reportRaw(operator, complaint({ channel: 'HOTLINE_12345', externalTicket: 'HF20261128000123' }));
    expect(duplicate.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE_TICKET', field: 'externalTicket' });
    expect(JSON.stringify(duplicate.errors)).not.toMatch(/unique|constraint|sql/i);
    expect([await count(app, 'case'), await count(app, 'case_event')]).toEqual([cases, events]);

    // The same number on another channel is another ticket.
    const other = (await operator.data<{ reportCase: Complaint }>(REPORT, { input: complaint({ channel: 'HOTLINE_12369', externalTicket: 'HF20261128000123' }) })).reportCase;
    expect(other.channel).toBe('HOTLINE_12369');
    // A second 12345 ticket of the day, never answered.
    const late = (await operator.data<{ reportCase: Complaint }>(REPORT, { input: complaint({ channel: 'HOTLINE_12345', externalTicket: 'HF20261128000124' }) })).reportCase;
    // A patrol has no complaint channel.
    const patrol = await reportRaw(operator, { gridId: s.yaohaiGrid, categoryId: s.dust, channel: 'WECHAT' });
    expect(patrol.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'channel' });

    // The cases list filters by channel.
    const listed = await operator.data<{ cases: { nodes: { id: string }[] } }>(`query($f: CaseFilter) { cases(first: 50, filter: $f) { nodes { id } } }`, {
      f: { channel: 'HOTLINE_12345', externalTicket: 'HF20261128000123' },
    });
    expect(listed.cases.nodes.map((c) => c.id)).toEqual([kase.id]);

    // 答复 comes after the result: not before feedback.
    expect(kase.availableActions).not.toContain('ANSWER');
    const early = await operator.request(ANSWER, { input: { id: kase.id, version: kase.version, text: '已安排处理', method: 'PHONE' } });
    expect(early.errors?.[0].extensions?.code).toBe('ILLEGAL_TRANSITION');

    const filed = await walk(operator, 'FILE', kase);
    const bureau = await s.department('340102000000', 'URBAN_MANAGEMENT');
    const dispatched = await walk(operator, 'DISPATCH', filed, { departmentIds: [bureau] });
    const accepted = await walk(dept, 'ACCEPT', dispatched);
    const fedBack = await walk(dept, 'FEEDBACK', accepted);
    expect(fedBack.status).toBe('FED_BACK');
    expect((await operator.data<{ case: Complaint }>(CASE, { id: kase.id })).case.availableActions).toContain('ANSWER');
    // The department handles; it does not answer the complainant.
    expect(fedBack.availableActions).not.toContain('ANSWER');
    expect((await dept.request(ANSWER, { input: { id: kase.id, version: fedBack.version, text: '已处理', method: 'PHONE' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // An empty reply answers nothing.
    expect((await operator.request(ANSWER, { input: { id: kase.id, version: fedBack.version, text: '  ', method: 'PHONE' } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const reply = '您反映的工地夜间扬尘问题, 经城管局现场核查已责令覆盖裸土并停止夜间施工。';
    kase = (await operator.data<{ answerComplaint: Complaint }>(ANSWER, { input: { id: kase.id, version: fedBack.version, text: reply, method: 'PHONE', satisfaction: 'SATISFIED' } }))
      .answerComplaint;
    expect(kase).toMatchObject({ status: 'FED_BACK', answerText: reply, answerMethod: 'PHONE', answerSatisfaction: 'SATISFIED' });
    expect(kase.answeredAt).toBe(clock.now().toISOString());
    expect(kase.availableActions).not.toContain('ANSWER');
    // Answered once: a second reply is refused.
    expect((await operator.request(ANSWER, { input: { id: kase.id, version: kase.version, text: reply, method: 'SMS' } })).errors?.[0].extensions?.code).toBe('ILLEGAL_TRANSITION');

    const timeline = (await (await app.as('cityadmin')).data<{ case: { events: { nodes: { action: string; actorRole: string; at: string; note: string | null; details: Record<string, unknown> | null }[] } } }>(CASE, { id: kase.id })).case;
    const answered = timeline.events.nodes.find((e) => e.action === 'ANSWER');
    expect(answered).toMatchObject({ actorRole: 'PLATFORM_OPERATOR', at: kase.answeredAt, note: reply, details: { method: 'PHONE', satisfaction: 'SATISFIED', onTime: true } });

    // The answer limit (13 working days): 催办 the day before, 督办 once passed, for the unanswered only; twice is once.
    const due = new Date(other.answerDueAt);
    const sweep = () => runAsSystem(app.ownerOrm, clock, sweepDeadlines);
    clock.set(new Date(due.getTime() - 6 * 3_600_000));
    await sweep();
    expect(await answerAlerts(other.id)).toEqual(['URGE']);
    clock.set(new Date(due.getTime() + 3_600_000));
    await Promise.all([sweep(), sweep()]);
    expect(await answerAlerts(other.id)).toEqual(['URGE', 'SUPERVISE']);
    expect(await answerAlerts(late.id)).toEqual(['URGE', 'SUPERVISE']);
    expect(await answerAlerts(kase.id)).toEqual([]);

    // 对账: the day's 12345 tickets, on time and late; 12369 not among them.
    const filter = { channel: 'HOTLINE_12345', fromDay: '2026-11-28', toDay: '2026-11-28' };
    const tickets = (await operator.data<{ complaintTickets: { totalCount: number; nodes: Record<string, string | null>[] } }>(TICKETS, { filter })).complaintTickets;
    expect(tickets.nodes.map((t) => [t.externalTicket, t.caseNumber, t.answerMethod, t.timeliness])).toEqual([
      ['HF20261128000123', kase.number, 'PHONE', 'ON_TIME'],
      ['HF20261128000124', late.number, null, 'LATE'],
    ]);
    const csv = await csvOf(await download(app, operator, `/export/complaint-tickets.csv?${filterParam(filter)}`));
    expect(csv.rows.map((r) => [r['工单号'], r['案件编号'], r['答复方式'], r['是否按时']])).toEqual([
      ['HF20261128000123', kase.number, '电话', '按时'],
      ['HF20261128000124', late.number, '', '超时'],
    ]);
    const xlsx = await xlsxOf(await download(app, operator, `/export/complaint-tickets.xlsx?${filterParam(filter)}&lang=en`));
    expect(xlsx[0]).toContain('Ticket number');
    expect(xlsx.slice(1).map((row) => row[0])).toEqual(['HF20261128000123', 'HF20261128000124']);
    // Scoped by territory: another county's bureau sees none of 瑶海区's tickets, and cannot answer them.
    const feidongAdmin = await app.as('feidong');
    expect((await feidongAdmin.data<{ complaintTickets: { totalCount: number } }>(TICKETS, { filter })).complaintTickets.totalCount).toBe(0);
    const foreign = await feidongAdmin.request(ANSWER, { input: { id: other.id, version: other.version, text: '已处理', method: 'PHONE' } });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('a complaint an integrator files through its API key came in through 第三方接口 unless it names its hotline', async () => {
    const feidong = await app.as('feidong');
    const { gridByCode } = await feidong.data<{ gridByCode: { id: string } }>(`{ gridByCode(code: "340122000000") { id } }`);
    const { createApiKey } = await feidong.data<{ createApiKey: { key: string } }>(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`, {
      input: { name: '12345 热线平台', unitId: gridByCode.id, scopes: ['CREATE_COMPLAINTS'] },
    });
    const withKey = async (input: Record<string, unknown>) => {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${createApiKey.key}` },
        body: JSON.stringify({ query: `mutation($input: ReportCaseInput!) { reportCase(input: $input) { number } }`, variables: { input } }),
      });
      return (await response.json()) as { data?: { reportCase: { number: string } }; errors?: { extensions: { code: string } }[] };
    };
    const input = { gridId: s.village, categoryId: s.dust, origin: 'COMPLAINT', description: '市民来电投诉夜间扬尘' };
    const plain = await withKey(input);
    const hotline = await withKey({ ...input, channel: 'HOTLINE_12345', externalTicket: 'HF20261128009999' });
    const rows = await app.ownerSql<{ number: string; channel: string; external_ticket: string | null }>(
      `select number, channel, external_ticket from "case" where number = any($1) order by id`,
      [[plain.data?.reportCase.number, hotline.data?.reportCase.number]],
    );
    expect(rows.map((r) => [r.channel, r.external_ticket])).toEqual([
      ['API', null],
      ['HOTLINE_12345', 'HF20261128009999'],
    ]);
  });
});
