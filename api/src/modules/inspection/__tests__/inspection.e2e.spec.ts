import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';

const RECORD = `mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { id inspectedOn result inspectorName supervisionLevel cases { id } source { id } } }`;
const OVERDUE = `query($filter: OverdueFilter, $first: Int!, $after: String) { inspectionOverdue(first: $first, after: $after, filter: $filter) {
  totalCount pageInfo { hasNextPage endCursor } nodes { lastInspectedOn dueOn daysOverdue inspectionFactor source { id grid { code } } } } }`;

type Overdue = { lastInspectedOn: string | null; dueOn: string; daysOverdue: number; inspectionFactor: number; source: { id: string; grid: { code: string } } };
type OverduePage = { inspectionOverdue: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Overdue[] } };

const internalId = (globalId: string): number => Number(Buffer.from(globalId, 'base64url').toString().split(':')[1]);

describe('inspections: records, frequency, overdue list, compliance history', () => {
  let app: TestApp;
  let inspector: GraphQLClient;
  let officer: GraphQLClient;
  let feidong: GraphQLClient;
  let villageId: string;
  let sourceId: string;

  const record = (client: GraphQLClient, input: Record<string, unknown>) =>
    client.request<{ recordInspection: { id: string; inspectorName: string; cases: { id: string }[] } }>(RECORD, {
      input: { result: 'COMPLIANT', findings: '现场检查, 设施正常运行', ...input },
    });
  const overdue = async (client: GraphQLClient, filter: Record<string, unknown>, first = 100, after?: string) =>
    (await client.data<OverduePage>(OVERDUE, { filter, first, after })).inspectionOverdue;

  beforeAll(async () => {
    app = await startTestApp();
    [inspector, officer, feidong] = await Promise.all([app.as('inspector'), app.as('officer'), app.as('feidong')]);
    villageId = (await feidong.data<{ grids: { nodes: { id: string }[] } }>(`{ grids(first: 1, filter: { level: VILLAGE }) { nodes { id } } }`)).grids.nodes[0].id;
    // A KEY source put on file on 2026-01-01, so its dates are known.
    const { createSource } = await feidong.data<{ createSource: { id: string } }>(
      `mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }`,
      { input: { gridId: villageId, name: '检查测试建材厂', type: 'ENTERPRISE', industry: '建材', supervisionLevel: 'KEY' } },
    );
    sourceId = createSource.id;
    await app.ownerSql(`update pollution_source set created_at = '2026-01-01T00:00:00+08:00' where id = $1`, [internalId(sourceId)]);
  });
  afterAll(() => app.close());

  it('everyone reads the frequency table with its defaults; only the city admin sets it', async () => {
    const worker = await app.as('gridworker');
    const { inspectionFrequencies } = await worker.data<{ inspectionFrequencies: { supervisionLevel: string; every: number; unit: string }[] }>(
      `{ inspectionFrequencies { supervisionLevel every unit } }`,
    );
    expect(inspectionFrequencies).toEqual([
      { supervisionLevel: 'KEY', every: 1, unit: 'MONTH' },
      { supervisionLevel: 'SPECIAL', every: 2, unit: 'MONTH' },
      { supervisionLevel: 'GENERAL', every: 3, unit: 'MONTH' },
    ]);
    const SET = `mutation($input: SetInspectionFrequencyInput!) { setInspectionFrequency(input: $input) { supervisionLevel every unit } }`;
    const refused = await feidong.request(SET, { input: { supervisionLevel: 'GENERAL', every: 2, unit: 'MONTH' } });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const cityadmin = await app.as('cityadmin');
    const tooLong = await cityadmin.request(SET, { input: { supervisionLevel: 'GENERAL', every: 30, unit: 'MONTH' } });
    expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'every' });
    const same = await cityadmin.data<{ setInspectionFrequency: unknown }>(SET, { input: { supervisionLevel: 'GENERAL', every: 3, unit: 'MONTH' } });
    expect(same.setInspectionFrequency).toEqual({ supervisionLevel: 'GENERAL', every: 3, unit: 'MONTH' });
  });

  it('makes the seeded archive’s overdue list meaningful: key sources kept up and sources long overdue', async () => {
    const cityadmin = await app.as('cityadmin');
    const { inspections } = await cityadmin.data<{ inspections: { totalCount: number } }>(`{ inspections(first: 1, filter: { to: "2026-11-27" }) { totalCount } }`);
    expect(inspections.totalCount).toBeGreaterThanOrEqual(1500);
    const { sources } = await cityadmin.data<{ sources: { totalCount: number } }>(`{ sources(first: 1, filter: { status: ACTIVE, supervisionLevel: KEY }) { totalCount } }`);
    const late = await overdue(cityadmin, { asOf: '2026-11-28', supervisionLevel: 'KEY' });
    expect(late.totalCount).toBeGreaterThan(0);
    expect(late.totalCount).toBeLessThan(sources.totalCount);
    expect(late.nodes.some((n) => n.lastInspectedOn !== null)).toBe(true);
  });

  it('an officer records an inspection of a source of his grids; other roles are refused and nothing is written', async () => {
    const mine = (await officer.data<{ sources: { nodes: { id: string }[] } }>(`{ sources(first: 1, filter: { status: ACTIVE }) { nodes { id } } }`)).sources.nodes[0];
    const count = async () => (await app.ownerSql<{ n: number }>('select count(*)::int as n from inspection'))[0].n;
    const before = await count();
    for (const login of ['gridworker', 'township', 'feidong', 'countydept', 'cityadmin']) {
      const result = await record(await app.as(login), { sourceId: mine.id, inspectedOn: '2026-11-20' });
      expect([login, result.errors?.[0].extensions?.code]).toEqual([login, 'FORBIDDEN']);
    }
    const future = await record(officer, { sourceId: mine.id, inspectedOn: '2099-01-01' });
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inspectedOn' });
    const notADay = await record(officer, { sourceId: mine.id, inspectedOn: '2026-02-30' });
    expect(notADay.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inspectedOn' });
    expect(await count()).toBe(before);

    const { recordInspection } = (await record(officer, { sourceId: mine.id, inspectedOn: '2026-11-20' })).data!;
    expect(recordInspection.inspectorName).toBeTruthy();
    const { source } = await feidong.data<{ source: { inspections: { nodes: { id: string; inspectedOn: string; result: string }[] } } }>(
      `query($id: ID!) { source(id: $id) { inspections(first: 5) { nodes { id inspectedOn result } } } }`,
      { id: mine.id },
    );
    expect(source.inspections.nodes[0]).toEqual({ id: recordInspection.id, inspectedOn: '2026-11-20', result: 'COMPLIANT' });
    const yaohai = await app.as('yaohai');
    const hidden = await yaohai.request(`query($id: ID!) { inspection(id: $id) { id } }`, { id: recordInspection.id });
    expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('a city inspector inspects anywhere; a pending report is not inspected; linked cases must concern the source', async () => {
    const yaohai = await app.as('yaohai');
    const urban = (await yaohai.data<{ sources: { nodes: { id: string }[] } }>(`{ sources(first: 1, filter: { status: ACTIVE }) { nodes { id } } }`)).sources.nodes[0];
    expect((await record(inspector, { sourceId: urban.id, inspectedOn: '2026-11-02' })).errors).toBeUndefined();

    const worker = await app.as('gridworker');
    const grid = (await worker.data<{ grids: { nodes: { id: string }[] } }>(`{ grids(first: 1, filter: { level: VILLAGE }) { nodes { id } } }`)).grids.nodes[0];
    const pending = await worker.data<{ createSource: { id: string } }>(`mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }`, {
      input: { gridId: grid.id, name: '待确认的新工地', type: 'CONSTRUCTION_SITE', supervisionLevel: 'GENERAL' },
    });
    const refused = await record(inspector, { sourceId: pending.createSource.id, inspectedOn: '2026-11-02' });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'PENDING' });

    const { caseCategories } = await inspector.data<{ caseCategories: { id: string; code: string }[] }>(`{ caseCategories { id code } }`);
    const { reportCase } = await inspector.data<{ reportCase: { id: string } }>(
      `mutation($input: ReportCaseInput!) { reportCase(input: $input) { id } }`,
      { input: { gridId: villageId, sourceId, categoryId: caseCategories.find((c) => c.code === 'DUST')!.id, origin: 'INSPECTION', description: '检查发现料场未覆盖' } },
    );
    const elsewhere = await inspector.data<{ cases: { nodes: { id: string; grid: { id: string } }[] } }>(`{ cases(first: 20) { nodes { id grid { id } } } }`);
    const unrelated = elsewhere.cases.nodes.find((c) => c.grid.id !== villageId)!;
    const wrongCase = await record(inspector, { sourceId, inspectedOn: '2026-05-10', caseIds: [unrelated.id] });
    expect(wrongCase.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'caseIds' });

    const linked = await record(inspector, { sourceId, inspectedOn: '2026-05-10', result: 'PROBLEM_FOUND', findings: '料场未覆盖, 已立案', caseIds: [reportCase.id] });
    expect(linked.data?.recordInspection.cases).toEqual([{ id: reportCase.id }]);
    expect((await record(inspector, { sourceId, inspectedOn: '2026-10-01' })).errors).toBeUndefined();
  });

  it('lists overdue sources with days overdue, following the frequency table and active sensitive periods', async () => {
    const find = async (asOf: string) => (await overdue(feidong, { withinId: villageId, asOf })).nodes.find((n) => n.source.id === sourceId);
    expect(await find('2026-10-20')).toBeUndefined();
    expect(await find('2026-11-15')).toMatchObject({ lastInspectedOn: '2026-10-01', dueOn: '2026-11-01', daysOverdue: 14, inspectionFactor: 1 });
    // Before the first inspection it is counted from the day it was put on file.
    expect(await find('2026-03-01')).toMatchObject({ lastInspectedOn: null, dueOn: '2026-02-01', daysOverdue: 28 });

    const { grid } = await feidong.data<{ grid: { parent: { id: string } } }>(`query($id: ID!) { grid(id: $id) { parent { id } } }`, { id: villageId });
    const PERIOD = `mutation($input: SensitivePeriodInput!) { createSensitivePeriod(input: $input) { id } }`;
    const base = { startsOn: '2026-11-01', endsOn: '2026-11-30', gridIds: [grid.parent.id], patrolFactor: 2 };
    await feidong.data(PERIOD, { input: { ...base, name: '化工行业专项', industries: ['化工'], inspectionFactor: 3 } });
    expect(await find('2026-11-15')).toMatchObject({ daysOverdue: 14, inspectionFactor: 1 });
    await feidong.data(PERIOD, { input: { ...base, name: '秸秆禁烧期', levels: ['KEY'], inspectionFactor: 2 } });
    // Interval halved: 2026-10-01 + 15 days.
    expect(await find('2026-11-15')).toMatchObject({ dueOn: '2026-10-16', daysOverdue: 30, inspectionFactor: 2 });
    expect(await find('2026-12-01')).toMatchObject({ dueOn: '2026-11-01', daysOverdue: 30, inspectionFactor: 1 });

    const cityadmin = await app.as('cityadmin');
    await cityadmin.data(`mutation { setInspectionFrequency(input: { supervisionLevel: KEY, every: 10, unit: DAY }) { every } }`);
    expect(await find('2026-10-20')).toMatchObject({ dueOn: '2026-10-11', daysOverdue: 9 });
  });

  it('pages the overdue list most overdue first, within the caller’s territory only', async () => {
    const seen: Overdue[] = [];
    let after: string | undefined;
    let total = 0;
    for (let page = 0; page < 3; page++) {
      const result = await overdue(feidong, { asOf: '2026-11-28' }, 4, after);
      total = result.totalCount;
      seen.push(...result.nodes);
      after = result.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(12);
    expect(new Set(seen.map((n) => n.source.id)).size).toBe(12);
    const days = seen.map((n) => n.daysOverdue);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(seen.every((n) => n.source.grid.code.startsWith('340122'))).toBe(true);

    const yaohai = await app.as('yaohai');
    const theirs = await overdue(yaohai, { asOf: '2026-11-28' });
    expect(theirs.nodes.length).toBeGreaterThan(0);
    expect(theirs.nodes.every((n) => n.source.grid.code.startsWith('340102'))).toBe(true);
    const reach = new Set(
      (await officer.data<{ sources: { nodes: { id: string }[] } }>(`{ sources(first: 100) { nodes { id } } }`)).sources.nodes.map((n) => n.id),
    );
    const officers = await overdue(officer, { asOf: '2026-11-28' });
    expect(officers.nodes.every((n) => reach.has(n.source.id))).toBe(true);
    const bad = await feidong.request(OVERDUE, { filter: {}, first: 2, after: 'bm90LWEtY3Vyc29y' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('gives the quarterly compliance history of a source in one list and a compact string', async () => {
    const QUERY = `query($id: ID!, $asOf: String) { source(id: $id) { complianceHistory(quarters: 4, asOf: $asOf) {
      summary quarters { quarter inspected violationFound caseOpen } } } }`;
    const { source } = await feidong.data<{ source: { complianceHistory: { summary: string; quarters: unknown[] } } }>(QUERY, { id: sourceId, asOf: '2026-11-28' });
    expect(source.complianceHistory.quarters).toEqual([
      { quarter: '2026Q1', inspected: false, violationFound: false, caseOpen: false },
      { quarter: '2026Q2', inspected: true, violationFound: true, caseOpen: false },
      { quarter: '2026Q3', inspected: false, violationFound: false, caseOpen: false },
      { quarter: '2026Q4', inspected: true, violationFound: false, caseOpen: true },
    ]);
    expect(source.complianceHistory.summary).toBe('_V_C');
    const bad = await feidong.request(`query($id: ID!) { source(id: $id) { complianceHistory(quarters: 41) { summary } } }`, { id: sourceId });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quarters' });
  });
});
