import { FakeClock } from '../../../common/clock';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';

const CREATE = `mutation($input: CreateAuditInput!) {
  createAudit(input: $input) { id status seed snapshotDigest auditedUnit { code } samples { id kind elementId case { id number } score } }
}`;
const SCORE = `mutation($input: ScoreAuditSampleInput!) { scoreAuditSample(input: $input) { id score finding } }`;
const ISSUE = `mutation($input: IssueAuditFindingsInput!) { issueAuditFindings(input: $input) { id status finding averageScore recommendations { id status dueOn overdue } } }`;
const REPLAY = `query($id: ID!) { replayAuditDraw(auditId: $id) { matches snapshotMatches elements { kind elementId } } }`;
const OVERDUE = `{ auditRecommendations(first: 50, filter: { overdue: true }) { nodes { id text overdue audit { id } } } }`;

interface Sample {
  id: string;
  kind: string;
  elementId: string;
  case: { id: string; number: string } | null;
  score: number | null;
}
interface CreatedAudit {
  id: string;
  status: string;
  seed: number;
  snapshotDigest: string;
  auditedUnit: { code: string };
  samples: Sample[];
}

describe('audits of lower grids (督查/稽查)', () => {
  const clock = new FakeClock(new Date('2026-11-28T02:00:00Z'));
  let app: TestApp;
  let inspector: GraphQLClient;
  let feidong: GraphQLClient;
  let feidongId: string;
  let yaohaiId: string;
  let changlinheId: string;
  const period = { periodFrom: '2020-01-01T00:00:00Z', periodTo: '2027-01-01T00:00:00Z' };

  beforeAll(async () => {
    app = await startTestApp({ clock });
    inspector = await app.as('inspector');
    feidong = await app.as('feidong');
    const grid = async (code: string) =>
      (await inspector.data<{ grids: { nodes: { id: string }[] } }>(`query($s: String!) { grids(first: 1, filter: { search: $s }) { nodes { id } } }`, { s: code })).grids
        .nodes[0].id;
    feidongId = await grid('340122000000');
    yaohaiId = await grid('340102000000');
    const [{ code }] = await app.ownerSql<{ code: string }>(`select code from grid where name = '长临河镇'`);
    changlinheId = await grid(code);
  });
  afterAll(() => app.close());

  it('the city audits a county: sample, score, findings, response, closure; overdue is visible', async () => {
    const { createAudit: audit } = await inspector.data<{ createAudit: CreatedAudit }>(CREATE, {
      input: { auditedUnitId: feidongId, title: '2026年肥东县网格化监管工作督查', ...period, caseFileCount: 5 },
    });
    expect(audit).toMatchObject({ status: 'SAMPLED', auditedUnit: { code: '340122000000' } });
    expect(audit.samples).toHaveLength(5);
    const [{ n: feidongCases }] = await app.ownerSql<{ n: number }>(
      `select count(*)::int as n from "case" where county_id = (select id from grid where code = '340122000000')`,
    );
    expect(feidongCases).toBeGreaterThan(5);
    // Every sampled case file is 肥东县's.
    const ids = audit.samples.map((s) => Number(Buffer.from(s.elementId, 'base64url').toString().split(':')[1]));
    const inCounty = await app.ownerSql<{ n: number }>(
      `select count(*)::int as n from "case" where id = any($1) and county_id = (select id from grid where code = '340122000000')`,
      [ids],
    );
    expect(inCounty[0].n).toBe(5);
    expect(audit.samples.every((s) => s.kind === 'CASE_FILE' && s.case?.number.startsWith('340122'))).toBe(true);
    const { replayAuditDraw } = await inspector.data<{ replayAuditDraw: { matches: boolean; elements: { elementId: string }[] } }>(REPLAY, { id: audit.id });
    expect(replayAuditDraw.matches).toBe(true);
    expect(replayAuditDraw.elements.map((e) => e.elementId)).toEqual(audit.samples.map((s) => s.elementId));

    // Findings need every element scored.
    const early = await inspector.request(ISSUE, { input: { auditId: audit.id, finding: 'ATTENTION', summary: '总体较好', recommendations: [] } });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION', allowedActions: ['scoreAuditSample'] });
    const scores = [90, 80, 70, 60, 100];
    for (const [i, sample] of audit.samples.entries()) {
      await inspector.data(SCORE, { input: { sampleId: sample.id, score: scores[i], finding: scores[i] >= 80 ? 'MEETS' : 'IMPROVEMENT_NEEDED', note: '案卷材料' } });
    }
    // The audited county reads its audit but may not score it.
    const foreignScore = await feidong.request(SCORE, { input: { sampleId: audit.samples[0].id, score: 100, finding: 'MEETS' } });
    expect(foreignScore.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const past = await inspector.request(ISSUE, {
      input: { auditId: audit.id, finding: 'ATTENTION', summary: '部分案卷核实记录不全', recommendations: [{ text: '补全核实照片', dueOn: '2026-11-01' }] },
    });
    expect(past.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recommendations.0.dueOn' });
    const { issueAuditFindings } = await inspector.data<{
      issueAuditFindings: { status: string; averageScore: number; recommendations: { id: string; status: string; overdue: boolean }[] };
    }>(ISSUE, {
      input: {
        auditId: audit.id,
        finding: 'ATTENTION',
        summary: '部分案卷核实记录不全',
        recommendations: [
          { text: '补全案卷核实照片', dueOn: '2026-12-10' },
          { text: '建立案卷自查制度', dueOn: '2026-12-31' },
        ],
      },
    });
    expect(issueAuditFindings).toMatchObject({ status: 'FINDINGS_ISSUED', averageScore: 80 });
    const [first, second] = issueAuditFindings.recommendations;
    expect(first).toMatchObject({ status: 'OPEN', overdue: false });

    // Time passes: the first recommendation is overdue, for the auditor and the audited unit alike.
    clock.set(new Date('2026-12-15T02:00:00Z'));
    for (const client of [inspector, feidong]) {
      const { auditRecommendations } = await client.data<{ auditRecommendations: { nodes: { id: string; overdue: boolean }[] } }>(OVERDUE);
      expect(auditRecommendations.nodes.map((n) => n.id)).toEqual([first.id]);
    }
    const yaohai = await app.as('yaohai');
    expect((await yaohai.data<{ auditRecommendations: { nodes: unknown[] } }>(OVERDUE)).auditRecommendations.nodes).toEqual([]);
    expect((await yaohai.request(`query($id: ID!) { audit(id: $id) { id } }`, { id: audit.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    // The audited county responds; only the auditor closes, and only after a response.
    const RESPOND = `mutation($id: ID!, $r: String!) { respondToAuditRecommendation(id: $id, response: $r) { status response } }`;
    const CLOSE = `mutation($id: ID!, $n: String!) { closeAuditRecommendation(id: $id, note: $n) { status audit { status } } }`;
    expect((await inspector.request(RESPOND, { id: first.id, r: '代答' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await inspector.request(CLOSE, { id: second.id, n: '未反馈' })).errors?.[0].extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'OPEN' });
    expect((await feidong.request(CLOSE, { id: first.id, n: '自行销号' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const rec of [first, second]) {
      expect((await feidong.data<{ respondToAuditRecommendation: { status: string } }>(RESPOND, { id: rec.id, r: '已整改, 见附件' })).respondToAuditRecommendation.status).toBe('RESPONDED');
    }
    const closedFirst = await inspector.data<{ closeAuditRecommendation: { status: string; audit: { status: string } } }>(CLOSE, { id: first.id, n: '核实已整改' });
    expect(closedFirst.closeAuditRecommendation).toEqual({ status: 'CLOSED', audit: { status: 'FINDINGS_ISSUED' } });
    const closedSecond = await inspector.data<{ closeAuditRecommendation: { status: string; audit: { status: string } } }>(CLOSE, { id: second.id, n: '制度已建立' });
    expect(closedSecond.closeAuditRecommendation.audit.status).toBe('CLOSED');
    expect((await inspector.data<{ auditRecommendations: { nodes: unknown[] } }>(OVERDUE)).auditRecommendations.nodes).toEqual([]);
  });

  it('a county audits its townships, not another county; the city audits counties, not townships', async () => {
    const input = { title: '长临河镇督查', ...period, caseFileCount: 2, seed: 99 };
    const ok = await feidong.data<{ createAudit: CreatedAudit }>(CREATE, { input: { ...input, auditedUnitId: changlinheId } });
    expect(ok.createAudit.samples.length).toBeGreaterThan(0);
    const township = await app.as('township');
    const seen = await township.data<{ audit: { id: string; samples: unknown[] } }>(`query($id: ID!) { audit(id: $id) { id samples { id } } }`, { id: ok.createAudit.id });
    expect(seen.audit.samples).toHaveLength(ok.createAudit.samples.length);
    // Same seed, same population: the same sample.
    const twin = await feidong.data<{ createAudit: CreatedAudit }>(CREATE, { input: { ...input, auditedUnitId: changlinheId } });
    expect(twin.createAudit.samples.map((s) => s.elementId)).toEqual(ok.createAudit.samples.map((s) => s.elementId));

    expect((await feidong.request(CREATE, { input: { ...input, auditedUnitId: yaohaiId } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await feidong.request(CREATE, { input: { ...input, auditedUnitId: feidongId } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await inspector.request(CREATE, { input: { ...input, auditedUnitId: changlinheId } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const login of ['township', 'gridworker', 'officer', 'citydept', 'operator']) {
      const client = await app.as(login);
      expect((await client.request(CREATE, { input: { ...input, auditedUnitId: changlinheId } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('samples patrol records (check-ins) of the audited unit beside its case files', async () => {
    const { createAudit: audit } = await inspector.data<{ createAudit: CreatedAudit }>(CREATE, {
      input: { auditedUnitId: feidongId, title: '巡查督查', ...period, caseFileCount: 1, patrolRecordCount: 3 },
    });
    const patrols = audit.samples.filter((s) => s.kind === 'PATROL_RECORD');
    expect(patrols).toHaveLength(3);
    const ids = patrols.map((s) => Number(Buffer.from(s.elementId, 'base64url').toString().split(':')[1]));
    const [{ n }] = await app.ownerSql<{ n: number }>(
      `select count(*)::int as n from patrol_check_in c join grid g on g.id = c.county_id where g.code = '340122000000' and c.id = any($1)`,
      [ids],
    );
    expect(n).toBe(3);
    expect((await inspector.data<{ replayAuditDraw: { matches: boolean } }>(REPLAY, { id: audit.id })).replayAuditDraw.matches).toBe(true);
  });

  it('rejects bad input, writing nothing', async () => {
    const count = async () => (await app.ownerSql<{ n: number }>(`select count(*)::int as n from audit`))[0].n;
    const before = await count();
    const backwards = await inspector.request(CREATE, {
      input: { auditedUnitId: feidongId, title: '倒置期间', periodFrom: period.periodTo, periodTo: period.periodFrom, caseFileCount: 1 },
    });
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'periodTo' });
    const empty = await inspector.request(CREATE, {
      input: { auditedUnitId: feidongId, title: '空期间', periodFrom: '2001-01-01T00:00:00Z', periodTo: '2001-02-01T00:00:00Z', caseFileCount: 1 },
    });
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'periodFrom' });
    expect(await count()).toBe(before);
  });
});
