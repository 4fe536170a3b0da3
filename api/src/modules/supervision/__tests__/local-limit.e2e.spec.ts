import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { FakeClock } from '../../../common/clock';
import { fromGlobalId } from '../../../common/global-id';
import { runAsSystem } from '../../../context/unit-of-work';
import { beijing, endOf, TEST_CLOCK_START } from '../../../test/time';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { report, seeded, walk, type Seeded } from '../../case/__tests__/workflow-helpers';
import { sweepDeadlines } from '../deadline-sweep.service';

const SWEEP = `mutation { runDeadlineSweep { alerts escalated } }`;

/**
 * 无平台: the county's local limit (本级限时办结) covers a case from report until it is fed back,
 * whatever the step; a level that lets it pass hands the case up (上报上一级网格).
 */
describe('the local limit holds to the end (no platform)', () => {
  const clock = new FakeClock(TEST_CLOCK_START); // Saturday 2026-11-28 09:00 Beijing, the seed's anchor
  let app: TestApp;
  let s: Seeded;
  beforeAll(async () => {
    app = await startTestApp({ clock });
    s = await seeded(app);
  });
  afterAll(() => app.close());

  const sql = <T extends object>(query: string, params: unknown[] = []) => app.ownerOrm.em.fork().execute<T[]>(query, params);
  const sweep = () => runAsSystem(app.ownerOrm, clock, sweepDeadlines);
  const stateOf = async (caseId: number) =>
    (
      await sql<{ status: string; unit: string; lead: number | null; active: number; due_at: string }>(
        `select c.status, g.code as unit, c.lead_department_id as lead, c.due_at,
                (select count(*)::int from case_assignment a where a.case_id = c.id and a.active) as active
         from "case" c join grid g on g.id = c.handling_unit_id where c.id = ?`,
        [caseId],
      )
    )[0];
  const escalations = (caseId: number) => sql<{ from_status: string; to_status: string; actor_role: string | null }>(
    `select from_status, to_status, actor_role from case_event where case_id = ? and action = 'ESCALATE' order by id`,
    [caseId],
  );

  it('the seeded 店埠镇 case, late in its own office with only a 督办, is escalated by the sweep', async () => {
    const [seededCase] = await sql<{ id: number; status: string; due_at: string }>(`select id, status, due_at from "case" where number = '340122-20261127-000001'`);
    expect(['DISPATCHED', 'IN_PROGRESS', 'EXTENSION_REQUESTED']).toContain(seededCase.status);
    // A week on, past even the 5-day handling limit it was given at dispatch.
    clock.set(beijing('2026-12-07T10:00:00'));
    expect(new Date(seededCase.due_at).getTime()).toBeLessThan(clock.now().getTime());

    await sweep();
    expect(await escalations(seededCase.id)).toEqual([{ from_status: seededCase.status, to_status: 'FILED', actor_role: null }]);
    // Escalated, not merely supervised (督办) at the township.
    expect(await sql(`select kind from case_alert where case_id = ? and kind = 'SUPERVISE'`, [seededCase.id])).toEqual([]);
    // The county takes it over as filed: the township office's assignment lapses.
    expect(await stateOf(seededCase.id)).toMatchObject({ status: 'FILED', unit: '340122000000', lead: null, active: 0 });
  });

  it('a township dispatching to its own office keeps the 3-working-day local limit; missing it in progress escalates, once', async () => {
    clock.set(beijing('2026-12-12T09:00:00')); // a Saturday
    const worker = await app.as('gridworker');
    const township = await app.as('township');
    const office = await s.department('340122104000', 'TOWNSHIP_OFFICE');
    const reported = await report(worker, { gridId: s.village, categoryId: s.dust });
    const id = fromGlobalId('Case', reported.id);
    const filed = await walk(township, 'FILE', reported);
    const dispatched = await walk(township, 'DISPATCH', filed, { departmentIds: [office] });
    const accepted = await walk(township, 'ACCEPT', dispatched);
    expect(accepted.status).toBe('IN_PROGRESS');
    // Reported Saturday: Monday, Tuesday, Wednesday. Not the 5-day handling limit counted from dispatch.
    expect(new Date((await stateOf(id)).due_at).toISOString()).toBe(endOf('2026-12-16'));

    clock.set(beijing('2026-12-16T10:00:00'));
    await sweep();
    expect((await sql<{ kind: string; unit: string }>(`select a.kind, g.code as unit from case_alert a join grid g on g.id = a.handling_unit_id where a.case_id = ?`, [id]))).toEqual([
      { kind: 'URGE', unit: '340122104000' },
    ]);

    clock.set(beijing('2026-12-17T09:00:00'));
    // The scheduled sweep and the administrator's run at the same moment: one escalation.
    const city = await app.as('cityadmin');
    const [scheduled, onDemand] = await Promise.all([sweep(), city.data<{ runDeadlineSweep: { alerts: number; escalated: number } }>(SWEEP)]);
    expect(scheduled.escalated + onDemand.runDeadlineSweep.escalated).toBeGreaterThanOrEqual(1);
    expect(await escalations(id)).toEqual([{ from_status: 'IN_PROGRESS', to_status: 'FILED', actor_role: null }]);
    const after = await stateOf(id);
    expect(after).toMatchObject({ status: 'FILED', unit: '340122000000', lead: null, active: 0 });
    // The county's own local limit, from the escalation.
    expect(new Date(after.due_at).getTime()).toBeGreaterThan(clock.now().getTime());

    // 肥东县 dispatches to its bureau; the township still follows its case there.
    const feidong = await app.as('feidong');
    const [county] = await sql<{ version: number }>(`select version from "case" where id = ?`, [id]);
    const bureau = await s.department('340122000000', 'URBAN_MANAGEMENT');
    await walk(feidong, 'DISPATCH', { id: reported.id, version: county.version }, { departmentIds: [bureau] });
    const seen = await township.data<{ case: { status: string; handlingUnit: { code: string } | null; leadDepartment: { name: string } | null; events: { nodes: { action: string }[] } } }>(
      `query($id: ID!) { case(id: $id) { status handlingUnit { code } leadDepartment { name } events(first: 50) { nodes { action } } } }`,
      { id: reported.id },
    );
    expect(seen.case).toMatchObject({ status: 'DISPATCHED', handlingUnit: { code: '340122000000' }, leadDepartment: { name: '肥东县城管局' } });
    expect(seen.case.events.nodes.map((e) => e.action)).toEqual(['REPORT', 'FILE', 'DISPATCH', 'ACCEPT', 'ESCALATE', 'DISPATCH']);
  });

  it('the sweep on demand: a city administrator only, with counts; twice or with the scheduled one, each alert and escalation once', async () => {
    const township = await app.as('township');
    const refused = await township.request(SWEEP);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    clock.set(beijing('2026-12-28T09:00:00'));
    const city = await app.as('cityadmin');
    const alertsBefore = await sql<{ n: number }>(`select count(*)::int as n from case_alert`);
    const eventsBefore = await sql<{ n: number }>(`select count(*)::int as n from case_event where action = 'ESCALATE'`);
    const [first, second, scheduled] = await Promise.all([city.data<{ runDeadlineSweep: { alerts: number; escalated: number } }>(SWEEP), city.data<{ runDeadlineSweep: { alerts: number; escalated: number } }>(SWEEP), sweep()]);
    const alerts = first.runDeadlineSweep.alerts + second.runDeadlineSweep.alerts + scheduled.alerts;
    const escalated = first.runDeadlineSweep.escalated + second.runDeadlineSweep.escalated + scheduled.escalated;
    expect(alerts + escalated).toBeGreaterThan(0);
    // What the three runs report is exactly what was written: nothing twice.
    const [{ n: alertsAfter }] = await sql<{ n: number }>(`select count(*)::int as n from case_alert`);
    const [{ n: eventsAfter }] = await sql<{ n: number }>(`select count(*)::int as n from case_event where action = 'ESCALATE'`);
    expect(alertsAfter - alertsBefore[0].n).toBe(alerts);
    expect(eventsAfter - eventsBefore[0].n).toBe(escalated);
    const [{ n: doubled }] = await sql<{ n: number }>(`select count(*)::int as n from (select case_id, kind, due_at from case_alert group by 1, 2, 3 having count(*) > 1) d`);
    expect(doubled).toBe(0);
    // A further run repeats nothing: it only urges cases those runs escalated onto a deadline
    // within a day (a pass never revisits what it escalated), and after it nothing is left.
    const [{ n: lastAlert }] = await sql<{ n: number }>(`select coalesce(max(id), 0)::int as n from case_alert`);
    const again = (await city.data<{ runDeadlineSweep: { alerts: number; escalated: number } }>(SWEEP)).runDeadlineSweep;
    expect(again.escalated).toBe(0);
    const fresh = await sql<{ kind: string; escalated_now: boolean }>(
      `select a.kind, exists (select 1 from case_event e where e.case_id = a.case_id and e.action = 'ESCALATE' and e.at = ?) as escalated_now from case_alert a where a.id > ?`,
      [clock.now(), lastAlert],
    );
    expect(fresh).toHaveLength(again.alerts);
    expect(fresh.every((a) => a.kind === 'URGE' && a.escalated_now)).toBe(true);
    expect(await sweep()).toEqual({ alerts: 0, escalated: 0 });
  });

  it('pnpm sweep: the same pass from the command line, at the configured clock; two at once raise each alert and escalation once', async () => {
    const at = beijing('2027-01-11T09:00:00');
    const cli = () =>
      promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'src/cli/sweep.ts'], {
        cwd: path.resolve(__dirname, '../../../..'),
        env: { ...process.env, DATABASE_URL: app.databaseUrl, GRIDWATCH_CLOCK_START: at.toISOString() },
      });
    const counts = (out: string) => /(\d+) alerts raised, (\d+) cases escalated/.exec(out)!.slice(1).map(Number);
    const count = async (query: string) => (await sql<{ n: number }>(query))[0].n;
    const ALERTS = `select count(*)::int as n from case_alert`;
    const ESCALATIONS = `select count(*)::int as n from case_event where action = 'ESCALATE'`;
    const [alertsBefore, escalationsBefore] = [await count(ALERTS), await count(ESCALATIONS)];
    const [one, two] = (await Promise.all([cli(), cli()])).map((run) => counts(run.stdout));
    expect(one[0] + one[1] + two[0] + two[1]).toBeGreaterThan(0);
    // What the two runs report is exactly what was written.
    expect((await count(ALERTS)) - alertsBefore).toBe(one[0] + two[0]);
    expect((await count(ESCALATIONS)) - escalationsBefore).toBe(one[1] + two[1]);
    // No case went up twice from the same unit, no alert was raised twice for the same deadline.
    expect(await count(`select count(*)::int as n from (select 1 from case_event where action = 'ESCALATE' group by case_id, details->>'fromUnitId' having count(*) > 1) d`)).toBe(0);
    expect(await count(`select count(*)::int as n from (select 1 from case_alert group by case_id, kind, due_at having count(*) > 1) d`)).toBe(0);
  });
});
