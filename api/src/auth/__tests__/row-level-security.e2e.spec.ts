import { Client } from 'pg';
import { enableAppRole } from '../../db/app-role';
import { LEVEL_ROLES } from '../../db/rls-sql';
import { startTestApp, type TestApp } from '../../test/test-app';

const COUNT = `query($filter: GridFilter) { grids(first: 1, filter: $filter) { totalCount } }`;

describe('row-level security backstop (CASL scope filter switched off)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ withoutScopeFilter: true });
  });
  afterAll(() => app.close());

  it('the API role owns nothing and cannot bypass row-level security', async () => {
    const [role] = await app.ownerSql<{ rolsuper: boolean; rolbypassrls: boolean; owns: number }>(
      `select rolsuper, rolbypassrls, (select count(*)::int from pg_tables where tableowner = 'gridwatch_app') as owns
       from pg_roles where rolname = 'gridwatch_app'`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, owns: 0 });
    const [{ forced }] = await app.ownerSql<{ forced: number }>(
      `select count(*)::int as forced from pg_class where relname in ('grid', 'case', 'pollution_source', 'account') and relrowsecurity and relforcerowsecurity`,
    );
    expect(forced).toBe(4);
    const [grants] = await app.ownerSql<{ update: boolean; delete: boolean; chain: boolean }>(
      `select has_table_privilege('gridwatch_app', 'case_event', 'UPDATE') as update,
              has_table_privilege('gridwatch_app', 'case_event', 'DELETE') as delete,
              has_table_privilege('gridwatch_app', 'case_event_chain', 'SELECT') as chain`,
    );
    expect(grants).toEqual({ update: false, delete: false, chain: false });
  });

  it('a county admin still sees only its county: lists, counts, lookups by id, nested edges', async () => {
    const [{ n: feidongGrids }] = await app.ownerSql<{ n: number }>(
      `select count(*)::int as n from grid where county_id = (select id from grid where code = '340122000000')`,
    );
    const feidong = await app.as('feidong');
    // Its subtree, plus (read-only) the city above it: the unit path, never a sibling county.
    expect((await feidong.data<{ grids: { totalCount: number } }>(COUNT)).grids.totalCount).toBe(feidongGrids + 1);
    const yaohai = await feidong.data<{ gridByCode: null }>(`{ gridByCode(code: "340102000000") { id } }`);
    expect(yaohai.gridByCode).toBeNull();
    const [{ id }] = await app.ownerSql<{ id: number }>(`select id from "case" where county_id = (select id from grid where code = '340102000000') limit 1`);
    const other = await feidong.request(`query($id: ID!) { case(id: $id) { number } }`, { id: Buffer.from(`Case:${id}`).toString('base64url') });
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const cases = await feidong.data<{ cases: { nodes: { number: string; grid: { code: string } }[] } }>(
      `{ cases(first: 100) { nodes { number grid { code } } } }`,
    );
    expect(cases.cases.nodes.every((c) => c.number.startsWith('340122-'))).toBe(true);
    const nested = await feidong.data<{ gridByCode: { children: { nodes: { code: string }[] } } }>(
      `{ gridByCode(code: "340100000000") { children(first: 20) { nodes { code } } } }`,
    );
    expect(nested.gridByCode.children.nodes.map((n) => n.code)).toEqual(['340122000000']);
    const rename = await feidong.request(`mutation($id: ID!) { updateGrid(id: $id, input: { name: "改名" }) { name } }`, {
      id: Buffer.from(`Grid:${(await app.ownerSql<{ id: number }>(`select id from grid where code = '340100000000'`))[0].id}`).toString('base64url'),
    });
    expect(rename.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const [{ name }] = await app.ownerSql<{ name: string }>(`select name from grid where code = '340100000000'`);
    expect(name).toBe('合肥市');
  });

  it('is coarser than CASL (the unit, not the assigned grids): proof the filter really is off', async () => {
    const worker = await app.as('gridworker');
    const withoutCasl = (await worker.data<{ grids: { totalCount: number } }>(COUNT)).grids.totalCount;
    const [{ n: township }] = await app.ownerSql<{ n: number }>(
      `select count(*)::int as n from grid where township_id = (select id from grid where code = '340122104000')`,
    );
    // The township's subtree and the two units above it (county, city), read-only.
    expect(withoutCasl).toBe(township + 2);
  });

  it('each level has its own role with the app role\'s privileges, and every tenant table a policy for it', async () => {
    // Privileges that differ between the app role and a level role, on any table, view, sequence or function.
    const differing = await app.ownerSql<{ object: string; role: string; privilege: string }>(
      `select c.relname as object, r as role, p as privilege
       from pg_class c, unnest($1::text[]) r, unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE']) p
       where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'v', 'S')
         and (c.relkind <> 'S' or p = 'SELECT')
         and has_table_privilege(r, c.oid, p) <> has_table_privilege('gridwatch_app', c.oid, p)
       union all
       select f.oid::regprocedure::text, r, 'EXECUTE' from pg_proc f, unnest($1::text[]) r
       where f.pronamespace = 'public'::regnamespace
         and has_function_privilege(r, f.oid, 'EXECUTE') <> has_function_privilege('gridwatch_app', f.oid, 'EXECUTE')`,
      [LEVEL_ROLES],
    );
    expect(differing).toEqual([]);
    // A partition (of the event log) has no policy on purpose: no tenant role may query it directly (rls-manifest.e2e.spec.ts).
    const uncovered = await app.ownerSql<{ table: string; role: string }>(
      `select c.relname as table, r as role from pg_class c, unnest($1::text[]) r
       where c.relnamespace = 'public'::regnamespace and c.relrowsecurity and not c.relispartition
         and not exists (select from pg_policy p where p.polrelid = c.oid and r::regrole = any(p.polroles))`,
      [LEVEL_ROLES],
    );
    expect(uncovered).toEqual([]);
    // The shared OR over the levels is gone: it kept the planner from ordered index scans.
    const [{ n }] = await app.ownerSql<{ n: number }>(`select count(*)::int as n from pg_policies where qual like '%gw_visible(%'`);
    expect(n).toBe(0);
  });

  it('a unit bound to an app login takes its level\'s role; the owner keeps its own', async () => {
    const [feidong] = await app.ownerSql<{ id: number }>(`select id from grid where code = '340122000000'`);
    const client = new Client(await enableAppRole(app.databaseUrl));
    await client.connect();
    try {
      await client.query('begin');
      const before = await client.query<{ n: number }>(`select count(*)::int as n from "case"`);
      expect(before.rows[0].n).toBe(0);
      await client.query(`select gw_bind_unit('COUNTY', $1, '{}')`, [feidong.id]);
      const bound = await client.query<{ role: string; n: number; other: number }>(
        `select current_user as role, count(*)::int as n, count(*) filter (where county_id <> $1)::int as other from "case"`,
        [feidong.id],
      );
      const [{ n: expected }] = await app.ownerSql<{ n: number }>(`select count(*)::int as n from "case" where county_id = $1`, [feidong.id]);
      expect(bound.rows[0]).toEqual({ role: 'gridwatch_county', n: expected, other: 0 });
      expect(expected).toBeGreaterThan(0);
      await client.query('rollback');
    } finally {
      await client.end();
    }
    const [owner] = await app.ownerSql<{ role: string }>(`select gw_bind_unit('COUNTY', 1, '{}'), current_user as role`);
    expect(owner.role).not.toMatch(/^gridwatch_/);
  });

  it('a request that is not signed in sees no tenant row at all', async () => {
    const anonymous = await app.client().request(`{ grids(first: 5) { nodes { code } } }`);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
