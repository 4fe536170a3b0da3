import { Client } from 'pg';
import { startApiProcess, type ApiProcess } from '../../api-process';
import { phonePhoto } from '../../photo';
import { loadInput, seedDatabase } from '../fixtures';
import { startKillablePostgres, type KillablePostgres } from '../killable-postgres';
import { mountTinyDisk, type TinyDisk } from '../tiny-disk';
import { post, signIn } from '../write-load';

const REPORT = `mutation($input: ReportCaseInput!) { reportCase(input: $input) { id version } }`;
const FILE = `mutation($input: CaseStepInput!) { fileCase(input: $input) { id version status } }`;
/** Nothing a client may see of what failed underneath: statements, tables, paths, stacks. */
const LEAKS = /select|insert|update|relation|tablespace|statement|canceling|\/tmp|ENOSPC|No space|\bat \w+ \(/i;

/**
 * Faults of resources: a statement that runs past statement_timeout, a full evidence disk and a
 * full database disk (a tablespace on a tiny tmpfs) answer clean errors with stable codes, at
 * once, and change nothing.
 *
 * On a PostgreSQL server of the test's own: a tablespace is global to a server, and a streaming
 * replica of the shared test server (read-replica.e2e) on this machine replays it into the same
 * directory, fills the tiny disk and dies.
 */
describe('fault: timeouts and full disks answer clean errors', () => {
  let pg: KillablePostgres;
  let api: ApiProcess;
  let evidenceDisk: TinyDisk;
  let tableDisk: TinyDisk | undefined;
  let holder: Client | undefined;
  let reporter: string;
  let filer: string;
  let input: { gridId: string; categoryId: string };
  const sql = <T>(text: string, params: unknown[] = [], database = 'gridwatch'): Promise<T[]> => pg.sql<T>(database, text, params);
  const report = (key: string) => post(api.url, reporter, REPORT, { input: { ...input, origin: 'PATROL', description: '故障演练: 资源耗尽', idempotencyKey: key } });
  const caseOf = async (globalId: string) =>
    (await sql<{ status: string; version: number; events: string[] }>(
      `select c.status::text, c.version, array(select e.action::text from case_event e where e.case_id = c.id order by e.id) as events from "case" c where c.id = $1`,
      [Number(Buffer.from(globalId, 'base64').toString().split(':')[1])],
    ))[0];

  beforeAll(async () => {
    pg = await startKillablePostgres();
    await pg.sql('postgres', 'create database gridwatch');
    await seedDatabase(pg.url('gridwatch'));
    evidenceDisk = mountTinyDisk('256k');
    api = await startApiProcess(pg.url('gridwatch'), { env: { STATEMENT_TIMEOUT_MS: '1000', EVIDENCE_DIR: evidenceDisk.dir } });
    reporter = await signIn(api.url, 'gridworker');
    filer = await signIn(api.url, 'township');
    input = await loadInput(sql);
  });
  afterAll(async () => {
    await holder?.end().catch(() => undefined);
    await api?.kill();
    // The server goes first: its files on the tiny disk are then free to unmount.
    await pg?.destroy();
    tableDisk?.unmount();
    evidenceDisk?.unmount();
  });

  it('a statement past statement_timeout answers TIMEOUT at once and its transaction is rolled back', async () => {
    const reported = await report('timeout-1');
    const kase = reported.data!.reportCase;
    const before = await caseOf(kase.id);
    // Someone holds the case row: filing it waits on the lock, past the 1 s limit.
    holder = new Client(pg.url('gridwatch'));
    await holder.connect();
    await holder.query('begin');
    await holder.query(`select 1 from "case" where id = $1 for update`, [Number(Buffer.from(kase.id, 'base64').toString().split(':')[1])]);
    const filed = await post(api.url, filer, FILE, { input: { id: kase.id, version: kase.version } });
    await holder.query('rollback');
    expect(filed.code).toBe('TIMEOUT');
    expect(filed.ms).toBeLessThan(5_000);
    expect(filed.message).not.toMatch(LEAKS);
    expect(await caseOf(kase.id)).toEqual(before);
    // Nothing was left behind on the connection: the same step goes through now.
    const again = await post(api.url, filer, FILE, { input: { id: kase.id, version: kase.version } });
    expect(again.code).toBeNull();
    expect((await caseOf(kase.id)).events).toEqual(['REPORT', 'FILE']);
    console.log(JSON.stringify({ fault: 'statement timeout (1 s)', code: filed.code, answeredMs: filed.ms, caseUnchanged: true }));
  });

  it('a full evidence disk answers STORAGE_FULL (507) and records no evidence; with room again the same upload is kept', async () => {
    const kase = (await report('evidence-disk-1')).data!.reportCase;
    const upload = async () => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(phonePhoto('2026:11:28 09:00:00', { lng: 117.47, lat: 31.88 }))]), 'photo.jpg');
      const response = await fetch(`${api.url}/cases/${kase.id}/evidence?stage=REPORT`, { method: 'POST', body: form, headers: { cookie: reporter }, signal: AbortSignal.timeout(15_000) });
      return { status: response.status, text: await response.text() };
    };
    const evidence = async () => (await sql<{ n: number }>(`select count(*)::int as n from case_evidence`))[0].n;
    const before = await evidence();
    evidenceDisk.fill();
    const full = await upload();
    expect(full.status).toBe(507);
    expect(JSON.parse(full.text).error.code).toBe('STORAGE_FULL');
    expect(full.text).not.toMatch(LEAKS);
    expect(await evidence()).toBe(before);
    evidenceDisk.free();
    expect((await upload()).status).toBe(201);
    expect(await evidence()).toBe(before + 1);
    console.log(JSON.stringify({ fault: 'evidence disk full (tmpfs)', status: full.status, code: 'STORAGE_FULL', evidenceRowsWritten: 0 }));
  });

  it('a full database disk answers STORAGE_FULL; what was acknowledged stays, the failed report left nothing', async () => {
    // The case table on a tablespace of its own, on a tiny filesystem that is then filled.
    tableDisk = mountTinyDisk('4m', 'postgres');
    await sql(`create tablespace gw_fault_tiny location '${tableDisk.dir}'`, [], 'postgres');
    await sql(`alter table "case" set tablespace gw_fault_tiny`);
    // Compacted: no room left in its pages, so the next reports need the file to grow.
    await sql(`vacuum full "case"`);
    tableDisk.fill();
    const acknowledged: string[] = [];
    let refused: Awaited<ReturnType<typeof report>> | null = null;
    for (let i = 0; i < 400 && !refused; i += 1) {
      const answer = await report(`pgdisk-${i}`);
      if (answer.code === null) acknowledged.push(`pgdisk-${i}`);
      else refused = answer;
    }
    expect(refused?.code).toBe('STORAGE_FULL');
    expect(refused!.ms).toBeLessThan(5_000);
    expect(refused!.message).not.toMatch(LEAKS);
    const rows = await sql<{ key: string; events: number }>(
      `select c.idempotency_key as key, (select count(*)::int from case_event e where e.case_id = c.id) as events from "case" c where c.idempotency_key like 'pgdisk-%' order by c.id`,
    );
    expect(rows.map((r) => r.key)).toEqual(acknowledged);
    expect(rows.every((r) => r.events === 1)).toBe(true);
    const [{ orphans }] = await sql<{ orphans: number }>(`select count(*)::int as orphans from case_event e where not exists (select 1 from "case" c where c.id = e.case_id)`);
    expect(orphans).toBe(0);
    // Room again: the API goes on without a restart.
    tableDisk.free();
    expect((await report('pgdisk-after')).code).toBeNull();
    console.log(JSON.stringify({ fault: 'database disk full (tablespace on tmpfs)', acknowledgedBeforeFull: acknowledged.length, found: rows.length, code: refused?.code, answeredMs: refused?.ms }));
  });
});
