import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import * as tar from 'tar';
import { Logger, quickAddJob, runOnce } from 'graphile-worker';
import { FakeClock } from '../../../common/clock';
import { toGlobalId } from '../../../common/global-id';
import { CHAIN_CHECKPOINTS, schedulerTasks } from '../../../scheduler/scheduler';
import { verifyOverApi } from '../../chain-api-verifier';
import { readCatalogue, rlsGaps } from '../../../db/rls-audit';
import { verifyChains } from '../../../modules/case/case-chain.service';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { beijing } from '../../../test/time';
import { sha256File } from '../../backup/backup-manifest';
import { archiveEvents, restoreEventArchive, verifyArchiveFile } from '../archive-events';
import { ARCHIVE_MANIFEST, ARCHIVE_ROWS, type EventArchiveManifest } from '../archive-file';

const EVENTS = `select e::text as row from case_event e order by id`;
const RUNS = `{ archivedEventRuns { chainKey county month firstSeq lastSeq lastHash events } }`;
type Runs = { archivedEventRuns: { chainKey: number; county: string | null; month: string; firstSeq: number; lastSeq: number; lastHash: string; events: number }[] };

describe('pnpm events:archive: old months detached to files, the chain still verifiable', () => {
  const clock = new FakeClock(beijing('2026-12-06T09:00:00'));
  let app: TestApp;
  let dir: string;
  let before: { row: string }[];
  let originalHashes: Map<string, string>;
  const broken = async () => (await verifyChains(app.ownerOrm.em.fork())).filter((c) => c.broken);
  const withClient = async <T>(fn: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client(app.databaseUrl);
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };

  /** The county's third party: an API key with READ_CASES and the verifier over HTTP only. */
  let feidongKey: string;
  const overApi = () => verifyOverApi({ url: app.url, token: feidongKey, county: '340122' });

  beforeAll(async () => {
    app = await startTestApp({ clock });
    const feidong = await app.as('feidong');
    const [county] = await app.ownerSql<{ id: number }>(`select id from grid where code = '340122000000'`);
    const created = await feidong.data<{ createApiKey: { key: string } }>(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`, {
      input: { name: '第三方核验', unitId: toGlobalId('Grid', county.id), scopes: ['READ_CASES'] },
    });
    feidongKey = created.createApiKey.key;
    // Today's signed heads, as the daily job makes them.
    await quickAddJob({ connectionString: app.databaseUrl }, CHAIN_CHECKPOINTS, {});
    await runOnce({ connectionString: app.databaseUrl, taskList: schedulerTasks(app.ownerOrm, clock), logger: new Logger(() => () => undefined) });
    dir = mkdtempSync(path.join(os.tmpdir(), 'gw-archive-test-'));
    before = await app.ownerSql(EVENTS);
    originalHashes = new Map((await app.ownerSql<{ id: string; hash: string }>(`select id::text, hash from case_event`)).map((e) => [e.id, e.hash]));
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('archives the months before the cut: files written, partitions gone, what remains verifies from the archived runs', async () => {
    expect(await broken()).toEqual([]);
    const archived = await archiveEvents({ databaseUrl: app.databaseUrl, before: '2026-03', dir, clock });
    expect(archived.map((m) => m.month)).toEqual(['2026-01', '2026-02']);
    expect(archived.every((m) => m.rows > 10)).toBe(true);
    expect(await app.ownerSql(`select to_regclass('case_event_y2026m01') is null as gone1, to_regclass('case_event_y2026m02') is null as gone2`)).toEqual([{ gone1: true, gone2: true }]);
    const [{ n }] = await app.ownerSql<{ n: number }>(`select count(*)::int as n from case_event`);
    expect(n).toBe(before.length - archived[0].rows - archived[1].rows);

    const reports = await verifyChains(app.ownerOrm.em.fork());
    expect(reports.filter((c) => c.broken)).toEqual([]);
    expect(reports.reduce((sum, c) => sum + c.events, 0)).toBe(n);
    // Nothing left behind: no loose copy of tenant rows, the manifest check still clean.
    expect(rlsGaps(await readCatalogue((sql) => app.ownerSql(sql)))).toEqual([]);
    expect(await archiveEvents({ databaseUrl: app.databaseUrl, before: '2026-03', dir, clock })).toEqual([]);
  });

  it('a third party still verifies the county over the API alone: the retained events link to the archived runs it may read', async () => {
    const [report] = await overApi();
    expect(report).toMatchObject({ county: '340122 肥东县', checkpoints: 1, problems: [] });
    const [{ archived }] = await app.ownerSql<{ archived: number }>(
      `select coalesce(sum(events), 0)::int as archived from case_event_archive_run where chain_key = (select id from grid where code = '340122000000')`,
    );
    expect(archived).toBeGreaterThan(0);
    expect(report.archivedEvents).toBe(archived);
    // Scoped like the checkpoints: the county reads its runs only, another county and a grid worker none of them, the city all.
    const own = (await (await app.as('feidong')).data<Runs>(RUNS)).archivedEventRuns;
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((r) => r.county)).size).toBe(1);
    const yaohai = (await (await app.as('yaohai')).data<Runs>(RUNS)).archivedEventRuns;
    expect(yaohai.length).toBeGreaterThan(0);
    expect(yaohai.some((r) => own.some((o) => o.chainKey === r.chainKey))).toBe(false);
    expect((await (await app.as('gridworker')).data<Runs>(RUNS)).archivedEventRuns).toEqual([]);
    const [{ runs }] = await app.ownerSql<{ runs: number }>(`select count(*)::int as runs from case_event_archive_run`);
    expect((await (await app.as('cityadmin')).data<Runs>(RUNS)).archivedEventRuns).toHaveLength(runs);
    expect((await (await app.as('countydept')).request(RUNS)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("each file's rows are the events as they were, and re-hash to the chain values recorded", async () => {
    for (const month of ['01', '02']) {
      const file = path.join(dir, `case_event_y2026m${month}.tar.gz`);
      const unpacked = await mkdtemp(path.join(os.tmpdir(), 'gw-archive-read-'));
      try {
        await tar.extract({ file, cwd: unpacked });
        const manifest = JSON.parse(readFileSync(path.join(unpacked, ARCHIVE_MANIFEST), 'utf8')) as EventArchiveManifest;
        expect(await sha256File(path.join(unpacked, ARCHIVE_ROWS))).toBe(manifest.sha256);
        const [id, hash] = [manifest.columns.indexOf('id'), manifest.columns.indexOf('hash')];
        const rows = (await readFile(path.join(unpacked, ARCHIVE_ROWS), 'utf8')).trim().split('\n').map((line) => line.split('\t'));
        expect(rows.length).toBe(manifest.rows);
        for (const row of rows) expect(row[hash]).toBe(originalHashes.get(row[id]));
        const recorded = await app.ownerSql<{ last_hash: string; last_seq: string }>(
          `select r.last_hash, r.last_seq::text from case_event_archive_run r join case_event_archive a on a.id = r.archive_id where a.month = $1::date order by r.chain_key, r.first_seq`,
          [`2026-${month}-01`],
        );
        expect(recorded.map((r) => r.last_hash)).toEqual(manifest.runs.map((r) => r.lastHash));
      } finally {
        await rm(unpacked, { recursive: true, force: true });
      }
      // Re-hashed with the chain's digest in a scratch table: every row matches and links.
      await expect(withClient((client) => verifyArchiveFile(client, file))).resolves.toMatchObject({ month: `2026-${month}` });
    }
  });

  it('refuses a file whose rows were edited, even with a matching checksum', async () => {
    const unpacked = await mkdtemp(path.join(os.tmpdir(), 'gw-archive-edit-'));
    const forged = path.join(dir, 'forged.tar.gz');
    try {
      await tar.extract({ file: path.join(dir, 'case_event_y2026m01.tar.gz'), cwd: unpacked });
      const rowsFile = path.join(unpacked, ARCHIVE_ROWS);
      const lines = (await readFile(rowsFile, 'utf8')).split('\n');
      const manifest = JSON.parse(await readFile(path.join(unpacked, ARCHIVE_MANIFEST), 'utf8')) as EventArchiveManifest;
      const note = manifest.columns.indexOf('note');
      lines[0] = lines[0].split('\t').map((v, i) => (i === note ? '改过的说明' : v)).join('\t');
      await writeFile(rowsFile, lines.join('\n'));
      await writeFile(path.join(unpacked, ARCHIVE_MANIFEST), JSON.stringify({ ...manifest, sha256: await sha256File(rowsFile) }));
      await tar.create({ gzip: true, cwd: unpacked, file: forged }, [ARCHIVE_MANIFEST, ARCHIVE_ROWS]);
      await expect(withClient((client) => verifyArchiveFile(client, forged))).rejects.toThrow('1 archived event(s) of 2026-01 do not match their hash');
    } finally {
      await rm(unpacked, { recursive: true, force: true });
    }
  });

  it('a recorded run that does not link to the retained events is a broken chain', async () => {
    const [run] = await app.ownerSql<{ chain_key: number; last_hash: string }>(
      `select r.chain_key, r.last_hash from case_event_archive_run r join case_event_archive a on a.id = r.archive_id
       where a.month = '2026-02-01' and r.chain_key = (select id from grid where code = '340122000000') order by r.events desc limit 1`,
    );
    await app.ownerSql(`update case_event_archive_run set last_hash = repeat('0', 64) where chain_key = $1 and last_hash = $2`, [run.chain_key, run.last_hash]);
    try {
      const [chain] = await broken();
      expect(chain.chainKey).toBe(run.chain_key);
      expect(chain.broken?.problem).toBe('previous hash does not match (an event was removed or replaced)');
      // The third party sees the same break from the API.
      expect((await overApi())[0].problems.join('\n')).toMatch(/does not link to what comes before it/);
    } finally {
      await app.ownerSql(`update case_event_archive_run set last_hash = $2 where chain_key = $1 and last_hash = repeat('0', 64)`, [run.chain_key, run.last_hash]);
    }
    expect(await broken()).toEqual([]);
  });

  it('restoring the files attaches the months back: every event as before, full verification passes', async () => {
    for (const month of ['02', '01']) {
      const manifest = await restoreEventArchive({ databaseUrl: app.databaseUrl, file: path.join(dir, `case_event_y2026m${month}.tar.gz`), clock });
      expect(manifest.month).toBe(`2026-${month}`);
    }
    expect(await app.ownerSql(EVENTS)).toEqual(before);
    expect(await broken()).toEqual([]);
    expect(await app.ownerSql(`select count(*)::int as n from case_event_archive where restored_at is null`)).toEqual([{ n: 0 }]);
    // Sealed off again: reached through case_event's policies only.
    expect(rlsGaps(await readCatalogue((sql) => app.ownerSql(sql)))).toEqual([]);
    await expect(restoreEventArchive({ databaseUrl: app.databaseUrl, file: path.join(dir, 'case_event_y2026m01.tar.gz'), clock })).rejects.toThrow(
      /no archived 2026-01 with this file's SHA-256 .* is waiting to be restored/,
    );
  });
});
