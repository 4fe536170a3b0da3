// Usage: start the API (README first line, or PORT=4100 with GRIDWATCH_DATA_DIR on a fresh directory),
// then `API=http://127.0.0.1:4000/graphql node docs/examples/supervision-demo.mjs`.
// Runs the issue-5 "done when" against a running API and prints what the API returns.
const url = process.env.API ?? 'http://127.0.0.1:4100/graphql';
async function client(login) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation($l:String!,$p:String!){signIn(login:$l,password:$p){role}}', variables: { l: login, p: 'gridwatch' } }) });
  const cookie = res.headers.get('set-cookie').split(';')[0];
  return async (query, variables = {}) => {
    const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
    const j = await r.json();
    if (j.errors) throw new Error(JSON.stringify(j.errors));
    return j.data;
  };
}
const inspector = await client('inspector');
const officers = (await inspector('{ officers(first: 100) { nodes { id } } }')).officers.nodes.map((o) => o.id);
const { createSpotCheckCampaign: c } = await inspector(`mutation($i: CreateSpotCheckCampaignInput!){ createSpotCheckCampaign(input:$i){ id title } }`, {
  i: { title: `2026年重点污染源双随机抽查 ${Date.now()}`, population: { supervisionLevels: ['KEY'] }, stratification: 'UNIT', sampleSize: 1, inspectorPoolIds: officers, inspectorsPerSource: 2, conflictRule: 'SAME_COUNTY' },
});
const drawFields = `drawNo seed algorithm populationSize snapshotDigest sources { stratum sourceId source { name creditCode grid { code name } } inspectorIds }`;
const { drawSpotCheck: draw } = await inspector(`mutation($i: DrawSpotCheckInput!){ drawSpotCheck(input:$i){ ${drawFields} } }`, { i: { campaignId: c.id, seed: 20151231 } });
const { replayDraw: replay } = await inspector(`query($id: ID!){ replayDraw(campaignId:$id, drawNo: 1){ matches snapshotMatches sources { sourceId inspectorIds } } }`, { id: c.id });
console.log(JSON.stringify({ campaign: c, draw, replay: { matches: replay.matches, snapshotMatches: replay.snapshotMatches, sameSources: JSON.stringify(replay.sources.map((s) => [s.sourceId, s.inspectorIds])) === JSON.stringify(draw.sources.map((s) => [s.sourceId, s.inspectorIds])) } }, null, 1));

const feidong = await client('feidong');
const county = (await feidong('{ gridByCode(code: "340122000000") { id name } }')).gridByCode;
const input = { period: '2026-10', subjectType: 'GRID_WORKER', unitId: county.id };
const table = (await feidong(`query($i: AssessmentInput!){ assessment(input:$i){ period rankBy indicators { code name version } rows { subjectId subjectName rank values { code value } measures { code value } } } }`, { i: input })).assessment;
const ranked = table.rows.filter((r) => r.rank !== null);
console.log(JSON.stringify({ period: table.period, rankBy: table.rankBy, indicators: table.indicators.map((i) => `${i.code} ${i.name} v${i.version}`), rows: table.rows.length, ranked: ranked.length }));
const codes = ['CLOSE_RATE', 'ONTIME_CLOSE_RATE', 'REWORK_RATE', 'EXTENSION_RATE', 'VALID_REPORT_RATE', 'ONTIME_VERIFY_RATE', 'PATROL_COMPLETION_RATE', 'ACTIVE_RATE', 'COMPOSITE'];
console.log(['rank', 'name', ...codes, 'due', 'closed', 'patrols'].join('\t'));
for (const r of table.rows.slice(0, 12)) {
  const v = (c) => r.values.find((x) => x.code === c)?.value ?? '–';
  const m = (c) => r.measures.find((x) => x.code === c)?.value ?? 0;
  console.log([r.rank ?? '–', r.subjectName, ...codes.map(v), m('due'), m('closed'), `${m('patrols_done')}/${m('patrols_required')}`].join('\t'));
}
const target = ranked[ranked.length - 1] ?? table.rows[0];
const drill = (await feidong(`query($i: AssessmentDrillDownInput!){ assessmentDrillDown(input:$i){ measure caseCount cases(first: 5) { number status closedAt grid { name } } } }`, { i: { ...input, subjectId: target.subjectId, measure: 'due' } }).catch((e) => ({ error: e.message })));
console.log(JSON.stringify({ drillDownOf: target.subjectName, drill }, null, 1));
const patrolDrill = (await feidong(`query($i: AssessmentDrillDownInput!){ assessmentDrillDown(input:$i){ measure patrolPlanIds } }`, { i: { ...input, period: '2026-11', subjectId: target.subjectId, measure: 'patrols_done' } }));
console.log(JSON.stringify({ patrolDrillNovember: patrolDrill }));

const nov = (await feidong(`query($i: AssessmentInput!){ assessment(input:$i){ rows { subjectName rank values { code value } measures { code value } } } }`, { i: { ...input, period: '2026-11', rankBy: 'PATROL_COMPLETION_RATE' } })).assessment;
console.log('2026-11 ranked by PATROL_COMPLETION_RATE, first 8 and last 3 of', nov.rows.length);
for (const r of [...nov.rows.slice(0, 8), ...nov.rows.slice(-3)]) {
  const v = (c) => r.values.find((x) => x.code === c)?.value ?? '–';
  const m = (c) => r.measures.find((x) => x.code === c)?.value ?? 0;
  console.log([r.rank ?? '–', r.subjectName, v('PATROL_COMPLETION_RATE'), `${m('patrols_done')}/${m('patrols_required')}`, v('CLOSE_RATE'), v('COMPOSITE')].join('\t'));
}
