import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';

const CREATE = `mutation($input: CreateSpotCheckCampaignInput!) { createSpotCheckCampaign(input: $input) { id version status } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateSpotCheckCampaignInput!) {
  updateSpotCheckCampaign(id: $id, version: $version, input: $input) { id version status title sampleSize samplePercent stratification inspectorPoolIds population { supervisionLevels } } }`;
const CANCEL = `mutation($id: ID!, $version: Int!, $reason: String!) { cancelSpotCheckCampaign(id: $id, version: $version, reason: $reason) { id version status cancelReason cancelledAt } }`;
const DRAW = `mutation($input: DrawSpotCheckInput!) { drawSpotCheck(input: $input) { drawNo } }`;
const RESULT = `mutation($input: RecordSpotCheckResultInput!) { recordSpotCheckResult(input: $input) { id result } }`;
const CAMPAIGN = `query($id: ID!) { spotCheckCampaign(id: $id) { id version status title cancelReason draws { drawNo } items(first: 100) { nodes { id result } } } }`;

interface Campaign {
  id: string;
  version: number;
  status: string;
  title: string;
  cancelReason: string | null;
  draws: { drawNo: number }[];
  items: { nodes: { id: string; result: string | null }[] };
}

describe('spot-check campaigns: edit a draft, cancel with a reason (version-checked)', () => {
  let app: TestApp;
  let inspector: GraphQLClient;
  let feidong: GraphQLClient;
  let pool: string[];
  const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;
  const read = async (client: GraphQLClient, id: string) => (await client.data<{ spotCheckCampaign: Campaign }>(CAMPAIGN, { id })).spotCheckCampaign;
  const create = async (client: GraphQLClient, input: Record<string, unknown>) =>
    (await client.data<{ createSpotCheckCampaign: { id: string; version: number } }>(CREATE, { input: { population: { supervisionLevels: ['KEY'] }, inspectorPoolIds: pool, ...input } }))
      .createSpotCheckCampaign;

  beforeAll(async () => {
    app = await startTestApp();
    inspector = await app.as('inspector');
    feidong = await app.as('feidong');
    pool = (await inspector.data<{ officers: { nodes: { id: string }[] } }>(`{ officers(first: 100) { nodes { id } } }`)).officers.nodes.map((o) => o.id);
  });
  afterAll(() => app.close());

  it('edits a draft at its version; a stale version, both sample sizes or the wrong role change nothing', async () => {
    const draft = await create(inspector, { title: '草拟: 重点源抽查', stratification: 'UNIT', sampleSize: 1 });
    const { updateSpotCheckCampaign: edited } = await inspector.data<{ updateSpotCheckCampaign: Record<string, unknown> }>(UPDATE, {
      id: draft.id,
      version: draft.version,
      input: { title: '修改后: 一般源抽查', population: { supervisionLevels: ['GENERAL'] }, samplePercent: 5, stratification: 'LEVEL', inspectorPoolIds: pool.slice(0, 10) },
    });
    expect(edited).toMatchObject({
      version: draft.version + 1,
      status: 'DRAFT',
      title: '修改后: 一般源抽查',
      sampleSize: null,
      samplePercent: 5,
      stratification: 'LEVEL',
      population: { supervisionLevels: ['GENERAL'] },
    });
    expect(edited.inspectorPoolIds).toHaveLength(10);

    const stale = await inspector.request(UPDATE, { id: draft.id, version: draft.version, input: { title: '过期的修改' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: draft.version + 1 });
    expect(code(await inspector.request(UPDATE, { id: draft.id, version: draft.version + 1, input: { sampleSize: 2, samplePercent: 5 } }))).toBe('BAD_USER_INPUT');
    // The county admin does not see a city draft; an officer may not edit campaigns at all.
    expect(code(await feidong.request(UPDATE, { id: draft.id, version: draft.version + 1, input: { title: '县里改' } }))).toBe('NOT_FOUND');
    expect(code(await (await app.as('officer')).request(UPDATE, { id: draft.id, version: draft.version + 1, input: { title: '执法人员改' } }))).toBe('FORBIDDEN');
    expect(await read(inspector, draft.id)).toMatchObject({ title: '修改后: 一般源抽查', version: draft.version + 1 });

    // A county admin edits and cancels its own county's draft.
    const countyPool = (await feidong.data<{ officers: { nodes: { id: string }[] } }>(`{ officers(first: 20) { nodes { id } } }`)).officers.nodes.map((o) => o.id);
    const own = await create(feidong, { title: '肥东县草拟抽查', stratification: 'NONE', sampleSize: 1, conflictRule: 'NONE', inspectorPoolIds: countyPool });
    const { updateSpotCheckCampaign: renamed } = await feidong.data<{ updateSpotCheckCampaign: { version: number } }>(UPDATE, { id: own.id, version: own.version, input: { title: '肥东县抽查 (改)' } });
    const { cancelSpotCheckCampaign } = await feidong.data<{ cancelSpotCheckCampaign: { status: string } }>(CANCEL, { id: own.id, version: renamed.version, reason: '与省级抽查重复' });
    expect(cancelSpotCheckCampaign.status).toBe('CANCELLED');
  });

  it('cancels a drawn campaign with a reason: its draw and results stay readable, no more draws or results', async () => {
    const campaign = await create(inspector, { title: '撤销测试: 重点源抽查', stratification: 'UNIT', sampleSize: 1 });
    await inspector.data(DRAW, { input: { campaignId: campaign.id } });
    const drawn = await read(inspector, campaign.id);
    expect(drawn.status).toBe('DRAWN');
    expect(drawn.items.nodes.length).toBeGreaterThan(1);
    const [first, second] = drawn.items.nodes;
    await inspector.data(RESULT, { input: { itemId: first.id, result: 'COMPLIANT' } });
    const afterResult = await read(inspector, campaign.id);

    const edit = await inspector.request(UPDATE, { id: campaign.id, version: afterResult.version, input: { title: '抽取后修改' } });
    expect(edit.errors?.[0].extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'DRAWN' });
    expect(code(await inspector.request(CANCEL, { id: campaign.id, version: afterResult.version, reason: ' ' }))).toBe('BAD_USER_INPUT');
    expect(code(await inspector.request(CANCEL, { id: campaign.id, version: afterResult.version - 1, reason: '上级通知暂停' }))).toBe('CONFLICT');
    // The county sees the checks on its sources but does not run the city's campaign.
    expect(code(await feidong.request(CANCEL, { id: campaign.id, version: afterResult.version, reason: '县里撤销' }))).toBe('FORBIDDEN');
    expect((await read(inspector, campaign.id)).status).toBe('DRAWN');

    const { cancelSpotCheckCampaign: cancelled } = await inspector.data<{ cancelSpotCheckCampaign: { status: string; cancelReason: string; cancelledAt: string; version: number } }>(CANCEL, {
      id: campaign.id,
      version: afterResult.version,
      reason: ' 上级通知暂停 ',
    });
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelReason: '上级通知暂停', version: afterResult.version + 1 });
    expect(cancelled.cancelledAt).toBeTruthy();

    const draw = await inspector.request(DRAW, { input: { campaignId: campaign.id, reason: '撤销后重新抽取' } });
    expect(draw.errors?.[0].extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'CANCELLED' });
    expect(code(await inspector.request(RESULT, { input: { itemId: second.id, result: 'COMPLIANT' } }))).toBe('ILLEGAL_TRANSITION');
    expect(code(await inspector.request(CANCEL, { id: campaign.id, version: cancelled.version, reason: '再次撤销' }))).toBe('ILLEGAL_TRANSITION');

    const after = await read(inspector, campaign.id);
    expect(after.draws.map((d) => d.drawNo)).toEqual([1]);
    expect(after.items.nodes).toEqual(drawn.items.nodes.map((item) => (item.id === first.id ? { ...item, result: 'COMPLIANT' } : item)));
    const { replayDraw } = await inspector.data<{ replayDraw: { matches: boolean } }>(`query($id: ID!) { replayDraw(campaignId: $id) { matches } }`, { id: campaign.id });
    expect(replayDraw.matches).toBe(true);
  });

  it('does not cancel a completed campaign', async () => {
    const campaign = await create(inspector, { title: '完成后撤销测试', stratification: 'NONE', sampleSize: 1 });
    await inspector.data(DRAW, { input: { campaignId: campaign.id } });
    const [item] = (await read(inspector, campaign.id)).items.nodes;
    await inspector.data(RESULT, { input: { itemId: item.id, result: 'COMPLIANT' } });
    await inspector.data(`mutation($id: ID!) { completeSpotCheckCampaign(id: $id) { status } }`, { id: campaign.id });
    const completed = await read(inspector, campaign.id);
    const refused = await inspector.request(CANCEL, { id: campaign.id, version: completed.version, reason: '已完成还想撤销' });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'COMPLETED' });
    expect((await read(inspector, campaign.id)).status).toBe('COMPLETED');
  });
});
