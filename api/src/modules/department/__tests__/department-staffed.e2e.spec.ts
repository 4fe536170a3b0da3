import { startTestApp, type TestApp } from '../../../test/test-app';

const DEPARTMENTS = `{ departments(first: 100, filter: { active: true }) { nodes { id name staffed } } }`;
interface Listed {
  departments: { nodes: { id: string; name: string; staffed: boolean }[] };
}

/** Issue 21: the dispatcher is warned when the lead it picks has nobody who can accept the case. */
describe('departments: staffed', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('says which departments have an active account, as the database has them, to a dispatcher who cannot read accounts', async () => {
    const operator = await app.as('operator');
    // The operator reads its own account only: whether a department is staffed cannot come from accounts it reads.
    const accounts = await operator.request<{ accounts: { nodes: { id: string }[] } }>(`{ accounts(first: 5) { nodes { id } } }`);
    expect(accounts.data?.accounts.nodes ?? []).toHaveLength(1);
    const { departments } = await operator.data<Listed>(DEPARTMENTS);
    const staffed = await app.ownerSql<{ name: string }>(`select distinct d.name from department d join account a on a.department_id = d.id and a.active`);
    const names = new Set(staffed.map((r) => r.name));
    expect(departments.nodes.length).toBeGreaterThan(3);
    expect(departments.nodes.some((d) => d.staffed)).toBe(true);
    expect(departments.nodes.some((d) => !d.staffed)).toBe(true);
    for (const d of departments.nodes) expect({ name: d.name, staffed: d.staffed }).toEqual({ name: d.name, staffed: names.has(d.name) });
  });

  it("turns false when the department's last account is deactivated", async () => {
    const [dept] = await app.ownerSql<{ id: number; name: string }>(
      `select d.id, d.name from department d where (select count(*) from account a where a.department_id = d.id and a.active) = 1 order by d.id limit 1`,
    );
    await app.ownerSql(`update account set active = false where department_id = $1`, [dept.id]);
    const city = await app.as('cityadmin');
    const { departments } = await city.data<Listed>(DEPARTMENTS);
    expect(departments.nodes.find((d) => d.name === dept.name)?.staffed).toBe(false);
  });
});
