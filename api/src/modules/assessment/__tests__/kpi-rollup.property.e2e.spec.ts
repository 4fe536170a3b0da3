import fc from 'fast-check';
import { Client } from 'pg';
import { FakeClock } from '../../../common/clock';
import { GridLevel } from '../../../common/enums';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { TEST_CLOCK_START } from '../../../test/time';
import { AssessmentSubjectType as S } from '../assessment.enums';
import { MEASURES, measureSubjects, rollupAnswers, type MeasureScope } from '../assessment-measures.sql';
import { periodRange } from '../assessment-period';

/**
 * The KPI rollup (case_kpi_rollup) answers every unit's case measures exactly as the live
 * count over the case timeline does: on the seed, and after random events written straight
 * into the log (every way an event arrives goes through its trigger), at month edges, out of
 * time order, several per statement. KPI_TRANSITIONS sets how many (default 600).
 */
const TRANSITIONS = Number(process.env.KPI_TRANSITIONS ?? 600);
const PER_RUN = 100;
const CODES = Object.keys(MEASURES) as (keyof typeof MEASURES)[];
const ACTIONS = ['REPORT', 'FILE', 'CANCEL', 'REOPEN', 'DISPATCH', 'RETURN', 'ACCEPT', 'REQUEST_EXTENSION', 'APPROVE_EXTENSION', 'PARK', 'RESUME', 'FEEDBACK', 'VERIFY_PASS', 'VERIFY_FAIL', 'EVALUATE', 'ESCALATE', 'RECOMPUTE_DEADLINE'];
const STATUSES = ['REPORTED', 'FILED', 'CANCELLED', 'DISPATCHED', 'IN_PROGRESS', 'EXTENSION_REQUESTED', 'FED_BACK', 'CLOSED', 'EVALUATED', 'PARKED'];
const TRUE = { sql: 'true', bindings: [] };
const HOUR = 3_600_000;

/** The Beijing month of an instant, as yyyy-mm, `shift` months on. */
function monthOf(at: Date, shift = 0): string {
  const beijing = new Date(at.getTime() + 8 * HOUR);
  const d = new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth() + shift, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

interface Unit {
  id: number;
  level: GridLevel;
}

describe('KPI rollup: every moved measure equals the live count', () => {
  const clock = new FakeClock(TEST_CLOCK_START);
  let app: TestApp;
  let db: Client;
  let city: Unit;
  let county: Unit;
  let township: Unit;

  beforeAll(async () => {
    app = await startTestApp({ clock });
    db = new Client(app.databaseUrl);
    await db.connect();
    const unit = async (code: string): Promise<Unit> => (await db.query<Unit>(`select id, level from grid where code = $1`, [code])).rows[0];
    city = await unit('340100000000');
    county = await unit('340122000000');
    // The township of the county with the most cases, so the walk below moves its figures.
    const [busiest] = (await db.query<{ code: string }>(`select g.code from "case" c join grid g on g.id = c.township_id where c.county_id = $1 group by g.code order by count(*) desc limit 1`, [county.id])).rows;
    township = await unit(busiest.code);
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await app?.close();
  });

  /** Periods around the clock's month: months (the edges), a quarter and a year. */
  const periods = (): string[] => {
    const now = clock.now();
    const year = monthOf(now).slice(0, 4);
    const quarter = Math.floor((Number(monthOf(now).slice(5)) - 1) / 3) + 1;
    return [monthOf(now, -2), monthOf(now, -1), monthOf(now), monthOf(now, 1), `${year}-Q${quarter}`, year];
  };

  /** Which subject types each unit level is compared for. */
  const matrix = (): [Unit, S][] => [
    [city, S.COUNTY],
    [city, S.STREET],
    [county, S.TOWNSHIP],
    [county, S.GRID],
    [county, S.STREET],
    [township, S.GRID],
    [township, S.TOWNSHIP],
  ];

  /** Compares both ways for every unit × subject type × period; returns how many figures were non-zero. */
  async function expectEqual(): Promise<number> {
    let nonZero = 0;
    for (const [unit, subjectType] of matrix()) {
      for (const period of periods()) {
        const scope: MeasureScope = { ...periodRange(period), unitId: unit.id, unitLevel: unit.level, subjectType };
        expect(rollupAnswers(scope)).toBe(true);
        const em = app.ownerOrm.em.fork();
        const [live, rolled] = [await measureSubjects(em, scope, TRUE, 'live'), await measureSubjects(em, scope, TRUE, 'rollup')];
        const figures = (rows: typeof live) => rows.map((row) => ({ id: row.id, ...Object.fromEntries(CODES.map((code) => [code, row.measures[code]])) }));
        expect({ unit: unit.id, subjectType, period, rows: figures(rolled) }).toEqual({ unit: unit.id, subjectType, period, rows: figures(live) });
        nonZero += live.reduce((n, row) => n + CODES.filter((code) => row.measures[code] > 0).length, 0);
      }
    }
    return nonZero;
  }

  /** The rows the trigger kept equal those a rebuild computes from the log (zero rows aside). */
  async function expectRebuilt(): Promise<void> {
    const sums = `select unit_id, own, from_month::text, until_month::text, in_month::text, ${CODES.map((c) => `sum(${c})::int as ${c}`).join(', ')}
      from case_kpi_rollup group by 1, 2, 3, 4, 5 having ${CODES.map((c) => `sum(${c}) <> 0`).join(' or ')} order by 1, 2, 3, 4, 5`;
    const kept = (await db.query(sums)).rows;
    await db.query('select gw_case_kpi_rebuild()');
    expect((await db.query(sums)).rows).toEqual(kept);
    const negative = await db.query(`select 1 from case_kpi_rollup where ${CODES.map((c) => `${c} < 0`).join(' or ')} limit 1`);
    expect(negative.rowCount).toBe(0);
  }

  it('on the seed: every unit level, subject type and period, month edges included', async () => {
    expect(await expectEqual()).toBeGreaterThan(50);
    await expectRebuilt();
  }, 300_000);

  it('the rebuild command covers the KPI rollup', async () => {
    await db.query(`update case_kpi_rollup set due = due + 1 where unit_id = $1`, [county.id]);
    await expect(expectEqual()).rejects.toThrow();
    await db.query('select gw_case_rollup_rebuild()');
    await expectEqual();
  }, 300_000);

  it(`${TRANSITIONS} random events, the clock moving over month ends`, async () => {
    const cases = (await db.query<{ id: number }>(`select id from "case" where township_id = $1 or (county_id = $2 and id % 7 = 0) order by id`, [township.id, county.id])).rows.map((r) => r.id);
    expect(cases.length).toBeGreaterThan(10);
    const start = clock.now();
    // Around the month ends near the clock: exactly on them, just before and after, and hours away.
    const offsets = fc.oneof(fc.constantFrom(0, -1, 1, -HOUR, HOUR), fc.integer({ min: -40 * 24, max: 40 * 24 }).map((h) => h * HOUR));
    const edge = fc.integer({ min: -3, max: 1 });
    const event = fc.record({
      pick: fc.nat(),
      action: fc.constantFrom(...ACTIONS),
      status: fc.constantFrom(...STATUSES),
      edge,
      offset: offsets,
      due: fc.option(fc.record({ edge, offset: offsets }), { nil: null, freq: 3 }),
      twice: fc.boolean(),
    });
    /** The instant `offset` ms from the start of the Beijing month `edge` months from the clock's. */
    const near = (edge: number, offset: number): Date => new Date(periodRange(monthOf(clock.now(), edge)).from.getTime() + offset);
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: PER_RUN, maxLength: PER_RUN }), async (events) => {
        for (const e of events) {
          const caseId = cases[e.pick % cases.length];
          const at = near(e.edge, e.offset);
          const due = e.due ? near(e.due.edge, e.due.offset) : null;
          // Two events of one case in one statement too: the trigger runs per row.
          await db.query(
            `insert into case_event (city_id, county_id, township_id, grid_id, case_id, action, to_status, at, due_at)
             select c.city_id, c.county_id, c.township_id, c.grid_id, c.id, $2, $3, t.at, $5
             from "case" c, unnest($4::timestamptz[]) t(at) where c.id = $1`,
            [caseId, e.action, e.status, e.twice ? [at, new Date(at.getTime() + HOUR)] : [at], due],
          );
        }
        applied += events.length;
        // A month later each run: the periods compared move over the edges.
        clock.advance(24 * 24 * HOUR);
        await expectEqual();
      }),
      // The database carries on from run to run: no shrinking (a smaller walk starts elsewhere).
      { numRuns: Math.max(1, Math.ceil(TRANSITIONS / PER_RUN)), endOnFailure: true },
    );
    expect(applied).toBeGreaterThanOrEqual(TRANSITIONS);
    expect(clock.now().getTime()).toBeGreaterThan(start.getTime());
    await expectRebuilt();
  }, 900_000);
});
