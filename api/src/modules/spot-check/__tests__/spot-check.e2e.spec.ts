import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { Client } from 'pg';
import { enableAppRole } from '../../../db/app-role';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';

const CREATE = `mutation($input: CreateSpotCheckCampaignInput!) { createSpotCheckCampaign(input: $input) { id status conflictRule } }`;
const DRAW = `mutation($input: DrawSpotCheckInput!) {
  drawSpotCheck(input: $input) { drawNo seed algorithm populationSize snapshotDigest reason drawnAt sources { sourceId stratum inspectorIds source { name } } }
}`;
const REPLAY = `query($id: ID!, $no: Int) { replayDraw(campaignId: $id, drawNo: $no) { matches snapshotMatches draw { drawNo seed snapshotDigest } sources { sourceId stratum inspectorIds } } }`;
const ITEMS = `query($id: ID!) { spotCheckCampaign(id: $id) { id title status items(first: 100) { nodes { id drawNo source { id name countyId: grid { code } } inspectorIds result } } } }`;
const RESULT = `mutation($input: RecordSpotCheckResultInput!) { recordSpotCheckResult(input: $input) { id result case { id origin status source { id } } } }`;

interface Drawn {
  sourceId: string;
  stratum: string;
  inspectorIds: string[];
}
interface Draw {
  drawNo: number;
  seed: number;
  algorithm: string;
  populationSize: number;
  snapshotDigest: string;
  reason: string | null;
  sources: (Drawn & { source: { name: string } | null })[];
}
interface Replay {
  matches: boolean;
  snapshotMatches: boolean;
  draw: { drawNo: number; seed: number; snapshotDigest: string };
  sources: Drawn[];
}
interface Item {
  id: string;
  drawNo: number;
  source: { id: string; name: string; countyId: { code: string } } | null;
  inspectorIds: string[];
  result: string | null;
}

/** A query as the API's database role with a unit set, outside the API: row-level security alone. */
async function asAppRole(app: TestApp, unit: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new Client(await enableAppRole(app.databaseUrl));
  await client.connect();
  try {
    await client.query('begin');
    // The binding the API runs: the unit and its level's role, transaction-locally.
    const [level, id] = unit.split(':');
    await client.query(`select gw_bind_unit($1, $2, '{}')`, [level, Number(id)]);
    return (await client.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await client.query('rollback');
    await client.end();
  }
}

const internal = (globalId: string) => Number(Buffer.from(globalId, 'base64url').toString().split(':')[1]);

describe('spot checks (双随机一公开)', () => {
  let app: TestApp;
  let inspector: GraphQLClient;
  let feidong: GraphQLClient;
  let cityPool: string[];
  let categoryId: string;

  /** Officers of the city and of every county, as the inspector sees them. */
  async function officers(client: GraphQLClient): Promise<string[]> {
    const { officers } = await client.data<{ officers: { nodes: { id: string }[] } }>(`{ officers(first: 100) { nodes { id } } }`);
    return officers.nodes.map((o) => o.id);
  }

  async function createCampaign(client: GraphQLClient, input: Record<string, unknown>): Promise<string> {
    return (await client.data<{ createSpotCheckCampaign: { id: string } }>(CREATE, { input })).createSpotCheckCampaign.id;
  }

  beforeAll(async () => {
    app = await startTestApp();
    inspector = await app.as('inspector');
    feidong = await app.as('feidong');
    cityPool = await officers(inspector);
    categoryId = (await inspector.data<{ caseCategories: { id: string; code: string }[] }>(`{ caseCategories { id code } }`)).caseCategories[0].id;
  });
  afterAll(() => app.close());

  it('a city inspector runs a campaign end to end on the seed data and replays its draw', async () => {
    const id = await createCampaign(inspector, {
      title: '2026年第四季度重点污染源双随机抽查',
      population: { supervisionLevels: ['KEY'] },
      stratification: 'UNIT',
      sampleSize: 1,
      inspectorPoolIds: cityPool,
    });
    const { drawSpotCheck: draw } = await inspector.data<{ drawSpotCheck: Draw }>(DRAW, { input: { campaignId: id } });
    if (process.env.GW_PRINT_DRAW) console.log(JSON.stringify(draw, null, 2));
    const keySources = await app.ownerSql<{ id: number; county_id: number }>(`select id, county_id from pollution_source where supervision_level = 'KEY' and status = 'ACTIVE'`);
    const counties = new Set(keySources.map((s) => s.county_id));
    expect(draw).toMatchObject({ drawNo: 1, algorithm: 'xoroshiro128plus-fisher-yates-v1', populationSize: keySources.length, reason: null });
    // One key source per county (stratified by unit), each with two inspectors.
    expect(draw.sources).toHaveLength(counties.size);
    expect(new Set(draw.sources.map((s) => s.stratum)).size).toBe(counties.size);
    for (const s of draw.sources) expect(s.source?.name).toBeTruthy();

    // Conflict rule (default SAME_COUNTY): no inspector checks a source of his own county.
    for (const s of draw.sources) {
      const [{ county_id: sourceCounty }] = await app.ownerSql<{ county_id: number }>(`select county_id from pollution_source where id = $1`, [internal(s.sourceId)]);
      const inspectors = await app.ownerSql<{ county_id: number | null }>(`select county_id from officer where id = any($1)`, [s.inspectorIds.map(internal)]);
      expect(inspectors).toHaveLength(2);
      for (const o of inspectors) expect(o.county_id).not.toBe(sourceCounty);
    }

    const { replayDraw } = await inspector.data<{ replayDraw: Replay }>(REPLAY, { id, no: 1 });
    expect(replayDraw).toMatchObject({ matches: true, snapshotMatches: true, draw: { drawNo: 1, seed: draw.seed, snapshotDigest: draw.snapshotDigest } });
    expect(replayDraw.sources).toEqual(draw.sources.map(({ sourceId, stratum, inspectorIds }) => ({ sourceId, stratum, inspectorIds })));

    // The CLI recomputes it outside the API, from the database alone. Run without blocking:
    // the API lives in this process and must keep answering its keep-alive sockets meanwhile.
    const { stdout: cli } = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'src/cli/replay-draw.ts', id, '1'], {
      cwd: path.resolve(__dirname, '../../../..'),
      env: { ...process.env, DATABASE_URL: app.databaseUrl },
      encoding: 'utf8',
    });
    expect(JSON.parse(cli)).toMatchObject({ campaignId: id, drawNo: 1, seed: draw.seed, matches: true, sources: replayDraw.sources });

    // Results: all compliant but one, whose problem becomes an inspection case.
    const { spotCheckCampaign } = await inspector.data<{ spotCheckCampaign: { items: { nodes: Item[] } } }>(ITEMS, { id });
    const items = spotCheckCampaign.items.nodes;
    expect(items.map((i) => i.source?.id)).toEqual(draw.sources.map((s) => s.sourceId));
    const early = await inspector.request(`mutation($id: ID!) { completeSpotCheckCampaign(id: $id) { status } }`, { id });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'DRAWN' });
    const problem = await inspector.data<{ recordSpotCheckResult: { case: { origin: string; status: string; source: { id: string } } } }>(RESULT, {
      input: { itemId: items[0].id, result: 'PROBLEM_FOUND', notes: '废气处理设施未运行, 现场有明显异味', caseCategoryId: categoryId },
    });
    expect(problem.recordSpotCheckResult.case).toMatchObject({ origin: 'INSPECTION', status: 'REPORTED', source: { id: items[0].source?.id } });
    for (const item of items.slice(1)) await inspector.data(RESULT, { input: { itemId: item.id, result: 'COMPLIANT' } });
    const twice = await inspector.request(RESULT, { input: { itemId: items[1].id, result: 'COMPLIANT' } });
    expect(twice.errors?.[0].extensions?.code).toBe('CONFLICT');

    // Publication: a read-only public list, no sign-in, no personal data.
    const anonymous = app.client();
    const before = await anonymous.data<{ publishedSpotCheckResults: { totalCount: number } }>(`{ publishedSpotCheckResults(first: 1) { totalCount } }`);
    expect(before.publishedSpotCheckResults.totalCount).toBe(0);
    await inspector.data(`mutation($id: ID!) { completeSpotCheckCampaign(id: $id) { status } }`, { id });
    const published = await inspector.data<{ publishSpotCheckCampaign: { status: string } }>(`mutation($id: ID!) { publishSpotCheckCampaign(id: $id) { status } }`, { id });
    expect(published.publishSpotCheckCampaign.status).toBe('PUBLISHED');
    const list = await anonymous.data<{ publishedSpotCheckResults: { nodes: Record<string, unknown>[] } }>(
      `{ publishedSpotCheckResults(first: 100) { nodes { campaignTitle sourceName creditCode result checkedOn } } }`,
    );
    expect(list.publishedSpotCheckResults.nodes).toHaveLength(items.length);
    expect(list.publishedSpotCheckResults.nodes.filter((n) => n.result === 'PROBLEM_FOUND')).toEqual([
      expect.objectContaining({ campaignTitle: '2026年第四季度重点污染源双随机抽查', sourceName: items[0].source?.name, checkedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }),
    ]);
    // The public sees only the published copy: campaigns themselves need a sign-in.
    const hidden = await anonymous.request(`query($id: ID!) { spotCheckCampaign(id: $id) { id } }`, { id });
    expect(hidden.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const again = await inspector.request(DRAW, { input: { campaignId: id, reason: '补抽' } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'PUBLISHED' });
  });

  it('records a redraw as a new draw with its reason; the first stays replayable', async () => {
    const input = { title: '一般污染源抽查', population: { supervisionLevels: ['GENERAL'] }, stratification: 'LEVEL', samplePercent: 2.5, inspectorPoolIds: cityPool };
    const id = await createCampaign(inspector, input);
    const first = (await inspector.data<{ drawSpotCheck: Draw }>(DRAW, { input: { campaignId: id, seed: 12345 } })).drawSpotCheck;
    expect(first.seed).toBe(12345);
    expect(first.sources).toHaveLength(Math.ceil(first.populationSize * 0.025));
    const noReason = await inspector.request(DRAW, { input: { campaignId: id } });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const second = (await inspector.data<{ drawSpotCheck: Draw }>(DRAW, { input: { campaignId: id, reason: '抽中对象已停产, 重新抽取' } })).drawSpotCheck;
    expect(second).toMatchObject({ drawNo: 2, reason: '抽中对象已停产, 重新抽取' });
    const { spotCheckCampaign } = await inspector.data<{ spotCheckCampaign: { draws: { drawNo: number; seed: number; sources: Drawn[] }[] } }>(
      `query($id: ID!) { spotCheckCampaign(id: $id) { draws { drawNo seed sources { sourceId stratum inspectorIds } } } }`,
      { id },
    );
    expect(spotCheckCampaign.draws.map((d) => d.drawNo)).toEqual([1, 2]);
    expect(spotCheckCampaign.draws[0].sources).toEqual(first.sources.map(({ sourceId, stratum, inspectorIds }) => ({ sourceId, stratum, inspectorIds })));
    for (const no of [1, 2]) expect((await inspector.data<{ replayDraw: Replay }>(REPLAY, { id, no })).replayDraw.matches).toBe(true);
    const superseded = await inspector.data<{ spotCheckItems: { nodes: { drawNo: number; superseded: boolean }[] } }>(
      `query($id: ID!) { spotCheckItems(first: 100, filter: { campaignId: $id, superseded: true }) { nodes { drawNo superseded } } }`,
      { id },
    );
    expect(superseded.spotCheckItems.nodes).toHaveLength(first.sources.length);
    expect(superseded.spotCheckItems.nodes.every((n) => n.drawNo === 1 && n.superseded)).toBe(true);

    // Once a result is recorded the draw is final.
    const current = await inspector.data<{ spotCheckCampaign: { items: { nodes: Item[] } } }>(ITEMS, { id });
    await inspector.data(RESULT, { input: { itemId: current.spotCheckCampaign.items.nodes[0].id, result: 'COMPLIANT' } });
    const late = await inspector.request(DRAW, { input: { campaignId: id, reason: '再抽一次' } });
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION', allowedActions: ['recordSpotCheckResult'] });

    // The same seed on the same population and pool gives the same draw (another campaign).
    const twin = await createCampaign(inspector, input);
    const twinDraw = (await inspector.data<{ drawSpotCheck: Draw }>(DRAW, { input: { campaignId: twin, seed: 12345 } })).drawSpotCheck;
    expect(twinDraw.sources).toEqual(first.sources);

    // A tampered snapshot no longer replays.
    await app.ownerSql(`update spot_check_draw set population = population - 0 where campaign_id = $1 and draw_no = 1`, [internal(id)]);
    expect((await inspector.data<{ replayDraw: Replay }>(REPLAY, { id, no: 1 })).replayDraw).toMatchObject({ matches: false, snapshotMatches: false });
  });

  it('a county sees the checks on its own sources in a city campaign, never the others', async () => {
    const id = await createCampaign(inspector, { title: '全市抽查', population: {}, stratification: 'UNIT', sampleSize: 2, inspectorPoolIds: cityPool });
    const hiddenBefore = await feidong.request(ITEMS, { id });
    expect(hiddenBefore.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const draw = (await inspector.data<{ drawSpotCheck: Draw }>(DRAW, { input: { campaignId: id } })).drawSpotCheck;
    const [{ id: feidongId }] = await app.ownerSql<{ id: number }>(`select id from grid where code = '340122000000'`);
    const own = await app.ownerSql<{ id: number }>(`select id from pollution_source where county_id = $1 and id = any($2)`, [feidongId, draw.sources.map((s) => internal(s.sourceId))]);
    expect(own).toHaveLength(2);

    const { spotCheckCampaign } = await feidong.data<{ spotCheckCampaign: { title: string; items: { nodes: Item[] } } }>(ITEMS, { id });
    expect(spotCheckCampaign.title).toBe('全市抽查');
    const listed = await feidong.data<{ spotCheckCampaigns: { nodes: { id: string }[] } }>(`{ spotCheckCampaigns(first: 100) { nodes { id } } }`);
    expect(listed.spotCheckCampaigns.nodes.map((c) => c.id)).toContain(id);
    expect(spotCheckCampaign.items.nodes.map((i) => internal(i.source?.id ?? '')).sort()).toEqual(own.map((s) => s.id).sort());
    const { spotCheckItems } = await feidong.data<{ spotCheckItems: { nodes: { source: { id: string } }[] } }>(
      `query($id: ID!) { spotCheckItems(first: 100, filter: { pending: true, campaignId: $id }) { nodes { source { id } } } }`,
      { id },
    );
    expect(spotCheckItems.nodes.map((n) => internal(n.source.id)).sort()).toEqual(own.map((s) => s.id).sort());
    // The draw itself replays for the county too; sources outside it resolve to null.
    const replay = await feidong.data<{ replayDraw: Replay }>(REPLAY, { id });
    expect(replay.replayDraw.matches).toBe(true);

    // Reading is not running: the county cannot record results of the city's campaign.
    const refused = await feidong.request(RESULT, { input: { itemId: spotCheckCampaign.items.nodes[0].id, result: 'COMPLIANT' } });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Row-level security agrees: as the API role, 肥东县 reads its two checks and nothing else.
    expect(await asAppRole(app, `COUNTY:${feidongId}`, `select source_id from spot_check_item where campaign_id = ${internal(id)} order by source_id`)).toEqual(
      own.map((s) => ({ source_id: s.id })).sort((a, b) => a.source_id - b.source_id),
    );
    const yaohai = await app.as('yaohai');
    const yaohaiView = await yaohai.data<{ spotCheckCampaign: { items: { nodes: Item[] } } }>(ITEMS, { id });
    expect(yaohaiView.spotCheckCampaign.items.nodes.every((i) => i.source?.countyId.code.startsWith('340102'))).toBe(true);
  });

  it('a county runs its own campaign in its county; the conflict rule is configurable', async () => {
    const pool = await officers(feidong);
    const input = { title: '肥东县重点源抽查', population: { supervisionLevels: ['KEY'] }, stratification: 'NONE', sampleSize: 3, inspectorPoolIds: pool };
    const id = await createCampaign(feidong, input);
    // Its own officers all belong to 肥东县: under the default rule none may check its sources.
    const count = async () => (await app.ownerSql<{ n: number }>(`select count(*)::int as n from spot_check_draw`))[0].n;
    const before = await count();
    const conflicted = await feidong.request(DRAW, { input: { campaignId: id } });
    expect(conflicted.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inspectorPoolIds' });
    expect(await count()).toBe(before);

    const free = await createCampaign(feidong, { ...input, conflictRule: 'NONE' });
    const draw = (await feidong.data<{ drawSpotCheck: Draw }>(DRAW, { input: { campaignId: free } })).drawSpotCheck;
    const [{ id: feidongId }] = await app.ownerSql<{ id: number }>(`select id from grid where code = '340122000000'`);
    const keyInCounty = await app.ownerSql<{ n: number }>(`select count(*)::int as n from pollution_source where supervision_level = 'KEY' and status = 'ACTIVE' and county_id = $1`, [feidongId]);
    expect(draw.populationSize).toBe(keyInCounty[0].n);
    expect(draw.sources).toHaveLength(3);
    const yaohai = await app.as('yaohai');
    expect((await yaohai.request(ITEMS, { id: free })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // The inspector pool must be visible to the county: the city's officers are not.
    const foreign = await feidong.request(CREATE, { input: { ...input, inspectorPoolIds: cityPool.slice(0, 40) } });
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inspectorPoolIds' });
  });

  it.each(['cityadmin', 'citydept', 'officer', 'township', 'gridworker', 'operator'])('refuses campaigns to %s', async (login) => {
    const client = await app.as(login);
    const result = await client.request(CREATE, {
      input: { title: '越权抽查', population: {}, stratification: 'NONE', sampleSize: 1, inspectorPoolIds: cityPool.slice(0, 2) },
    });
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('rejects bad input with the field at fault', async () => {
    const both = await inspector.request(CREATE, {
      input: { title: '比例和数量', population: {}, stratification: 'NONE', sampleSize: 1, samplePercent: 5, inspectorPoolIds: cityPool },
    });
    expect(both.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sampleSize' });
    const empty = await createCampaign(inspector, { title: '空总体', population: { industries: ['不存在的行业'] }, stratification: 'NONE', sampleSize: 1, inspectorPoolIds: cityPool });
    const drawn = await inspector.request(DRAW, { input: { campaignId: empty } });
    expect(drawn.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'population' });
  });
});
