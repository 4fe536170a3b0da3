import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../../test/test-app';
import { LSN_HEADER, parseLsn, READ_FROM_HEADER } from '../read-target';
import type { ReadRouter } from '../../server/read-router';
import { createStreamingReplica, type RunningReplica } from '../replica';
import { seedDatabase } from '../../test/faults/fixtures';
import { startKillablePostgres, type KillablePostgres } from '../../test/faults/killable-postgres';

/*
 * A primary of the test's own and a streaming replica made from it by the test (db/replica.ts),
 * with the API reading from the replica. Not the run's shared server: a standby replays
 * everything another test does to that server (a tablespace on a tiny disk once killed it). Lag is made by pausing the replica's
 * replay or delaying it (recovery_min_apply_delay); every read-your-writes check is per request.
 */

const MAX_LAG_MS = 3000;

interface Answer<T> {
  data: T | null;
  errors?: { extensions?: Record<string, unknown> }[];
  readFrom: string | null;
  lsn: string | null;
}

/** A caller with its cookie and, when it carries them, the commit positions the API gave it. */
class Caller {
  cookie: string | null = null;
  lsn: string | null = null;
  constructor(
    private readonly url: string,
    private readonly carriesLsn: boolean,
  ) {}

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.carriesLsn && this.lsn) headers[LSN_HEADER] = this.lsn;
    const response = await fetch(`${this.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const cookie = response.headers.get('set-cookie');
    if (cookie) this.cookie = cookie.split(';')[0];
    const lsn = response.headers.get(LSN_HEADER);
    if (lsn) this.lsn = lsn;
    const body = (await response.json()) as { data: T | null; errors?: { extensions?: Record<string, unknown> }[] };
    return { ...body, readFrom: response.headers.get(READ_FROM_HEADER), lsn };
  }

  async signIn(login: string): Promise<this> {
    const { errors } = await this.request(`mutation($l: String!, $p: String!) { signIn(login: $l, password: $p) { role } }`, { l: login, p: DEMO_PASSWORD });
    if (errors) throw new Error(JSON.stringify(errors));
    // The first request looks the new session up on the primary; then the API keeps the caller, whose reads may go to the replica.
    await this.request('{ __typename }');
    return this;
  }
}

/** Answered by the read compiler (one statement, data/read-connection.ts). */
const COMPILED = `query($id: ID!) { source(id: $id) { name version } }`;
/** A root field with a directive is the resolvers' (the ORM's reads in the request's unit of work). */
const RESOLVED = `query($id: ID!) { source(id: $id) @include(if: true) { name version } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $name: String!) { updateSource(id: $id, version: $version, input: { name: $name }) { name version } }`;

type Source = { source: { name: string; version: number } };

describe('a streaming read replica with read-your-writes', () => {
  let replica: RunningReplica;
  let app: TestApp;
  let standby: Client;
  let router: ReadRouter;
  let sourceId: string;
  let rowId: number;
  let dataDir: string;
  let primary: KillablePostgres;

  beforeAll(async () => {
    primary = await startKillablePostgres();
    await primary.sql('postgres', 'create database gridwatch');
    await seedDatabase(primary.url('gridwatch'));
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'gw-replica-'));
    replica = await createStreamingReplica({ primaryUrl: primary.url('postgres'), dataDir, slot: 'gw_test_replica' });
    app = await startTestApp({ databaseUrl: primary.url('gridwatch'), replica: { url: replica.url, maxLagMs: MAX_LAG_MS } });
    router = app.server.readRouter as ReadRouter;
    standby = new Client(replica.url('postgres'));
    await standby.connect();
    const feidong = await new Caller(app.url, true).signIn('feidong');
    const { data } = await feidong.request<{ sources: { nodes: { id: string }[] } }>(`{ sources(first: 1) { nodes { id } } }`);
    sourceId = data?.sources.nodes[0].id as string;
    rowId = Number(Buffer.from(sourceId, 'base64url').toString().split(':')[1]);
  });

  afterAll(async () => {
    await standby?.query('select pg_wal_replay_resume()').catch(() => undefined);
    await standby?.end();
    await app?.close();
    await replica?.stop({ remove: true });
    // A replica that failed to start leaves its copy behind.
    rmSync(dataDir, { recursive: true, force: true });
    await primary?.destroy();
  });

  /** Until the router has seen the replica replay past the primary's current position. */
  async function caughtUp(): Promise<void> {
    const [{ lsn }] = await app.ownerSql<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
    const wanted = parseLsn(lsn);
    for (let waited = 0; router.target(wanted) !== 'replica'; waited += 50) {
      if (waited > 45_000) throw new Error('the replica did not catch up');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function current(): Promise<{ name: string; version: number }> {
    const [row] = await app.ownerSql<{ name: string; version: number }>('select name, version from pollution_source where id = $1', [rowId]);
    return row;
  }

  it('answers stale-tolerant reads from the replica, compiled or through the resolvers, under row-level security', async () => {
    const reader = await new Caller(app.url, false).signIn('feidong');
    await caughtUp();
    const before = await current();
    for (const query of [COMPILED, RESOLVED]) {
      const answer = await reader.request<Source>(query, { id: sourceId });
      expect(answer).toMatchObject({ readFrom: 'replica', data: { source: before } });
    }
    // Proof it was the standby that answered: with its replay paused, a change on the primary is not seen.
    await standby.query('select pg_wal_replay_pause()');
    try {
      await app.ownerSql(`update pollution_source set name = name || '·' where id = $1`, [rowId]);
      for (const query of [COMPILED, RESOLVED]) {
        const answer = await reader.request<Source>(query, { id: sourceId });
        expect(answer).toMatchObject({ readFrom: 'replica', data: { source: before } });
      }
      // A session the replica has not replayed yet: looked up on the primary first, then its reads go to the replica.
      const fresh = await new Caller(app.url, false).signIn('feidong');
      expect(await fresh.request<Source>(COMPILED, { id: sourceId })).toMatchObject({ readFrom: 'replica', data: { source: before } });
    } finally {
      await standby.query('select pg_wal_replay_resume()');
    }
    await caughtUp();
    expect((await reader.request<Source>(COMPILED, { id: sourceId })).data?.source.name).toBe(`${before.name}·`);
    // Row-level security binds the caller there too: another county's caller does not find Feidong's source.
    const other = await new Caller(app.url, false).signIn('yaohai');
    await caughtUp();
    for (const query of [COMPILED, RESOLVED]) {
      const answer = await other.request<Source>(query, { id: sourceId });
      expect(answer.readFrom).toBe('replica');
      expect(answer.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('lets a writer read its own writes at every request while the replica lags, and another caller read stale', async () => {
    const writer = await new Caller(app.url, true).signIn('feidong');
    const other = await new Caller(app.url, false).signIn('feidong');
    await caughtUp();
    await standby.query(`alter system set recovery_min_apply_delay = '1500ms'`);
    await standby.query('select pg_reload_conf()');
    let stale = 0;
    try {
      let { version } = await current();
      for (let i = 0; i < 6; i += 1) {
        const wrote = await writer.request<{ updateSource: { version: number } }>(UPDATE, { id: sourceId, version, name: `回读 ${i}` });
        expect(wrote.errors).toBeUndefined();
        expect(wrote.lsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
        version = wrote.data?.updateSource.version as number;
        for (const query of [COMPILED, RESOLVED]) {
          const own = await writer.request<Source>(query, { id: sourceId });
          expect(own.data?.source).toEqual({ name: `回读 ${i}`, version });
        }
        const seen = await other.request<Source>(COMPILED, { id: sourceId });
        if (seen.readFrom === 'replica' && seen.data?.source.version !== version) stale += 1;
      }
      // The lag stayed within the budget: the caller without a position read the replica, behind.
      expect(stale).toBeGreaterThan(0);
      // Once the replica has replayed the writer's last commit, its reads go there again.
      for (let waited = 0; router.target(parseLsn(writer.lsn)) !== 'replica'; waited += 50) {
        if (waited > 10_000) throw new Error('the replica did not replay the write');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const later = await writer.request<Source>(COMPILED, { id: sourceId });
      expect(later).toMatchObject({ readFrom: 'replica', data: { source: { name: '回读 5', version } } });
    } finally {
      await standby.query(`alter system reset recovery_min_apply_delay`);
      await standby.query('select pg_reload_conf()');
    }
  });

  it('reads from the primary once the replica lags beyond the budget, and from the replica again when it catches up', async () => {
    const reader = await new Caller(app.url, false).signIn('feidong');
    await caughtUp();
    await standby.query('select pg_wal_replay_pause()');
    try {
      await app.ownerSql(`update pollution_source set name = '超出延迟预算' where id = $1`, [rowId]);
      await new Promise((resolve) => setTimeout(resolve, MAX_LAG_MS + 500));
      expect(router.lagMs()).toBeGreaterThan(MAX_LAG_MS);
      for (const query of [COMPILED, RESOLVED]) {
        expect(await reader.request<Source>(query, { id: sourceId })).toMatchObject({ readFrom: 'primary', data: { source: { name: '超出延迟预算' } } });
      }
    } finally {
      await standby.query('select pg_wal_replay_resume()');
    }
    await caughtUp();
    expect(await reader.request<Source>(COMPILED, { id: sourceId })).toMatchObject({ readFrom: 'replica', data: { source: { name: '超出延迟预算' } } });
  });

  it("runs a mutation's reads on the primary, whoever sends it", async () => {
    const first = await new Caller(app.url, false).signIn('feidong');
    const second = await new Caller(app.url, false).signIn('feidong');
    await caughtUp();
    await standby.query('select pg_wal_replay_pause()');
    try {
      const { version } = await current();
      const readsBefore = router.stats.replica;
      const a = await first.request<{ updateSource: { version: number } }>(UPDATE, { id: sourceId, version, name: '主库写一' });
      expect(a.errors).toBeUndefined();
      // The replica still has `version`: a mutation reading it would answer CONFLICT.
      const b = await second.request<{ updateSource: { name: string; version: number } }>(UPDATE, { id: sourceId, version: version + 1, name: '主库写二' });
      expect(b.errors).toBeUndefined();
      expect(b.data?.updateSource).toEqual({ name: '主库写二', version: version + 2 });
      expect(b.readFrom).toBeNull();
      expect(router.stats.replica).toBe(readsBefore);
    } finally {
      await standby.query('select pg_wal_replay_resume()');
    }
  });
});
