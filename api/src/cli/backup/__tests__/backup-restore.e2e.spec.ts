import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import * as tar from 'tar';
import { FakeClock } from '../../../common/clock';
import { cloneDatabase, TEMPLATE_EMPTY } from '../../../test/databases';
import { phonePhoto } from '../../../test/photo';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { TEST_CLOCK_START } from '../../../test/time';
import { report, seeded, upload } from '../../../modules/case/__tests__/workflow-helpers';
import type { BackupManifest } from '../backup-manifest';
import { createBackup } from '../create-backup';
import { restoreBackup } from '../restore-backup';
import { restoreIntact } from '../verify-restore';

/** Row count and an order-independent digest of every row's text, per table. */
async function digests(url: string, tables: string[]): Promise<Record<string, string>> {
  const client = new Client(url);
  await client.connect();
  try {
    const out: Record<string, string> = {};
    for (const table of tables) {
      const { rows: [r] } = await client.query<{ n: number; d: string }>(`select count(*)::int as n, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as d from public."${table}" t`);
      out[table] = `${r.n} ${r.d}`;
    }
    return out;
  } finally {
    await client.end();
  }
}

/** What the API's role may do: schema and table privileges, forced row-level security, policies. */
interface Grant {
  kind: string;
  name: string;
  detail: string | null;
}

async function security(url: string): Promise<Grant[]> {
  const client = new Client(url);
  await client.connect();
  try {
    const { rows } = await client.query<Grant>(`
      select 'schema' as kind, nspname::text as name, nspacl::text as detail from pg_namespace where nspname = 'public'
      union all
      select 'table', relname::text, concat_ws(' ', relacl::text, relrowsecurity, relforcerowsecurity) from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p', 'S', 'v')
      union all
      select 'policy', tablename || '.' || policyname, concat_ws(' ', roles::text, cmd, qual, with_check) from pg_policies where schemaname = 'public'
      order by 1, 2`);
    return rows;
  } finally {
    await client.end();
  }
}

async function tableCount(url: string): Promise<number> {
  const client = new Client(url);
  await client.connect();
  try {
    return (await client.query<{ n: number }>(`select count(*)::int as n from pg_tables where schemaname = 'public'`)).rows[0].n;
  } finally {
    await client.end();
  }
}

const sha = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

describe('pnpm backup / pnpm restore', () => {
  let app: TestApp;
  let work: string;
  let archive: string;
  let manifest: BackupManifest;
  const photos = [phonePhoto('2026:11:27 10:15:30', { lng: 117.47, lat: 31.88 }), phonePhoto('2026:11:27 10:20:00', { lng: 117.47, lat: 31.88 })];
  const targets: { drop: () => Promise<void> }[] = [];
  const newDatabase = async (): Promise<string> => {
    const db = await cloneDatabase('template0');
    targets.push(db);
    return db.url;
  };

  beforeAll(async () => {
    app = await startTestApp();
    const s = await seeded(app);
    const worker = await app.as('gridworker');
    const kase = await report(worker, { gridId: s.village, categoryId: s.dust });
    for (const photo of photos) expect((await upload(app, worker, kase.id, 'REPORT', photo)).status).toBe(201);
    work = mkdtempSync(path.join(os.tmpdir(), 'gw-backup-test-'));
    archive = path.join(work, 'backup.tar.gz');
    manifest = await createBackup({ databaseUrl: app.databaseUrl, evidenceDir: app.evidenceDir, out: archive, clock: new FakeClock(TEST_CLOCK_START) });
  });
  afterAll(async () => {
    for (const t of targets) await t.drop();
    await app?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('writes a manifest with versions, the migrations, each table with rows and SHA-256, and the evidence', () => {
    expect(manifest).toMatchObject({ format: 'gridwatch-backup', version: 1, createdAt: TEST_CLOCK_START.toISOString(), server: expect.stringMatching(/^\d+\.\d+/) });
    // The template was built from the baseline: its history starts there.
    expect(manifest.migrations[0]).toMatch(/^Migration\d{14}_baseline$/);
    const events = manifest.tables.find((t) => t.name === 'case_event')!;
    expect(events.rows).toBeGreaterThan(100);
    expect(events.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Referenced tables load first.
    const order = manifest.tables.map((t) => t.name);
    expect(order.indexOf('case')).toBeLessThan(order.indexOf('case_event'));
    expect(manifest.evidence.map((e) => e.sha256).sort()).toEqual(photos.map(sha).sort());
  });

  it('restores into a new database row for row: same counts and content per table, chains intact, evidence present with its hashes', async () => {
    const target = await newDatabase();
    const evidenceDir = path.join(work, 'restored-evidence');
    const result = await restoreBackup({ backup: archive, databaseUrl: target, evidenceDir });
    expect(result.chains.length).toBeGreaterThan(1);
    expect(result.chains.filter((c) => c.broken)).toEqual([]);
    expect(result.evidence).toEqual({ files: 2, bad: [] });
    expect(restoreIntact(result)).toBe(true);
    for (const photo of photos) expect(readFileSync(path.join(evidenceDir, sha(photo).slice(0, 2), sha(photo))).equals(photo)).toBe(true);

    const tables = manifest.tables.map((t) => t.name);
    expect(await digests(target, tables)).toEqual(await digests(app.databaseUrl, tables));
    // Sequences continue where they were: the next case gets the next id in both.
    const next = `select last_value::text || is_called::text as v from public.case_id_seq`;
    const [source] = await app.ownerSql<{ v: string }>(next);
    const client = new Client(target);
    await client.connect();
    expect((await client.query<{ v: string }>(next)).rows[0]).toEqual(source);
    await client.end();

    await expect(restoreBackup({ backup: archive, databaseUrl: target, evidenceDir })).rejects.toThrow(/target database is not empty .*--force/);
    const forced = await restoreBackup({ backup: archive, databaseUrl: target, evidenceDir, force: true });
    expect(restoreIntact(forced)).toBe(true);
    expect(await digests(target, tables)).toEqual(await digests(app.databaseUrl, tables));
    // The public schema was dropped and rebuilt: the API's role gets back exactly what it had.
    const grants = await security(target);
    expect(grants.filter((g) => g.kind === 'policy').length).toBeGreaterThan(20);
    expect(grants).toEqual(await security(app.databaseUrl));
  });

  describe('a damaged backup', () => {
    let unpacked: string;
    beforeEach(async () => {
      unpacked = mkdtempSync(path.join(work, 'unpacked-'));
      await tar.extract({ file: archive, cwd: unpacked });
    });

    it('is refused before anything is loaded, naming the corrupt file', async () => {
      const target = await newDatabase();
      const file = path.join(unpacked, 'tables', 'case_event.copy');
      const bytes = readFileSync(file);
      bytes[Math.floor(bytes.length / 2)] ^= 1;
      writeFileSync(file, bytes);
      await expect(restoreBackup({ backup: unpacked, databaseUrl: target, evidenceDir: path.join(work, 'x') })).rejects.toThrow(/backup file tables\/case_event\.copy is corrupt/);
      expect(await tableCount(target)).toBe(0);

      // Packed again: the same refusal through the archive.
      const repacked = path.join(work, 'corrupt.tar.gz');
      await tar.create({ gzip: true, cwd: unpacked, file: repacked }, ['manifest.json', 'tables', 'evidence']);
      await expect(restoreBackup({ backup: repacked, databaseUrl: target, evidenceDir: path.join(work, 'x') })).rejects.toThrow(/tables\/case_event\.copy is corrupt/);
    });

    it('is refused when the archive itself is cut short', async () => {
      const cut = path.join(work, 'cut.tar.gz');
      const bytes = readFileSync(archive);
      writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
      await expect(restoreBackup({ backup: cut, databaseUrl: await newDatabase(), evidenceDir: path.join(work, 'x') })).rejects.toThrow(/cut\.tar\.gz is not a readable backup archive/);
    });

    it('is refused when an evidence file does not match its hash', async () => {
      const target = await newDatabase();
      const evidence = manifest.evidence[0];
      writeFileSync(path.join(unpacked, evidence.file), Buffer.from('not the photo'));
      await expect(restoreBackup({ backup: unpacked, databaseUrl: target, evidenceDir: path.join(work, 'x') })).rejects.toThrow(new RegExp(`backup file ${evidence.file} is corrupt`));
      expect(await tableCount(target)).toBe(0);
    });

    it('from a version this code does not know is refused before a forced target is dropped', async () => {
      const target = await cloneDatabase(TEMPLATE_EMPTY);
      targets.push(target);
      const tables = await tableCount(target.url);
      const future: BackupManifest = JSON.parse(readFileSync(path.join(unpacked, 'manifest.json'), 'utf8'));
      future.migrations.push('Migration29991231000000_future');
      writeFileSync(path.join(unpacked, 'manifest.json'), JSON.stringify(future));
      await expect(restoreBackup({ backup: unpacked, databaseUrl: target.url, evidenceDir: path.join(work, 'x'), force: true })).rejects.toThrow(/Migration29991231000000_future is not this version's/);
      expect(await tableCount(target.url)).toBe(tables);
    });

    it('whose checksums were rewritten to match an edited chain still fails the chain verification after restore', async () => {
      const target = await newDatabase();
      const file = path.join(unpacked, 'tables', 'case_event.copy');
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.splice(Math.floor(lines.length / 2), 1);
      writeFileSync(file, lines.join('\n'));
      const forged: BackupManifest = JSON.parse(readFileSync(path.join(unpacked, 'manifest.json'), 'utf8'));
      const entry = forged.tables.find((t) => t.name === 'case_event')!;
      entry.sha256 = sha(readFileSync(file));
      entry.rows -= 1;
      writeFileSync(path.join(unpacked, 'manifest.json'), JSON.stringify(forged));
      const result = await restoreBackup({ backup: unpacked, databaseUrl: target, evidenceDir: path.join(work, 'forged-evidence') });
      expect(result.chains.filter((c) => c.broken)).toHaveLength(1);
      expect(restoreIntact(result)).toBe(false);
    });
  });
});
