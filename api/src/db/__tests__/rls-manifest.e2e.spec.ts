import { Client } from 'pg';
import { startTestApp, type TestApp } from '../../test/test-app';
import { enableAppRole } from '../app-role';
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

  // The event log is partitioned by month (Migration20261209030000_event_partitions): its partitions pass as part of it only while sealed off.
  it('covers the partitions of a partitioned tenant table, and fails on one a tenant role can query directly', async () => {
    const partitions = (await catalogue()).filter((t) => t.partitionOf === 'case_event');
    expect(partitions.map((t) => t.table)).toEqual(expect.arrayContaining(['case_event_default', 'case_event_y2026m11']));
    expect(partitions.every((t) => t.rls && t.forced && !t.readers.length)).toBe(true);
    // The API's login (and its level roles) reads events through case_event only.
    const api = new Client(await enableAppRole(app.databaseUrl));
    await api.connect();
    try {
      await expect(api.query('select count(*) from case_event_y2026m11')).rejects.toThrow('permission denied for table case_event_y2026m11');
      await api.query('set role gridwatch_county');
      await expect(api.query('select count(*) from case_event_default')).rejects.toThrow('permission denied for table case_event_default');
    } finally {
      await api.end();
    }
    await app.ownerSql(`grant select on case_event_y2026m11 to gridwatch_county`);
    await app.ownerSql(`alter table case_event_default no force row level security`);
    try {
      expect(rlsGaps(await catalogue())).toEqual([
        'case_event_default: a partition of case_event without forced row-level security of its own',
        "case_event_y2026m11: a partition of case_event that gridwatch_county can query directly, past case_event's policies",
      ]);
    } finally {
      await app.ownerSql(`revoke select on case_event_y2026m11 from gridwatch_county`);
      await app.ownerSql(`alter table case_event_default force row level security`);
    }
  });

  it('fails on a new partitioned table with tenant columns and no policy, whatever its partitions', async () => {
    await app.ownerSql(`create table forgotten_log (id int, county_id int, at date) partition by range (at)`);
    await app.ownerSql(`create table forgotten_log_2026 partition of forgotten_log for values from ('2026-01-01') to ('2027-01-01')`);
    try {
      expect(rlsGaps(await catalogue())).toEqual(['forgotten_log: not in the manifest (db/tenant-tables.ts), and it has tenant columns county_id']);
    } finally {
      await app.ownerSql(`drop table forgotten_log`);
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
