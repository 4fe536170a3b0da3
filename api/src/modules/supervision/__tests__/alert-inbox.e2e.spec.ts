import { execFileSync } from 'node:child_process';
import { FakeClock } from '../../../common/clock';
import { runAsSystem } from '../../../context/unit-of-work';
import { beijing, TEST_CLOCK_START } from '../../../test/time';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';
import { sweepDeadlines } from '../deadline-sweep.service';

const ALERTS = `query($filter: AlertFilter, $first: Int = 100) { alerts(first: $first, filter: $filter) {
  totalCount
  nodes { id kind subjectKind unitLevel at dueAt readAt acknowledgedAt acknowledgementNote acknowledgedBy { login }
    unit { code } case { number } task { title } recommendation { text } officer { name } }
} }`;
const UNREAD = `query($filter: AlertFilter) { unreadAlertCount(filter: $filter) }`;
const MARK = `mutation($ids: [ID!]!) { markAlertsRead(ids: $ids) { id readAt } }`;
const ACK = `mutation($input: AcknowledgeAlertInput!) { acknowledgeAlert(input: $input) { id acknowledgedAt acknowledgementNote acknowledgedBy { login } } }`;
const NOTICE = `query($from: DateTimeISO!, $to: DateTimeISO!, $unitId: ID) { lateCaseNotice(from: $from, to: $to, unitId: $unitId) {
  unitName from to rows { caseId caseNumber unitCode unitName step dueAt daysLate leadDepartment stillOpen }
} }`;

interface Alert {
  id: string;
  kind: string;
  subjectKind: string;
  unitLevel: string | null;
  at: string;
  dueAt: string;
  readAt: string | null;
  acknowledgedAt: string | null;
  acknowledgementNote: string | null;
  acknowledgedBy: { login: string } | null;
  unit: { code: string } | null;
  case: { number: string } | null;
  task: { title: string } | null;
  recommendation: { text: string } | null;
  officer: { name: string } | null;
}
type Listed = { alerts: { totalCount: number; nodes: Alert[] } };
interface NoticeRow {
  caseId: string;
  caseNumber: string;
  unitCode: string | null;
  step: string | null;
  dueAt: string;
  daysLate: number;
  stillOpen: boolean;
}

/** A PDF's pages and text through unpdf (PDF.js), in a plain Node process: PDF.js is an ES module jest's CommonJS cannot load. */
function pdfText(bytes: Buffer): { totalPages: number; text: string } {
  const script = `import { extractText, getDocumentProxy } from 'unpdf';
    const chunks = []; for await (const c of process.stdin) chunks.push(c);
    const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(Buffer.concat(chunks))), { mergePages: true });
    process.stdout.write(JSON.stringify({ totalPages, text }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { input: bytes, cwd: __dirname, encoding: 'utf8' })) as { totalPages: number; text: string };
}

/** Issue 22, gap 2: the alert inbox, read and acknowledged state, task and recommendation alerts, the 通报 notice. */
describe('the alert inbox (催办/督办/通报)', () => {
  const clock = new FakeClock(TEST_CLOCK_START); // Saturday 2026-11-28 09:00 Beijing
  const sweepAt = beijing('2026-12-02T10:00:00');
  let app: TestApp;
  let township: GraphQLClient; // 长临河镇
  let colleague: GraphQLClient; // another person of 长临河镇
  let dianbu: GraphQLClient; // 店埠镇, the other township of 肥东县
  let feidong: GraphQLClient;
  const ids = {} as Record<'clh' | 'ljf' | 'db' | 'feidong', number>;
  let taskTitle: string;
  let recommendationText: string;

  const sql = <T extends object>(query: string, params: unknown[] = []) => app.ownerSql<T>(query, params);
  const sweep = () => runAsSystem(app.ownerOrm, clock, sweepDeadlines);
  const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');
  const alertCount = async (where: string, params: unknown[]) => (await sql<{ n: number }>(`select count(*)::int as n from case_alert where ${where}`, params))[0].n;

  beforeAll(async () => {
    app = await startTestApp({ clock });
    for (const [key, code] of [['clh', '340122104000'], ['ljf', '340122104008'], ['db', '340122100000'], ['feidong', '340122000000']] as const) {
      ids[key] = (await sql<{ id: number }>(`select id from grid where code = $1`, [code]))[0].id;
    }
    feidong = await app.as('feidong');
    const account = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`;
    await feidong.data(account, { input: { login: 'clh-second', displayName: '长临河镇值班员', password: 'long-enough-pw', unitId: gid('Grid', ids.clh), role: 'TOWNSHIP_ADMIN' } });
    await feidong.data(account, { input: { login: 'db-admin', displayName: '店埠镇管理员', password: 'long-enough-pw', unitId: gid('Grid', ids.db), role: 'TOWNSHIP_ADMIN' } });
    township = await app.as('township');
    colleague = await app.client().signIn('clh-second', 'long-enough-pw');
    dianbu = await app.client().signIn('db-admin', 'long-enough-pw');

    // A task the township gives its village, due Monday; an audit of the township whose recommendation is due Monday.
    taskTitle = '清查六家畈露天焚烧点';
    await township.data(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, {
      input: { title: taskTitle, origin: 'INSTRUCTION', gridId: gid('Grid', ids.ljf), dueAt: beijing('2026-11-30T18:00:00').toISOString() },
    });
    const { createAudit } = await feidong.data<{ createAudit: { id: string; samples: { id: string }[] } }>(
      `mutation($input: CreateAuditInput!) { createAudit(input: $input) { id samples { id } } }`,
      { input: { auditedUnitId: gid('Grid', ids.clh), title: '长临河镇网格化监管督查', periodFrom: '2020-01-01T00:00:00Z', periodTo: '2027-01-01T00:00:00Z', caseFileCount: 1 } },
    );
    for (const sample of createAudit.samples) {
      await feidong.data(`mutation($input: ScoreAuditSampleInput!) { scoreAuditSample(input: $input) { id } }`, { input: { sampleId: sample.id, score: 70, finding: 'IMPROVEMENT_NEEDED' } });
    }
    recommendationText = '补全案卷核实照片';
    await feidong.data(`mutation($input: IssueAuditFindingsInput!) { issueAuditFindings(input: $input) { id } }`, {
      input: { auditId: createAudit.id, finding: 'ATTENTION', summary: '核实记录不全', recommendations: [{ text: recommendationText, dueOn: '2026-11-30' }] },
    });
  });
  afterAll(() => app.close());

  it('the sweep raises alerts on late cases, overdue tasks and unanswered recommendations, once', async () => {
    clock.set(sweepAt);
    // Two replicas at once; then until the escalations it set off have settled (an escalated case has a new deadline).
    await Promise.all([sweep(), sweep()]);
    for (let i = 0; i < 5 && (await sweep()).escalated > 0; i += 1);
    const before = await alertCount('true', []);
    expect(await sweep()).toEqual({ alerts: 0, escalated: 0 });
    expect(await alertCount('true', [])).toBe(before);

    const tasks = await township.data<Listed>(ALERTS, { filter: { subject: ['TASK'] } });
    expect(tasks.alerts.nodes).toEqual([
      expect.objectContaining({ kind: 'SUPERVISE', subjectKind: 'TASK', task: { title: taskTitle }, unit: { code: '340122104008' }, unitLevel: 'VILLAGE', case: null, readAt: null, acknowledgedAt: null }),
    ]);
    expect(tasks.alerts.nodes[0].dueAt).toBe(beijing('2026-11-30T18:00:00').toISOString());
    const recommendations = await township.data<Listed>(ALERTS, { filter: { subject: ['RECOMMENDATION'] } });
    expect(recommendations.alerts.nodes).toEqual([
      expect.objectContaining({ kind: 'SUPERVISE', subjectKind: 'RECOMMENDATION', recommendation: { text: recommendationText }, unit: { code: '340122104000' }, unitLevel: 'TOWNSHIP' }),
    ]);
    expect(recommendations.alerts.nodes[0].dueAt).toBe(beijing('2026-12-01T00:00:00').toISOString());
  });

  it('a township lists its own alerts, by kind, and never another township’s', async () => {
    const all = await township.data<Listed>(ALERTS, { first: 1 });
    expect(all.alerts.totalCount).toBe(await alertCount('township_id = $1', [ids.clh]));
    for (const kind of ['URGE', 'SUPERVISE', 'NOTICE']) {
      const listed = await township.data<Listed>(ALERTS, { filter: { kind: [kind] } });
      expect(listed.alerts.totalCount).toBe(await alertCount('township_id = $1 and kind = $2', [ids.clh, kind]));
      expect(listed.alerts.nodes.every((a) => a.kind === kind)).toBe(true);
    }
    // Newest first.
    const times = (await township.data<Listed>(ALERTS)).alerts.nodes.map((a) => a.at);
    expect([...times].sort().reverse()).toEqual(times);

    const other = await dianbu.data<Listed>(ALERTS);
    expect(other.alerts.totalCount).toBe(await alertCount('township_id = $1', [ids.db]));
    expect(other.alerts.totalCount).toBeGreaterThan(0);
    const mine = new Set(all.alerts.nodes.map((a) => a.id));
    expect(other.alerts.nodes.filter((a) => mine.has(a.id))).toEqual([]);
    // A case alert names the level it addresses: the unit that handled the case then.
    const caseAlert = other.alerts.nodes.find((a) => a.case);
    expect(caseAlert?.unitLevel).toMatch(/^(VILLAGE|TOWNSHIP|COUNTY|CITY)$/);
    expect((await dianbu.data<Listed>(ALERTS, { filter: { subject: ['TASK', 'RECOMMENDATION'] } })).alerts.totalCount).toBe(0);
    // The county reads both townships' alerts; by unit, one township's tasks.
    const county = await feidong.data<Listed>(ALERTS, { first: 1 });
    expect(county.alerts.totalCount).toBe(await alertCount('county_id = $1', [ids.feidong]));
    const byUnit = await feidong.data<Listed>(ALERTS, { filter: { unitId: gid('Grid', ids.ljf) } });
    expect(byUnit.alerts.nodes.map((a) => a.task?.title)).toEqual([taskTitle]);
  });

  it('reading is per person; acknowledging is once, with who and when; another township can do neither', async () => {
    const [task] = (await township.data<Listed>(ALERTS, { filter: { subject: ['TASK'] } })).alerts.nodes;
    const [rec] = (await township.data<Listed>(ALERTS, { filter: { subject: ['RECOMMENDATION'] } })).alerts.nodes;
    const unread = async (client: GraphQLClient) => (await client.data<{ unreadAlertCount: number }>(UNREAD)).unreadAlertCount;
    const total = await alertCount('township_id = $1', [ids.clh]);
    expect(await unread(township)).toBe(total);
    expect(await unread(colleague)).toBe(total);
    const county = await unread(feidong);

    const marked = await township.data<{ markAlertsRead: { id: string; readAt: string }[] }>(MARK, { ids: [task.id, rec.id] });
    expect(marked.markAlertsRead.map((a) => a.readAt)).toEqual([sweepAt.toISOString(), sweepAt.toISOString()]);
    clock.set(new Date(sweepAt.getTime() + 60_000));
    await township.data(MARK, { ids: [task.id] }); // again: the first reading stays
    expect(await unread(township)).toBe(total - 2);
    expect(await unread(colleague)).toBe(total);
    expect(await unread(feidong)).toBe(county);
    const read = await township.data<Listed>(ALERTS, { filter: { read: true } });
    expect(read.alerts.nodes.map((a) => [a.id, a.readAt]).sort()).toEqual([[task.id, sweepAt.toISOString()], [rec.id, sweepAt.toISOString()]].sort());
    expect((await township.data<Listed>(ALERTS, { filter: { read: false }, first: 1 })).alerts.totalCount).toBe(total - 2);
    expect((await township.data<{ unreadAlertCount: number }>(UNREAD, { filter: { subject: ['TASK'] } })).unreadAlertCount).toBe(0);

    // 店埠镇 cannot reach 长临河镇's alert: not found, and marking it reads nothing.
    const foreign = await dianbu.request(ACK, { input: { id: task.id } });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await dianbu.data<{ markAlertsRead: unknown[] }>(MARK, { ids: [task.id] })).markAlertsRead).toEqual([]);
    expect(await sql(`select 1 from alert_read r join account a on a.id = r.account_id where a.login = 'db-admin'`)).toEqual([]);

    const acknowledged = await colleague.data<{ acknowledgeAlert: Alert }>(ACK, { input: { id: task.id, note: '已安排村网格员今日处理' } });
    const at = clock.now().toISOString();
    expect(acknowledged.acknowledgeAlert).toMatchObject({ acknowledgedAt: at, acknowledgementNote: '已安排村网格员今日处理', acknowledgedBy: { login: 'clh-second' } });
    clock.set(new Date(clock.now().getTime() + 60_000));
    const again = await township.data<{ acknowledgeAlert: Alert }>(ACK, { input: { id: task.id, note: '重复签收' } });
    expect(again.acknowledgeAlert).toMatchObject({ acknowledgedAt: at, acknowledgementNote: '已安排村网格员今日处理', acknowledgedBy: { login: 'clh-second' } });
    expect((await township.data<Listed>(ALERTS, { filter: { acknowledged: true } })).alerts.nodes.map((a) => a.id)).toEqual([task.id]);
    // The acknowledger has read it too; the township's own reading is untouched.
    expect(await unread(colleague)).toBe(total - 1);
    const bad = await township.request(ACK, { input: { id: task.id, note: 'x'.repeat(501) } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('Case.alerts still lists a case’s alerts', async () => {
    const [row] = await sql<{ case_id: number; n: number }>(`select case_id, count(*)::int as n from case_alert where county_id = $1 and case_id is not null group by case_id order by case_id limit 1`, [ids.feidong]);
    const { case: kase } = await feidong.data<{ case: { alerts: { kind: string }[] } }>(`query($id: ID!) { case(id: $id) { alerts { kind } } }`, { id: gid('Case', row.case_id) });
    expect(kase.alerts).toHaveLength(row.n);
  });

  it('the 通报 notice lists the period’s late cases per unit, and the PDF carries them', async () => {
    const from = beijing('2026-01-01T00:00:00').toISOString();
    const to = beijing('2026-12-01T00:00:00').toISOString();
    // A county with a platform: its late steps get 督办 (without one, a late case goes up a level instead).
    const yaohai = await app.as('yaohai');
    const [{ id: yaohaiId }] = await sql<{ id: number }>(`select id from grid where code = '340102000000'`);
    const expected = await sql<{ number: string; code: string | null; due_at: Date }>(
      `select c.number, g.code, a.due_at from case_alert a join "case" c on c.id = a.case_id left join grid g on g.id = a.handling_unit_id
       where a.kind = 'SUPERVISE' and a.county_id = $1 and a.due_at >= $2 and a.due_at < $3 order by g.code, a.due_at, c.number`,
      [yaohaiId, from, to],
    );
    expect(expected.length).toBeGreaterThan(0);
    const { lateCaseNotice } = await yaohai.data<{ lateCaseNotice: { unitName: string; rows: NoticeRow[] } }>(NOTICE, { from, to });
    expect(lateCaseNotice.unitName).toBe('瑶海区');
    expect(lateCaseNotice.rows.map((r) => [r.caseNumber, r.unitCode, r.dueAt])).toEqual(expected.map((e) => [e.number, e.code, new Date(e.due_at).toISOString()]));
    for (const row of lateCaseNotice.rows) {
      expect(row.daysLate).toBeGreaterThan(0);
      if (row.stillOpen) expect(row.daysLate).toBe(Math.ceil((clock.now().getTime() - Date.parse(row.dueAt)) / 86_400_000));
    }
    // A township's notice is its own part of it; another township's never shows.
    const own = await township.data<{ lateCaseNotice: { rows: NoticeRow[] } }>(NOTICE, { from, to });
    const ownExpected = await sql<{ n: number }>(`select count(*)::int as n from case_alert where kind = 'SUPERVISE' and case_id is not null and township_id = $1 and due_at >= $2 and due_at < $3`, [ids.clh, from, to]);
    expect(own.lateCaseNotice.rows).toHaveLength(ownExpected[0].n);
    const foreign = await dianbu.request(NOTICE, { from, to, unitId: gid('Grid', ids.clh) });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const backwards = await feidong.request(NOTICE, { from: to, to: from });
    expect(backwards.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const url = `${app.url}/notice/late-cases.pdf?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&unit=${encodeURIComponent(gid('Grid', yaohaiId))}`;
    const pdf = await fetch(url, { headers: { cookie: yaohai.cookie! } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const { totalPages, text } = pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(totalPages).toBeGreaterThan(0);
    expect(text).toContain('超时案件通报');
    expect(text).toContain('瑶海区');
    for (const row of lateCaseNotice.rows) expect(text).toContain(row.caseNumber);
    expect((await fetch(url)).status).toBe(401);
  });
});
