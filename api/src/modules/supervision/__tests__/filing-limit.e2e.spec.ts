import { FakeClock } from '../../../common/clock';
import { fromGlobalId } from '../../../common/global-id';
import { runAsSystem } from '../../../context/unit-of-work';
import { beijing, endOf, TEST_CLOCK_START } from '../../../test/time';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';
import { report, seeded, type Seeded } from '../../case/__tests__/workflow-helpers';
import { sweepDeadlines } from '../deadline-sweep.service';

const SET = `mutation($input: SetTimeLimitInput!) { setTimeLimit(input: $input) { step level amount unit } }`;
/** 本单位待办 as the console asks for it (handlingUnitId + the open statuses), narrowed to one case by its number. */
const QUEUE = `query($unit: ID!, $number: String!) { cases(first: 10, filter: { handlingUnitId: $unit, status: [REPORTED, FILED, DISPATCHED, IN_PROGRESS, EXTENSION_REQUESTED, FED_BACK, PARKED], number: $number }) { nodes { id dueAt } } }`;

/** 立卷时限 per level (分级): an unfiled report is urged, then escalated (no platform) or supervised (platform). */
describe('filing has a time limit per level', () => {
  const clock = new FakeClock(TEST_CLOCK_START); // Saturday 2026-11-28 09:00 Beijing
  let app: TestApp;
  let s: Seeded;
  beforeAll(async () => {
    app = await startTestApp({ clock });
    s = await seeded(app);
  });
  afterAll(() => app.close());

  const sql = <T extends object>(query: string, params: unknown[] = []) => app.ownerOrm.em.fork().execute<T[]>(query, params);
  const sweep = () => runAsSystem(app.ownerOrm, clock, sweepDeadlines);
  const alertsOf = (id: number) => sql<{ kind: string; unit: string }>(`select a.kind, g.code as unit from case_alert a join grid g on g.id = a.handling_unit_id where a.case_id = ? order by a.id`, [id]);
  const unitOf = async (id: number) => (await sql<{ code: string; status: string }>(`select g.code, c.status from "case" c join grid g on g.id = c.handling_unit_id where c.id = ?`, [id]))[0];
  const inQueue = async (client: GraphQLClient, unitCode: string, kase: { id: string; number: string }) =>
    (await client.data<{ cases: { nodes: { id: string; dueAt: string }[] } }>(QUEUE, { unit: await s.grid(unitCode), number: kase.number })).cases.nodes.find((c) => c.id === kase.id) ?? null;

  it('the city sets the filing limit per level; the settings list it; only the city may', async () => {
    const city = await app.as('cityadmin');
    expect((await city.data<{ setTimeLimit: unknown }>(SET, { input: { step: 'FILE', level: 'TOWNSHIP', amount: 2, unit: 'WORKING_DAYS' } })).setTimeLimit).toEqual({
      step: 'FILE', level: 'TOWNSHIP', amount: 2, unit: 'WORKING_DAYS',
    });
    await city.data(SET, { input: { step: 'FILE', level: 'COUNTY', amount: 4, unit: 'HOURS' } });
    // Setting the same key again changes the row, no second one.
    await city.data(SET, { input: { step: 'FILE', level: 'COUNTY', amount: 4, unit: 'HOURS' } });
    const { timeLimits } = await city.data<{ timeLimits: { step: string; level: string | null; amount: number; unit: string; source: string }[] }>(
      `{ timeLimits { step level amount unit source } }`,
    );
    expect(timeLimits.filter((t) => t.step === 'FILE' && t.level)).toEqual([
      { step: 'FILE', level: 'TOWNSHIP', amount: 2, unit: 'WORKING_DAYS', source: 'OVERRIDE' },
      { step: 'FILE', level: 'COUNTY', amount: 4, unit: 'HOURS', source: 'OVERRIDE' },
    ]);
    const refused = await (await app.as('feidong')).request(SET, { input: { step: 'FILE', level: 'TOWNSHIP', amount: 9, unit: 'WORKING_DAYS' } });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('no platform: an unfiled report waits in the township’s queue on the township’s limit, is urged, then goes up and waits on the county’s', async () => {
    const township = await app.as('township');
    const feidong = await app.as('feidong');
    const reported = await report(await app.as('gridworker'), { gridId: s.village, categoryId: s.dust });
    const id = fromGlobalId('Case', reported.id);
    // Saturday's report: two working days, Monday and Tuesday.
    expect(await inQueue(township, '340122104000', reported)).toEqual({ id: reported.id, dueAt: endOf('2026-12-01') });

    clock.set(beijing('2026-12-01T10:00:00'));
    await sweep();
    expect(await alertsOf(id)).toEqual([{ kind: 'URGE', unit: '340122104000' }]);

    clock.set(beijing('2026-12-02T09:00:00'));
    await sweep();
    expect(await unitOf(id)).toEqual({ code: '340122000000', status: 'REPORTED' });
    // Now the county must file it, within its own four hours; it is in the county's queue, no longer the township's.
    expect(await inQueue(feidong, '340122000000', reported)).toEqual({ id: reported.id, dueAt: beijing('2026-12-02T13:00:00').toISOString() });
    expect(await inQueue(township, '340122104000', reported)).toBeNull();

    clock.set(beijing('2026-12-02T12:00:00'));
    await sweep();
    clock.set(beijing('2026-12-02T14:00:00'));
    await sweep();
    expect(await alertsOf(id)).toEqual([
      { kind: 'URGE', unit: '340122104000' },
      { kind: 'URGE', unit: '340122000000' },
    ]);
    expect(await unitOf(id)).toEqual({ code: '340100000000', status: 'REPORTED' });
  });

  it('with a platform: a late filing is supervised where it is, never escalated', async () => {
    clock.set(beijing('2026-12-05T09:00:00')); // Saturday again
    const operator = await app.as('operator');
    const reported = await report(operator, { gridId: s.yaohaiGrid, categoryId: s.dust });
    const id = fromGlobalId('Case', reported.id);
    expect(await inQueue(operator, '340102000000', reported)).toEqual({ id: reported.id, dueAt: beijing('2026-12-05T13:00:00').toISOString() });
    clock.set(beijing('2026-12-05T12:00:00'));
    await sweep();
    clock.set(beijing('2026-12-05T14:00:00'));
    await sweep();
    expect(await alertsOf(id)).toEqual([
      { kind: 'URGE', unit: '340102000000' },
      { kind: 'SUPERVISE', unit: '340102000000' },
    ]);
    expect(await unitOf(id)).toEqual({ code: '340102000000', status: 'REPORTED' });
  });
});
