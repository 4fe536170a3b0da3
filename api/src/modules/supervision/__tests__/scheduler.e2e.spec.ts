import { Logger, quickAddJob, runOnce } from 'graphile-worker';
import { FakeClock } from '../../../common/clock';
import { fromGlobalId } from '../../../common/global-id';
import { DEADLINE_SWEEP, schedulerTasks } from '../../../scheduler/scheduler';
import { runAsSystem } from '../../../context/unit-of-work';
import { beijing } from '../../../test/time';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { report, walk, seeded, type Seeded } from '../../case/__tests__/workflow-helpers';
import { sweepDeadlines } from '../deadline-sweep.service';

const HOUR = 3_600_000;

describe('deadline scheduler (fake clock)', () => {
  const clock = new FakeClock(beijing('2026-03-02T09:00:00')); // a Monday
  let app: TestApp;
  let s: Seeded;
  let dust: string;

  beforeAll(async () => {
    app = await startTestApp({ clock });
    s = await seeded(app);
    dust = s.dust;
  });
  afterAll(() => app.close());

  const alertsOf = async (caseId: string) =>
    app.ownerOrm.em.fork().execute<{ kind: string; unit: string }[]>(
      `select a.kind, g.code as unit from case_alert a left join grid g on g.id = a.handling_unit_id where a.case_id = ? order by a.id`,
      [fromGlobalId('Case', caseId)],
    );
  /** Two replicas sweeping at the same moment. */
  const sweepTwice = () => Promise.all([runAsSystem(app.ownerOrm, clock, sweepDeadlines), runAsSystem(app.ownerOrm, clock, sweepDeadlines)]);

  it('a month in milliseconds: urge, escalate up the grid, supervise and notify — each exactly once, even with two replicas', async () => {
    const village = s.village;
    const yaohai = s.yaohaiGrid;
    const bureau = await s.department('340102000000', 'URBAN_MANAGEMENT');
    const local = await report(await app.as('gridworker'), { gridId: village, categoryId: dust });
    const operator = await app.as('operator');
    const platform = await walk(operator, 'DISPATCH', await walk(operator, 'FILE', await report(operator, { gridId: yaohai, categoryId: dust })), { departmentIds: [bureau] });

    for (let step = 0; step < 30 * 4; step++) {
      clock.advance(6 * HOUR);
      await sweepTwice();
    }

    // No platform: 3 working days per level, then up one level; at the city it is supervised and notified.
    expect(await alertsOf(local.id)).toEqual([
      { kind: 'URGE', unit: '340122104000' },
      { kind: 'URGE', unit: '340122000000' },
      { kind: 'URGE', unit: '340100000000' },
      { kind: 'SUPERVISE', unit: '340100000000' },
      { kind: 'NOTICE', unit: '340100000000' },
    ]);
    const escalations = await app.ownerOrm.em.fork().execute<{ actor_role: string | null; reason: string }[]>(
      `select actor_role, reason from case_event where case_id = ? and action = 'ESCALATE' order by id`,
      [fromGlobalId('Case', local.id)],
    );
    expect(escalations).toHaveLength(2);
    expect(escalations.every((e) => e.actor_role === null && /自动上报/.test(e.reason))).toBe(true);

    // Platform: handled by the department, never fed back.
    expect((await alertsOf(platform.id)).map((a) => a.kind)).toEqual(['URGE', 'SUPERVISE', 'NOTICE']);
    // Nothing left to do, however often it runs.
    expect(await sweepTwice()).toEqual([{ alerts: 0, escalated: 0 }, { alerts: 0, escalated: 0 }]);
  });

  it('runs as a graphile-worker job: one job per key however many replicas enqueue it', async () => {
    const operator = await app.as('operator');
    const yaohai = s.yaohaiGrid;
    const kase = await report(operator, { gridId: yaohai, categoryId: dust });
    clock.advance(10 * 24 * HOUR);
    const options = { connectionString: app.databaseUrl, logger: new Logger(() => () => undefined) };
    await quickAddJob(options, DEADLINE_SWEEP, {}, { jobKey: DEADLINE_SWEEP });
    await quickAddJob(options, DEADLINE_SWEEP, {}, { jobKey: DEADLINE_SWEEP });
    const [{ n }] = await app.ownerOrm.em.fork().execute<{ n: number }[]>(`select count(*)::int as n from graphile_worker.jobs where task_identifier = ?`, [DEADLINE_SWEEP]);
    expect(n).toBe(1);
    await runOnce({ ...options, taskList: schedulerTasks(app.ownerOrm, clock) });
    expect((await alertsOf(kase.id)).map((a) => a.kind)).toEqual(['SUPERVISE', 'NOTICE']);
  });
});
