import { startTestApp, type TestApp } from '../../../test/test-app';

/** Issue 21: month screens open on the latest month with data, not on an empty current month. */
describe('the latest month with data', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const shanghaiMonth = (at: string) => new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 7);

  it("is the latest month with patrol plans or reported cases in the caller's territory, up to this month", async () => {
    const county = await app.as('feidong');
    const { me } = await county.data<{ me: { serverTime: string } }>(`{ me { serverTime } }`);
    const thisMonth = shanghaiMonth(me.serverTime);
    const [{ plans }] = await app.ownerSql<{ plans: string | null }>(
      `select to_char(max(p.month), 'YYYY-MM') as plans from patrol_plan p join grid k on k.id = p.county_id where k.code = '340122000000' and p.month <= $1::date`,
      [`${thisMonth}-01`],
    );
    const [{ cases }] = await app.ownerSql<{ cases: string | null }>(
      `select to_char(max(c.reported_at) at time zone 'Asia/Shanghai', 'YYYY-MM') as cases from "case" c join grid k on k.id = c.county_id where k.code = '340122000000' and c.reported_at <= $1`,
      [me.serverTime],
    );
    const latest = () => county.data<{ latestPatrolPlanMonth: string | null; latestCaseMonth: string | null }>(`{ latestPatrolPlanMonth latestCaseMonth }`);
    expect(await latest()).toEqual({ latestPatrolPlanMonth: plans, latestCaseMonth: cases });
    expect(plans).not.toBeNull();

    // This month's plans gone (a month not generated yet): the screen opens on the month before.
    await app.ownerSql(`delete from patrol_plan where month >= $1::date`, [`${plans}-01`]);
    const before = (await latest()).latestPatrolPlanMonth;
    expect(before).not.toBeNull();
    expect(before! < plans!).toBe(true);
  });

  it('is empty for a unit without plans, whatever other units have', async () => {
    const township = await app.as('township');
    await app.ownerSql(`delete from patrol_plan where township_id = (select g.id from account a join grid g on g.id = a.unit_id where a.login = 'township')`);
    expect((await township.data<{ latestPatrolPlanMonth: string | null }>(`{ latestPatrolPlanMonth }`)).latestPatrolPlanMonth).toBeNull();
    expect(((await app.ownerSql<{ n: number }>(`select count(*)::int as n from patrol_plan`))[0].n)).toBeGreaterThan(0);
  });
});
