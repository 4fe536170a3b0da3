import { startTestApp, type TestApp } from '../../../test/test-app';

/** Row-level security alone (the CASL scope filter off) still bounds patrols, plans and tasks. */
describe('plans, patrols and tasks under row-level security only', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ withoutScopeFilter: true });
  });
  afterAll(() => app.close());

  const countyId = async (code: string) => (await app.ownerSql<{ id: number }>(`select id from grid where code = $1`, [code]))[0].id;

  it('a county sees its own patrol plans and check-ins, never a sibling county', async () => {
    const feidong = await countyId('340122000000');
    const [expected] = await app.ownerSql<{ plans: number; checkins: number }>(
      `select (select count(*)::int from patrol_plan where county_id = $1 and month = '2026-11-01') as plans,
              (select count(*)::int from patrol_check_in where county_id = $1) as checkins`,
      [feidong],
    );
    const client = await app.as('feidong');
    const seen = await client.data<{ patrolPlans: { totalCount: number }; patrolCheckIns: { totalCount: number } }>(
      `{ patrolPlans(first: 1, filter: { month: "2026-11" }) { totalCount } patrolCheckIns(first: 1) { totalCount } }`,
    );
    expect(expected.plans).toBeGreaterThan(0);
    expect(seen).toEqual({ patrolPlans: { totalCount: expected.plans }, patrolCheckIns: { totalCount: expected.checkins } });
  });

  it('plans of the units above are readable, not writable; a sibling county’s are invisible', async () => {
    const city = await app.as('cityadmin');
    const cityPlan = await city.data<{ createEnforcementPlan: { id: string } }>(
      `mutation { createEnforcementPlan(input: { kind: ANNUAL, year: 2027, title: "全市2027年度执法计划" }) { id } }`,
    );
    const yaohaiPlan = await (await app.as('yaohai')).data<{ createEnforcementPlan: { id: string } }>(
      `mutation { createEnforcementPlan(input: { kind: ANNUAL, year: 2027, title: "瑶海区2027年度执法计划" }) { id } }`,
    );
    const township = await app.as('township');
    const listed = await township.data<{ enforcementPlans: { nodes: { id: string }[] } }>(`{ enforcementPlans(first: 20) { nodes { id } } }`);
    expect(listed.enforcementPlans.nodes.map((n) => n.id)).toEqual([cityPlan.createEnforcementPlan.id]);
    expect(yaohaiPlan.createEnforcementPlan.id).not.toBe(cityPlan.createEnforcementPlan.id);
    // Writing a line into the city's plan is refused by the instance check, not only hidden.
    const [{ id: village }] = await app.ownerSql<{ id: number }>(`select id from grid where code = '340122104008'`);
    const attempt = await township.request(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, {
      input: { planId: cityPlan.createEnforcementPlan.id, title: 'x', gridId: Buffer.from(`Grid:${village}`).toString('base64url') },
    });
    expect(attempt.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
