import { startTestApp, type TestApp } from '../../test/test-app';
import { readCatalogue, rlsGaps, type CatalogueTable } from '../rls-audit';
import { TENANT_TABLES } from '../tenant-tables';

describe('row-level security by manifest (db/tenant-tables.ts)', () => {
  let app: TestApp;
  const catalogue = (): Promise<CatalogueTable[]> => readCatalogue((sql) => app.ownerSql(sql));

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('every table of the schema is in the manifest, and every tenant table forced and covered as it says', async () => {
    const tables = await catalogue();
    expect(tables.length).toBeGreaterThan(50);
    expect(rlsGaps(tables)).toEqual([]);
  });

  // The test of the test: each way a table can slip out of row-level security is reported.
  it('fails on a new table with tenant columns and no policy', async () => {
    await app.ownerSql(`create table forgotten_tenant_table (id int primary key, county_id int, note text)`);
    try {
      expect(rlsGaps(await catalogue())).toEqual(['forgotten_tenant_table: not in the manifest (db/tenant-tables.ts), and it has tenant columns county_id']);
    } finally {
      await app.ownerSql(`drop table forgotten_tenant_table`);
    }
  });

  it('fails on a listed table whose security is off, not forced, or missing a level or parent policy', async () => {
    const tables = await catalogue();
    const edited = (table: string, edit: (t: CatalogueTable) => CatalogueTable) => rlsGaps(tables.map((t) => (t.table === table ? edit(t) : t)));
    expect(edited('case', (t) => ({ ...t, forced: false }))).toEqual(['case: row-level security is not forced (the owner would bypass it)']);
    expect(edited('case', (t) => ({ ...t, rls: false }))).toEqual(['case: row-level security is off']);
    expect(edited('case', (t) => ({ ...t, policies: t.policies.filter((p) => !p.roles.includes('gridwatch_village')) }))).toEqual([
      'case: no VILLAGE policy on grid_id',
      'case: no policy for gridwatch_village',
    ]);
    expect(TENANT_TABLES.case_evidence).toEqual({ by: 'parent', parents: ['case'] });
    expect(edited('case_evidence', (t) => ({ ...t, policies: t.policies.filter((p) => p.roles.includes('postgres')) }))).toEqual(
      expect.arrayContaining(['case_evidence: gridwatch_app does not read it through case', 'case_evidence: no policy for gridwatch_county']),
    );
  });
});
