import { FakeClock } from '../../../common/clock';
import { beijing, endOf } from '../../../test/time';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';
import { report, walk, seeded, type Seeded } from '../../case/__tests__/workflow-helpers';

const DUE = `query($id: ID!) { case(id: $id) { dueAt answerDueAt } }`;

describe('deadlines on the Chinese calendar (fake clock)', () => {
  const clock = new FakeClock(beijing('2026-02-13T10:00:00')); // the Friday before the 2026 Spring Festival
  let app: TestApp;
  let s: Seeded;
  let operator: GraphQLClient;
  let city: GraphQLClient;
  let dust: string;
  let grid: string;
  let bureau: string;
  const dueOf = async (id: string) => (await city.data<{ case: { dueAt: string; answerDueAt: string | null } }>(DUE, { id })).case;

  beforeAll(async () => {
    app = await startTestApp({ clock });
    s = await seeded(app);
    operator = await app.as('operator');
    city = await app.as('cityadmin');
    dust = s.dust;
    grid = s.yaohaiGrid;
    bureau = await s.department('340102000000', 'URBAN_MANAGEMENT');
  });
  afterAll(() => app.close());

  it('a complaint is filed within a working day (the 调休 Saturday) and answered within 13 working days', async () => {
    const kase = await report(operator, { gridId: grid, categoryId: dust, origin: 'COMPLAINT' });
    // 14 Feb (调休) → 1 … 15-23 off … 24, 25, 26, 27, 28 (调休), 2, 3, 4, 5, 6, 9, 10 Mar → 13
    expect(await dueOf(kase.id)).toEqual({ dueAt: endOf('2026-02-14'), answerDueAt: endOf('2026-03-10') });
  });

  it('handling a complex case runs 10 working days across the Spring Festival; an approved extension adds working days, with an admin-added holiday', async () => {
    const dept = await app.as('yaohaidept');
    let kase = await report(operator, { gridId: grid, categoryId: dust });
    kase = await walk(operator, 'FILE', kase);
    kase = await walk(operator, 'DISPATCH', kase, { departmentIds: [bureau], complexity: 'COMPLEX' });
    // 14 → 1; 24-28 → 2-6; 2-5 Mar → 7-10
    expect((await dueOf(kase.id)).dueAt).toBe(endOf('2026-03-05'));

    // Only the city edits the calendar; a local day off moves the next deadline.
    const feidong = await app.as('feidong');
    const forbidden = await feidong.request(`mutation { setCalendarDay(input: { day: "2026-03-09", working: false, name: "测试" }) { day } }`);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await city.data(`mutation { setCalendarDay(input: { day: "2026-03-09", working: false, name: "测试假日" }) { day source } }`);
    const days = await city.data<{ calendarDays: { day: string; working: boolean; source: string }[] }>(`{ calendarDays(from: "2026-03-01", to: "2026-03-31") { day working source } }`);
    expect(days.calendarDays).toEqual([{ day: '2026-03-09', working: false, source: 'admin' }]);

    clock.set(beijing('2026-03-03T09:00:00'));
    kase = await walk(dept, 'ACCEPT', kase);
    kase = await walk(dept, 'REQUEST_EXTENSION', kase, { extensionDays: 3 });
    kase = await walk(operator, 'APPROVE_EXTENSION', kase);
    // From the end of 5 Mar: 6 → 1, 9 off (admin), 10 → 2, 11 → 3
    expect((await dueOf(kase.id)).dueAt).toBe(endOf('2026-03-11'));
  });

  it('overdue and due-soon are queryable per handling unit, lead department and reporter', async () => {
    const kase = await report(operator, { gridId: grid, categoryId: dust });
    const dispatched = await walk(operator, 'DISPATCH', await walk(operator, 'FILE', kase), { departmentIds: [bureau] });
    const unit = await s.grid('340102000000');
    const list = async (filter: Record<string, unknown>) =>
      (await city.data<{ cases: { nodes: { id: string }[] } }>(`query($f: CaseFilter) { cases(first: 100, filter: $f) { nodes { id } } }`, { f: filter })).cases.nodes.map((n) => n.id);
    expect(await list({ due: 'OVERDUE', handlingUnitId: unit })).not.toContain(dispatched.id);
    clock.set(beijing('2026-04-30T12:00:00'));
    expect(await list({ due: 'OVERDUE', handlingUnitId: unit })).toContain(dispatched.id);
    expect(await list({ due: 'OVERDUE', leadDepartmentId: bureau })).toContain(dispatched.id);
    const me = await operator.data<{ me: { account: { id: string } } }>(`{ me { account { id } } }`);
    expect(await list({ due: 'OVERDUE', reportedById: me.me.account.id })).toContain(dispatched.id);

    // A fresh report at 12:00 is due at the end of the next working day: due soon, not overdue.
    const fresh = await report(operator, { gridId: grid, categoryId: dust });
    expect(await list({ due: 'DUE_SOON', handlingUnitId: unit })).toContain(fresh.id);
    expect(await list({ due: 'OVERDUE', handlingUnitId: unit })).not.toContain(fresh.id);
  });

  it('a city time limit overrides the shipped default', async () => {
    clock.set(beijing('2026-06-01T09:00:00')); // a Monday
    await city.data(`mutation { setTimeLimit(input: { step: HANDLE, amount: 2, unit: WORKING_DAYS }) { id } }`);
    const kase = await walk(operator, 'FILE', await report(operator, { gridId: grid, categoryId: dust }));
    const dispatched = await walk(operator, 'DISPATCH', kase, { departmentIds: [bureau] });
    expect((await dueOf(dispatched.id)).dueAt).toBe(endOf('2026-06-03'));
  });
});
