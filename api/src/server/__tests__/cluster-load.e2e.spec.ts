import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createStreamingReplica, type RunningReplica } from '../../db/replica';
import { startApiProcess, type ApiProcess } from '../../test/api-process';
import { LSN_HEADER, READ_FROM_HEADER } from '../../db/read-target';
import { seedDatabase, until } from '../../test/faults/fixtures';
import { startKillablePostgres, type KillablePostgres } from '../../test/faults/killable-postgres';
import { signIn } from '../../test/faults/write-load';
import { startHaProxy, type HaProxy } from '../../test/haproxy';
import { ClusterLoad } from '../../test/load/cluster-load';
import { runClusterScenario } from '../../test/load/cluster-scenario';

const BUDGET_MS = 3_000;

/*
 * The cluster in small (deploy/cluster.sh without PgBouncer): a primary and a streaming replica
 * of the test's own (a replica of the shared test server would replay what other test files do
 * to it, tablespaces included), two API processes reading from the replica, HAProxy in front.
 * Writers read their own writes back at every request while an API process is killed and
 * restarted and while the replica lags within and beyond the lag budget.
 */
describe('the cluster: an API process killed, the replica lagging, exports on the replica', () => {
  let pg: KillablePostgres;
  let replica: RunningReplica;
  let dataDir: string;
  const apis: ApiProcess[] = [];
  let proxy: HaProxy;
  let standby: Client;
  let env: Record<string, string>;

  beforeAll(async () => {
    pg = await startKillablePostgres();
    await pg.sql('postgres', 'create database gridwatch');
    await seedDatabase(pg.url('gridwatch'));
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'gw-cluster-replica-'));
    replica = await createStreamingReplica({ primaryUrl: pg.url('postgres'), dataDir, slot: 'gw_cluster_load' });
    standby = new Client(replica.url('postgres'));
    await standby.connect();
    env = { DATABASE_REPLICA_URL: replica.url('gridwatch'), DATABASE_REPLICA_MAX_LAG_MS: String(BUDGET_MS) };
    // Side by side: the database is migrated and seeded already, nothing for them to race on.
    apis.push(...(await Promise.all([startApiProcess(pg.url('gridwatch'), { env }), startApiProcess(pg.url('gridwatch'), { env })])));
    proxy = await startHaProxy(apis.map((api) => api.port));
  });

  afterAll(async () => {
    await standby?.end();
    await proxy?.stop();
    for (const api of apis) await api.stop();
    await replica?.stop();
    await pg?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers every request (those in flight at the kill retried) and never reads a writer its past', async () => {
    const load = new ClusterLoad({ url: proxy.url, writers: 3, readers: 3 });
    await load.start();
    let answeredAfterRestart = 0;
    try {
      ({ answeredAfterRestart } = await runClusterScenario(load, {
        killed: 'api1',
        kill: () => apis[0].kill('SIGKILL'),
        restart: async () => {
          apis[0] = await startApiProcess(pg.url('gridwatch'), { env, port: apis[0].port });
        },
        standby,
        budgetMs: BUDGET_MS,
      }));
    } finally {
      await load.stop();
    }
    const summary = load.summary();
    console.log(JSON.stringify(summary));
    const phase = (name: string) => load.phases.get(name);

    expect({ failed: load.total.failed, violations: load.total.violations, findings: load.findings }).toEqual({ failed: 0, violations: 0, findings: [] });
    // Only what was in flight on the killed process is tried again: one request per client at most.
    expect(load.total.retried).toBeLessThanOrEqual(6);
    expect(phase('kill')?.retried).toBe(load.total.retried);
    // The replica served reads, the writers' own ones too once it had replayed their writes...
    expect(phase('steady')?.readFrom.replica).toBeGreaterThan(0);
    expect(phase('steady')?.ownReadFrom.replica).toBeGreaterThan(0);
    // ...answered readers behind the writers while it lagged within the budget, the writers from the primary...
    expect(phase('lag-within-budget')?.staleReads).toBeGreaterThan(0);
    expect(phase('lag-within-budget')?.ownReadFrom.primary).toBeGreaterThan(0);
    // ...and nobody past the budget, until it caught up.
    expect(phase('lag-beyond-budget')?.reads).toBeGreaterThan(0);
    expect(phase('lag-beyond-budget')?.readFrom.replica).toBe(0);
    expect(phase('lag-beyond-budget')?.ownReadFrom.replica).toBe(0);
    expect(phase('recovered')?.readFrom.replica).toBeGreaterThan(0);
    // Both API processes answered, the killed one again after its restart.
    expect(answeredAfterRestart).toBeGreaterThan(0);
    expect(load.answered('api2')).toBeGreaterThan(0);
  });

  it("answers an export from the replica, and from the primary while the caller's last write is not replayed there", async () => {
    const api = apis[1].url;
    const cookie = await signIn(api, 'feidong');
    const post = async (query: string, variables: Record<string, unknown> = {}) => {
      const response = await fetch(`${api}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
      return { body: (await response.json()) as { data: Record<string, { id: string; name: string; version: number }> }, lsn: response.headers.get(LSN_HEADER) };
    };
    const exported = async (lsn?: string) => {
      const response = await fetch(`${api}/export/sources.csv`, { headers: { cookie, ...(lsn ? { [LSN_HEADER]: lsn } : {}) } });
      return { status: response.status, readFrom: response.headers.get(READ_FROM_HEADER), text: await response.text() };
    };
    // The first request looks the new session up on the primary; then this process keeps the caller.
    const { source } = (await post(`{ source: sources(first: 1) { nodes { id } } }`)).body.data as unknown as { source: { nodes: { id: string }[] } };
    const id = source.nodes[0].id;
    await until('the export is answered by the replica', async () => (await exported()).readFrom === 'replica');

    await standby.query('select pg_wal_replay_pause()');
    try {
      const { version } = (await post(`query($id: ID!) { source(id: $id) { id name version } }`, { id })).body.data.source;
      const wrote = await post(`mutation($id: ID!, $version: Int!) { source: updateSource(id: $id, version: $version, input: { name: "导出读己之写" }) { id name version } }`, { id, version });
      expect(wrote.body.data.source.name).toBe('导出读己之写');
      // Without the position the replica answers, behind (proof it is the replica)...
      const stale = await exported();
      expect({ status: stale.status, readFrom: stale.readFrom, written: stale.text.includes('导出读己之写') }).toEqual({ status: 200, readFrom: 'replica', written: false });
      // ...with it, the primary, which has the write.
      const own = await exported(wrote.lsn as string);
      expect({ status: own.status, readFrom: own.readFrom, written: own.text.includes('导出读己之写') }).toEqual({ status: 200, readFrom: 'primary', written: true });
    } finally {
      await standby.query('select pg_wal_replay_resume()');
    }
  });
});
