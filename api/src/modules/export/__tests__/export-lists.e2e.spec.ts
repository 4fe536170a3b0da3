import { toGlobalId } from '../../../common/global-id';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';
import { csvOf, download, filterParam, xlsxOf } from './export-download';

const CREATE_PLAN = `mutation($input: CreatePlanInput!) { createEnforcementPlan(input: $input) { id } }`;
const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`;
const CREATE_CAMPAIGN = `mutation($input: CreateSpotCheckCampaignInput!) { createSpotCheckCampaign(input: $input) { id } }`;
const DRAW = `mutation($input: DrawSpotCheckInput!) { drawSpotCheck(input: $input) { drawNo } }`;
const CREATE_AUDIT = `mutation($input: CreateAuditInput!) { createAudit(input: $input) { id samples { id } } }`;
const SCORE = `mutation($input: ScoreAuditSampleInput!) { scoreAuditSample(input: $input) { id } }`;
const ISSUE = `mutation($input: IssueAuditFindingsInput!) { issueAuditFindings(input: $input) { id } }`;
const TABLE = `query($input: AssessmentInput!) { assessment(input: $input) { indicators { code name unit } rows { subjectId subjectName rank unrankedReason values { code value } } } }`;

/**
 * The issue-5 lists as files: each exported by a role that reads it (its rows only, labels
 * in Chinese), refused to one that does not.
 */
describe('supervision list exports (tasks, plans, spot checks, audits, assessment)', () => {
  let app: TestApp;
  let feidong: GraphQLClient;
  let yaohai: GraphQLClient;
  let inspector: GraphQLClient;
  let officer: GraphQLClient;
  let keyOnly: (path: string) => Promise<Response>;
  const idOf = async (code: string) => (await app.ownerSql<{ id: number }>('select id from grid where code = $1', [code]))[0].id;
  const grid = async (code: string) => toGlobalId('Grid', await idOf(code));
  const gridBelow = async (countyCode: string) =>
    (await app.ownerSql<{ code: string }>(`select g.code from grid g join grid c on c.id = g.county_id where c.code = $1 and g.id <> c.id order by g.id limit 1`, [countyCode]))[0].code;

  beforeAll(async () => {
    app = await startTestApp();
    [feidong, yaohai, inspector, officer] = await Promise.all(['feidong', 'yaohai', 'inspector', 'officer'].map((login) => app.as(login)));
    // An integrator's key that reads sources only: none of these lists.
    const { createApiKey } = await feidong.data<{ createApiKey: { key: string } }>(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`, {
      input: { name: '只读污染源', unitId: await grid('340122000000'), scopes: ['READ_SOURCES'] },
    });
    keyOnly = (path) => fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${createApiKey.key}` } });
  });
  afterAll(() => app.close());

  it("exports a county's enforcement plans and tasks, not another county's", async () => {
    for (const [client, code, name] of [[feidong, '340122000000', '肥东县'], [yaohai, '340102000000', '瑶海区']] as const) {
      const plan = (await client.data<{ createEnforcementPlan: { id: string } }>(CREATE_PLAN, { input: { kind: 'MONTHLY', year: 2026, month: 12, title: `${name}12月执法计划` } }))
        .createEnforcementPlan.id;
      await client.data(CREATE_TASK, { input: { planId: plan, title: `${name}重点企业检查`, gridId: await grid(await gridBelow(code)) } });
      await client.data(CREATE_TASK, {
        input: { origin: 'COMPLAINT', title: `${name}群众投诉核查`, gridId: await grid(await gridBelow(code)), dueAt: '2026-12-10T09:00:00Z' },
      });
    }
    const feidongId = await idOf('340122000000');
    const tasks = await csvOf(await download(app, feidong, '/export/tasks.csv'));
    const [{ n }] = await app.ownerSql<{ n: number }>('select count(*)::int as n from work_task where county_id = $1', [feidongId]);
    expect(n).toBeGreaterThanOrEqual(2);
    expect(tasks.rows).toHaveLength(n);
    expect(new Set(tasks.rows.map((r) => r['县区']))).toEqual(new Set(['肥东县']));
    expect(tasks.rows.find((r) => r['标题'] === '肥东县重点企业检查')).toMatchObject({ 来源: '计划任务', 状态: '办理中', 执法计划: '肥东县12月执法计划', 超期未完成: '否' });
    expect(tasks.rows.find((r) => r['标题'] === '肥东县群众投诉核查')).toMatchObject({ 来源: '群众投诉举报', 办理期限: '2026-12-10 17:00:00', 执法计划: '' });

    const complaints = await csvOf(await download(app, feidong, `/export/tasks.csv?${filterParam({ origin: 'COMPLAINT' })}`));
    expect(complaints.rows.map((r) => r['来源'])).toEqual(complaints.rows.map(() => '群众投诉举报'));

    const plans = await xlsxOf(await download(app, feidong, '/export/enforcement-plans.xlsx'));
    const header = plans[0];
    expect(header).toEqual(expect.arrayContaining(['标题', '类型', '年份', '月份', '制定单位', '任务数', '已完成']));
    const titles = plans.slice(1).map((row) => row[header.indexOf('标题')]);
    expect(titles).toContain('肥东县12月执法计划');
    expect(titles).not.toContain('瑶海区12月执法计划');
    const mine = plans.find((row) => row[header.indexOf('标题')] === '肥东县12月执法计划') ?? [];
    expect([mine[header.indexOf('类型')], mine[header.indexOf('月份')], mine[header.indexOf('任务数')], mine[header.indexOf('已完成')]]).toEqual(['月度计划', 12, 1, 0]);

    for (const list of ['tasks', 'enforcement-plans']) expect((await keyOnly(`/export/${list}.csv`)).status).toBe(403);
  });

  it('exports a month of patrol plans with required and done counts, and needs the month', async () => {
    const [{ month }] = await app.ownerSql<{ month: string }>(`select to_char(month, 'YYYY-MM') as month from patrol_plan group by month order by count(*) desc limit 1`);
    const feidongId = await idOf('340122000000');
    const { rows } = await csvOf(await download(app, feidong, `/export/patrol-plans.csv?${filterParam({ month })}`));
    const expected = await app.ownerSql<{ id: number; required_count: number; done_count: number }>(
      `select p.id, p.required_count, pp.done_count from patrol_plan p join patrol_plan_progress pp on pp.patrol_plan_id = p.id
        where p.county_id = $1 and p.month = $2::date`,
      [feidongId, `${month}-01`],
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(expected.length);
    const byId = new Map(rows.map((r) => [r['系统标识'], r]));
    for (const plan of expected) {
      expect(byId.get(toGlobalId('PatrolPlan', plan.id))).toMatchObject({ 月份: month, 计划巡查次数: String(plan.required_count), 已巡查次数: String(plan.done_count), 县区: '肥东县' });
    }
    expect(rows.some((r) => r['已巡查次数'] !== '0')).toBe(true);
    const missing = await download(app, feidong, '/export/patrol-plans.csv');
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
    expect((await keyOnly(`/export/patrol-plans.csv?${filterParam({ month })}`)).status).toBe(403);
  });

  it("exports a campaign's samples with inspectors: the city all of them, a county those on its sources", async () => {
    const { officers } = await inspector.data<{ officers: { nodes: { id: string }[] } }>(`{ officers(first: 100) { nodes { id } } }`);
    const campaign = (
      await inspector.data<{ createSpotCheckCampaign: { id: string } }>(CREATE_CAMPAIGN, {
        input: { title: '导出测试: 重点污染源抽查', population: { supervisionLevels: ['KEY'] }, stratification: 'UNIT', sampleSize: 2, inspectorPoolIds: officers.nodes.map((o) => o.id) },
      })
    ).createSpotCheckCampaign.id;
    await inspector.data(DRAW, { input: { campaignId: campaign } });
    const campaignId = Number(Buffer.from(campaign, 'base64url').toString().split(':')[1]);
    const items = await app.ownerSql<{ id: number; county_id: number }>('select id, county_id from spot_check_item where campaign_id = $1', [campaignId]);

    const city = await csvOf(await download(app, inspector, `/export/spot-check-samples.csv?${filterParam({ campaignId: campaign })}`));
    expect(city.rows).toHaveLength(items.length);
    expect(city.rows.every((r) => r['抽查任务'] === '导出测试: 重点污染源抽查' && r['抽取序号'] === '1' && r['检查结果'] === '')).toBe(true);
    // Two inspectors per source (the default), named.
    expect(city.rows.every((r) => r['检查人员'].split('、').length === 2)).toBe(true);
    expect(city.rows.every((r) => r['污染源'] !== '')).toBe(true);

    const feidongId = await idOf('340122000000');
    const county = await csvOf(await download(app, feidong, `/export/spot-check-samples.csv?${filterParam({ campaignId: campaign })}`));
    expect(county.rows.map((r) => r['系统标识']).sort()).toEqual(items.filter((i) => i.county_id === feidongId).map((i) => toGlobalId('SpotCheckItem', i.id)).sort());
    expect(county.rows.length).toBeGreaterThan(0);
    expect((await keyOnly('/export/spot-check-samples.csv')).status).toBe(403);
  });

  it('exports audits with their finding and recommendation counts, and the recommendations, to the auditor and the audited', async () => {
    const { createAudit: audit } = await inspector.data<{ createAudit: { id: string; samples: { id: string }[] } }>(CREATE_AUDIT, {
      input: { auditedUnitId: await grid('340122000000'), title: '导出测试: 肥东县督查', periodFrom: '2020-01-01T00:00:00Z', periodTo: '2027-01-01T00:00:00Z', caseFileCount: 3 },
    });
    const findings = ['MEETS', 'ATTENTION', 'IMPROVEMENT_NEEDED'];
    for (const [i, sample] of audit.samples.entries()) await inspector.data(SCORE, { input: { sampleId: sample.id, score: 90 - 10 * i, finding: findings[i % 3] } });
    await inspector.data(ISSUE, {
      input: {
        auditId: audit.id,
        finding: 'ATTENTION',
        summary: '案卷材料基本齐全, 个别案件核查不及时',
        recommendations: [{ text: '完善案卷归档', dueOn: '2099-01-31' }, { text: '按时核查', dueOn: '2099-02-28' }],
      },
    });

    for (const client of [inspector, feidong]) {
      const { rows } = await csvOf(await download(app, client, `/export/audits.csv?${filterParam({ status: 'FINDINGS_ISSUED' })}`));
      expect(rows.find((r) => r['系统标识'] === audit.id)).toMatchObject({
        名称: '导出测试: 肥东县督查', 被督查单位: '肥东县', 被督查单位层级: '县区级', 状态: '已下发意见', 总体结论: '需关注',
        抽查要素数: '3', 已评分: '3', 符合要求: '1', 需关注: '1', 需整改: '1', 整改意见数: '2', 已销号: '0',
      });
      const recs = await csvOf(await download(app, client, `/export/audit-recommendations.csv?${filterParam({ auditId: audit.id })}`));
      expect(recs.rows.map((r) => [r['整改意见'], r['整改期限'], r['状态'], r['被督查单位']])).toEqual([
        ['完善案卷归档', '2099-01-31', '待整改', '肥东县'],
        ['按时核查', '2099-02-28', '待整改', '肥东县'],
      ]);
    }
    // Another county neither audits nor is audited here; officers read no audits at all.
    expect((await csvOf(await download(app, yaohai, '/export/audits.csv'))).rows.map((r) => r['系统标识'])).not.toContain(audit.id);
    expect((await csvOf(await download(app, yaohai, '/export/audit-recommendations.csv'))).rows.map((r) => r['督查'])).not.toContain('导出测试: 肥东县督查');
    for (const list of ['audits', 'audit-recommendations']) {
      const refused = await download(app, officer, `/export/${list}.csv`);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
  });

  it('exports the KPI table as the assessment query returns it, one column per indicator', async () => {
    const input = { period: '2026-10', subjectType: 'GRID_WORKER', unitId: await grid('340122000000') };
    const { assessment } = await feidong.data<{
      assessment: { indicators: { code: string; name: string; unit: string }[]; rows: { subjectId: string; subjectName: string; rank: number | null; unrankedReason: string | null; values: { code: string; value: number | null }[] }[] };
    }>(TABLE, { input });
    expect(assessment.rows.length).toBeGreaterThan(0);
    const sheet = await xlsxOf(await download(app, feidong, `/export/assessment.xlsx?${filterParam(input)}`));
    const composite = assessment.indicators.find((i) => i.code === 'COMPOSITE');
    expect(sheet[0]).toEqual(['排名', '不排名原因', '考核对象', '考核对象编号', ...assessment.indicators.map((i) => `${i.name}${{ PERCENT: ' (%)', POINTS: ' (分)', COUNT: '' }[i.unit]}`)]);
    expect(composite).toBeDefined();
    // Same rows, same order, same figures (numbers stay numbers in the sheet).
    // An empty cell reads back as undefined.
    const cells = sheet.slice(1).map((row) => Array.from({ length: sheet[0].length }, (_, i) => row[i] ?? null));
    const reason = (r: { unrankedReason: string | null }) => ({ NO_VALUE: '无值', SAMPLE_TOO_SMALL: '样本量不足' })[r.unrankedReason ?? ''] ?? null;
    expect(assessment.rows.some((r) => r.unrankedReason === 'SAMPLE_TOO_SMALL')).toBe(true);
    expect(cells).toEqual(assessment.rows.map((r) => [r.rank, reason(r), r.subjectName, r.subjectId, ...r.values.map((v) => v.value)]));

    const csv = await csvOf(await download(app, feidong, `/export/assessment.csv?lang=en&${filterParam(input)}`));
    expect(csv.rows).toHaveLength(assessment.rows.length);
    expect(Object.keys(csv.rows[0])).toContain('COMPOSITE (points)');

    const missing = await download(app, feidong, '/export/assessment.csv');
    expect(missing.status).toBe(400);
    expect((await download(app, yaohai, `/export/assessment.csv?${filterParam(input)}`)).status).toBe(404);
    expect((await download(app, officer, `/export/assessment.csv?${filterParam(input)}`)).status).toBe(403);
  });
});
