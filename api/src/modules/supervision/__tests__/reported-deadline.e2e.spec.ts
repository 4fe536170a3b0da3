import { FakeClock } from '../../../common/clock';
import { fromGlobalId } from '../../../common/global-id';
import { runAsSystem } from '../../../context/unit-of-work';
import { beijing, TEST_CLOCK_START } from '../../../test/time';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { report, seeded, type Seeded } from '../../case/__tests__/workflow-helpers';
import { sweepDeadlines } from '../deadline-sweep.service';

const CASES = `query($filter: CaseFilter) { cases(first: 100, filter: $filter) { totalCount nodes { id status dueAt handlingUnit { code } } } }`;
type Listed = { cases: { totalCount: number; nodes: { id: string; status: string; dueAt: string | null; handlingUnit: { code: string } | null }[] } };

/** Filing has a time limit (立卷时限): a report waits no longer than any other step. */
describe('reports that wait to be filed (已上报)', () => {
  const clock = new FakeClock(TEST_CLOCK_START); // Saturday 2026-11-28 09:00 Beijing, the seed's anchor
  let app: TestApp;
  let s: Seeded;
  beforeAll(async () => {
    app = await startTestApp({ clock });
    s = await seeded(app);
  });
  afterAll(() => app.close());

  const sql = <T extends object>(query: string, params: unknown[] = []) => app.ownerOrm.em.fork().execute<T[]>(query, params);
  const alertsOf = async (caseId: number) => (await sql<{ kind: string }>(`select kind from case_alert where case_id = ? order by id`, [caseId])).map((a) => a.kind);
  const sweep = () => runAsSystem(app.ownerOrm, clock, sweepDeadlines);

  it('every seeded report has a deadline, old ones are overdue and sit in the receiving unit’s queue', async () => {
    const feidong = await app.as('feidong');
    const county = await s.grid('340122000000');
    const all = await feidong.data<Listed>(CASES, { filter: { withinId: county, status: ['REPORTED'] } });
    expect(all.cases.totalCount).toBeGreaterThan(0);
    expect(all.cases.nodes.filter((c) => c.dueAt === null)).toEqual([]);
    const late = await feidong.data<Listed>(CASES, { filter: { withinId: county, status: ['REPORTED'], due: 'OVERDUE' } });
    expect(late.cases.totalCount).toBeGreaterThan(0);

    // 本单位待办: the township that must file them (肥东县 has no platform) sees them among its own work, late.
    const township = await app.as('township');
    const unit = await s.grid('340122104000');
    const queue = await township.data<Listed>(CASES, { filter: { handlingUnitId: unit, status: ['REPORTED'], due: 'OVERDUE' } });
    expect(queue.cases.totalCount).toBeGreaterThan(0);
    expect(new Set(queue.cases.nodes.map((c) => c.handlingUnit?.code))).toEqual(new Set(['340122104000']));
  });

  it('a late report is urged, supervised and noticed on the platform path, and escalated without a platform; legacy reports get their clock', async () => {
    const now = clock.now();
    // A seeded report the township never filed, past its local limit.
    const [local] = await sql<{ id: number }>(
      `select c.id from "case" c join grid g on g.id = c.handling_unit_id where c.status = 'REPORTED' and g.code = '340122104000' and c.due_at < ? order by c.id limit 1`,
      [now],
    );
    // A seeded report the 瑶海区 platform never filed, and one written before filing had a clock.
    const [platform, legacy] = await sql<{ id: number }>(
      `select c.id from "case" c join grid g on g.id = c.handling_unit_id where c.status = 'REPORTED' and c.via_platform and g.code = '340102000000' and c.due_at < ? order by c.id limit 2`,
      [new Date(now.getTime() - 10 * 86_400_000)],
    );
    await sql(`update "case" set due_at = null, due_basis_at = null, due_basis_days = null where id = ?`, [legacy.id]);
    // A fresh report to the platform: one working day to file, counted from Monday.
    const fresh = await report(await app.as('operator'), { gridId: s.yaohaiGrid, categoryId: s.dust });
    const freshId = fromGlobalId('Case', fresh.id);

    // Two replicas at once: each clock, escalation and alert happens once.
    await Promise.all([sweep(), sweep()]);
    expect(await sql(`select action, actor_role from case_event where case_id = ? and action = 'ESCALATE'`, [local.id])).toEqual([{ action: 'ESCALATE', actor_role: null }]);
    const [escalated] = await sql<{ code: string; due_at: string }>(`select g.code, c.due_at from "case" c join grid g on g.id = c.handling_unit_id where c.id = ?`, [local.id]);
    expect(escalated.code).toBe('340122000000');
    expect(new Date(escalated.due_at).getTime()).toBeGreaterThan(now.getTime());
    expect(await alertsOf(platform.id)).toEqual(['SUPERVISE', 'NOTICE']);
    const [clocked] = await sql<{ due_at: Date | null }>(`select due_at from "case" where id = ?`, [legacy.id]);
    expect(clocked.due_at).not.toBeNull();
    expect(await alertsOf(legacy.id)).toEqual(['SUPERVISE', 'NOTICE']);
    expect(await alertsOf(freshId)).toEqual([]);

    clock.set(beijing('2026-11-30T10:00:00')); // Monday, its last day
    await sweep();
    expect(await alertsOf(freshId)).toEqual(['URGE']);
    clock.set(beijing('2026-12-01T10:00:00'));
    await sweep();
    expect(await alertsOf(freshId)).toEqual(['URGE', 'SUPERVISE']);
    clock.set(beijing('2026-12-04T10:00:00')); // three working days late
    await sweep();
    expect(await alertsOf(freshId)).toEqual(['URGE', 'SUPERVISE', 'NOTICE']);
    // The county, in turn, lets it wait: up to the city.
    const [{ code }] = await sql<{ code: string }>(`select g.code from "case" c join grid g on g.id = c.handling_unit_id where c.id = ?`, [local.id]);
    expect(code).toBe('340100000000');
  });
});
