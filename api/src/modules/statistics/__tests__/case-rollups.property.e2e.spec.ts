import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { Client } from 'pg';
import { FakeClock } from '../../../common/clock';
import { toGlobalId } from '../../../common/global-id';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { TEST_CLOCK_START } from '../../../test/time';

/**
 * The rollups equal a live recount after random transitions. Every way a case changes (the
 * workflow, the scheduler, an operator's SQL) goes through the case table's trigger, so the
 * walk drives the table directly: status with its closing stamp, deadline, category, grid
 * (with the grid's scope columns), report time, new cases and deleted ones, one case or several
 * per statement. ROLLUP_TRANSITIONS sets how many (default 10,000, the count).
 */
const TRANSITIONS = Number(process.env.ROLLUP_TRANSITIONS ?? 10_000);
const PER_RUN = 250;
const STATUSES = ['REPORTED', 'FILED', 'CANCELLED', 'DISPATCHED', 'IN_PROGRESS', 'FED_BACK', 'CLOSED', 'EVALUATED', 'PARKED'];

/** The rollups as counted by the trigger, and the same counts taken from the cases now. */
const COMPARISONS: [name: string, rollup: string, recount: string][] = [
  [
    'per unit of the path × status × category',
    `select unit_id, status::text, category_id, sum(cases)::int as cases, sum(closed)::int as closed, sum(dated)::int as dated
     from case_rollup group by 1, 2, 3 having sum(cases) <> 0 or sum(closed) <> 0 or sum(dated) <> 0`,
    `select u as unit_id, c.status::text, c.category_id, count(*)::int as cases, count(*) filter (where c.closed_at is not null)::int as closed,
            count(*) filter (where c.due_at is not null)::int as dated
     from "case" c cross join lateral (select distinct u from unnest(array[c.city_id, c.county_id, c.township_id, c.grid_id]) u where u is not null) p
     group by 1, 2, 3`,
  ],
  [
    'per unit of the path × status × category × deadline day',
    `select unit_id, status::text, category_id, due_day::text, sum(cases)::int as cases from case_rollup_due group by 1, 2, 3, 4 having sum(cases) <> 0`,
    `select u as unit_id, c.status::text, c.category_id, (c.due_at at time zone 'Asia/Shanghai')::date::text as due_day, count(*)::int as cases
     from "case" c cross join lateral (select distinct u from unnest(array[c.city_id, c.county_id, c.township_id, c.grid_id]) u where u is not null) p
     where c.due_at is not null group by 1, 2, 3, 4`,
  ],
  [
    'on the case’s own grid',
    `select unit_id, status::text, sum(cases)::int as cases from case_rollup where own group by 1, 2 having sum(cases) <> 0`,
    `select grid_id as unit_id, status::text, count(*)::int as cases from "case" group by 1, 2`,
  ],
  [
    'the unit above on the path',
    `select unit_id, parent_id, sum(cases)::int as cases from case_rollup group by 1, 2 having sum(cases) <> 0`,
    `select u as unit_id, lag(u) over (partition by c.id order by n) as parent_id, c.id
     from "case" c cross join lateral (select u, min(n) as n from unnest(array[c.city_id, c.county_id, c.township_id, c.grid_id]) with ordinality p(u, n)
                                       where u is not null group by u) p`,
  ],
  [
    'per day reported and day closed',
    `select unit_id, status::text, category_id, day::text, kind, sum(cases)::int as cases from case_rollup_day group by 1, 2, 3, 4, 5 having sum(cases) <> 0`,
    `select u as unit_id, c.status::text, c.category_id, d.day::text, d.kind, count(*)::int as cases
     from "case" c cross join lateral (select distinct u from unnest(array[c.city_id, c.county_id, c.township_id, c.grid_id]) u where u is not null) p
     cross join lateral (values ((c.reported_at at time zone 'Asia/Shanghai')::date, 'R'), ((c.closed_at at time zone 'Asia/Shanghai')::date, 'C')) d(day, kind)
     where d.day is not null group by 1, 2, 3, 4, 5`,
  ],
];

type Op =
  | { kind: 'status'; pick: number; width: number; status: string; closedHoursAgo: number | null }
  | { kind: 'due'; pick: number; hours: number | null }
  | { kind: 'category'; pick: number; category: number }
  | { kind: 'grid'; pick: number; grid: number }
  | { kind: 'reported'; pick: number; hours: number }
  | { kind: 'twice'; pick: number; first: string; then: string }
  | { kind: 'copy'; pick: number }
  | { kind: 'delete'; pick: number };

describe('case rollups: equal to a recount after random transitions', () => {
  const clock = new FakeClock(TEST_CLOCK_START);
  let app: TestApp;
  let db: Client;

  beforeAll(async () => {
    app = await startTestApp({ clock });
    db = new Client(app.databaseUrl);
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await app.close();
  });

  async function expectRecounted(): Promise<void> {
    const sorted = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r)).sort();
    for (const [name, rollup, recount] of COMPARISONS) {
      const truth = name === 'the unit above on the path'
        ? `select unit_id, parent_id, count(*)::int as cases from (${recount}) t group by 1, 2`
        : recount;
      const [kept, counted] = await Promise.all([db.query(rollup), db.query(truth)]);
      expect({ name, rows: sorted(kept.rows) }).toEqual({ name, rows: sorted(counted.rows) });
    }
    const negative = await db.query(
      `select 1 from case_rollup where cases < 0 or closed < 0 or dated < 0 union all select 1 from case_rollup_due where cases < 0 union all select 1 from case_rollup_day where cases < 0`,
    );
    expect(negative.rowCount).toBe(0);
  }

  it('the seeded rollups (rebuilt at the end of the load) equal a recount', async () => {
    await expectRecounted();
  });

  it('the workflow’s own steps keep them (filing through the API)', async () => {
    const operator = await app.as('operator');
    const reported = await app.ownerSql<{ id: number; version: number }>(
      `select c.id, c.version from "case" c join grid g on g.id = c.county_id where g.code = '340102000000' and c.status = 'REPORTED' order by c.id limit 5`,
    );
    expect(reported.length).toBeGreaterThan(0);
    for (const c of reported) {
      await operator.data(`mutation($input: CaseStepInput!) { fileCase(input: $input) { status } }`, { input: { id: toGlobalId('Case', c.id), version: c.version } });
    }
    await expectRecounted();
  });

  it('the rebuild command recomputes them from the cases (after a load that bypassed the trigger)', async () => {
    await db.query(`alter table "case" disable trigger case_rollup_update`);
    await db.query(`update "case" set status = 'PARKED', due_at = null where id % 5 = 0`);
    await db.query(`alter table "case" enable trigger case_rollup_update`);
    await db.query(`update case_rollup set cases = cases + 1 where unit_id = (select min(unit_id) from case_rollup)`);
    await expect(expectRecounted()).rejects.toThrow();
    const apiDir = path.join(__dirname, '..', '..', '..', '..');
    const { stdout } = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'src/cli/rebuild-rollups.ts'], {
      cwd: apiDir,
      env: { ...process.env, DATABASE_URL: app.databaseUrl },
    });
    expect(stdout).toMatch(/rollups rebuilt from \d+ cases/);
    await expectRecounted();
  });

  it("a transaction that moved a case and runs on does not hold the city's rollup rows from other cases", async () => {
    // Two cases of one city, category and status: their moves change the same city rows.
    const [a, b] = (await db.query<{ id: number }>(
      `select id from "case" where (city_id, category_id, status) = (select city_id, category_id, status from "case" where status <> 'PARKED' group by 1, 2, 3 order by count(*) desc limit 1) order by id limit 2`,
    )).rows;
    const slow = new Client(app.databaseUrl);
    await slow.connect();
    try {
      await slow.query('begin');
      await slow.query(`update "case" set status = 'PARKED' where id = $1`, [a.id]);
      // Applied at once, the slow transaction's trigger held the city's row: this waited for it.
      await db.query(`set lock_timeout = '3s'`);
      await db.query(`update "case" set status = 'PARKED' where id = $1`, [b.id]);
      await db.query(`reset lock_timeout`);
      await slow.query('commit');
    } finally {
      await slow.end();
    }
    await expectRecounted();
  });

  it(`${TRANSITIONS} random transitions`, async () => {
    const ids = (await db.query<{ id: number }>(`select id from "case" order by id`)).rows.map((r) => r.id);
    const grids = (await db.query<{ id: number }>(`select id from grid order by id`)).rows.map((r) => r.id);
    const categories = (await db.query<{ id: number }>(`select id from case_category order by id`)).rows.map((r) => r.id);
    const copies: number[] = [];
    const now = clock.now();
    const pick = fc.nat();
    const hours = fc.integer({ min: -24 * 60, max: 24 * 10 });
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('status' as const), pick, width: fc.constantFrom(1, 1, 1, 3), status: fc.constantFrom(...STATUSES), closedHoursAgo: fc.option(fc.integer({ min: 0, max: 24 * 40 }), { nil: null }) }) },
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('due' as const), pick, hours: fc.option(hours, { nil: null }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('category' as const), pick, category: fc.constantFrom(...categories) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('grid' as const), pick, grid: fc.constantFrom(...grids) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('reported' as const), pick, hours: fc.integer({ min: -24 * 60, max: 0 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('twice' as const), pick, first: fc.constantFrom(...STATUSES), then: fc.constantFrom(...STATUSES) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('copy' as const), pick }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick }) },
    );
    const at = (h: number) => new Date(now.getTime() + h * 3_600_000);
    const apply = async (o: Op): Promise<void> => {
      const id = ids[o.pick % ids.length];
      switch (o.kind) {
        case 'status': {
          // Several cases in one statement too: the trigger runs per row.
          const some = Array.from({ length: o.width }, (_, i) => ids[(o.pick + i * 7919) % ids.length]);
          await db.query(`update "case" set status = $2, closed_at = $3 where id = any($1)`, [some, o.status, o.closedHoursAgo === null ? null : at(-o.closedHoursAgo)]);
          return;
        }
        case 'due':
          await db.query(`update "case" set due_at = $2 where id = $1`, [id, o.hours === null ? null : at(o.hours)]);
          return;
        case 'category':
          await db.query(`update "case" set category_id = $2 where id = $1`, [id, o.category]);
          return;
        case 'grid':
          await db.query(`update "case" c set grid_id = g.id, city_id = g.city_id, county_id = g.county_id, township_id = g.township_id from grid g where c.id = $1 and g.id = $2`, [id, o.grid]);
          return;
        case 'reported':
          await db.query(`update "case" set reported_at = $2 where id = $1`, [id, at(o.hours)]);
          return;
        case 'twice':
          // Applied at commit, each update still counts its own old and new row.
          await db.query(`update "case" set status = $2 where id = $1`, [id, o.first]);
          await db.query(`update "case" set status = $2, due_at = due_at + interval '1 day' where id = $1`, [id, o.then]);
          return;
        case 'copy': {
          const { rows } = await db.query<{ id: number }>(
            `insert into "case" (city_id, county_id, township_id, number, origin, category_id, field, urgency, description, grid_id, status, reported_at, due_at, closed_at)
             select city_id, county_id, township_id, number || '-p' || nextval('case_id_seq'), origin, category_id, field, urgency, description, grid_id, status, reported_at, due_at, closed_at
             from "case" where id = $1 returning id`,
            [id],
          );
          copies.push(rows[0].id);
          return;
        }
        case 'delete':
          if (copies.length) await db.query(`delete from "case" where id = $1`, [copies.splice(o.pick % copies.length, 1)[0]]);
          return;
      }
    };
    let applied = 0;
    await fc.assert(
      // Half the runs are one transaction: the rollup triggers wait for its commit.
      fc.asyncProperty(fc.array(op, { minLength: PER_RUN, maxLength: PER_RUN }), fc.boolean(), async (ops, oneTransaction) => {
        if (oneTransaction) await db.query('begin');
        for (const o of ops) await apply(o);
        if (oneTransaction) await db.query('commit');
        applied += ops.length;
        await expectRecounted();
      }),
      // The database carries on from run to run: no shrinking (a smaller walk starts elsewhere).
      { numRuns: Math.max(1, Math.ceil(TRANSITIONS / PER_RUN)), endOnFailure: true },
    );
    expect(applied).toBeGreaterThanOrEqual(TRANSITIONS);
    expect(copies.length + ids.length).toBeGreaterThan(ids.length - 1);
  }, 600_000);
});
