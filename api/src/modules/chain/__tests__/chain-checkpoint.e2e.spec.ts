import { execFile } from 'node:child_process';
import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { Client } from 'pg';
import { enableAppRole } from '../../../db/app-role';
import { loadSigner, verifySignature } from '../chain-signer';
import path from 'node:path';
import { promisify } from 'node:util';
import { Logger, quickAddJob, runOnce } from 'graphile-worker';
import { FakeClock } from '../../../common/clock';
import { toGlobalId } from '../../../common/global-id';
import { CHAIN_CHECKPOINTS, schedulerTasks } from '../../../scheduler/scheduler';
import { startApiProcess, type ApiProcess } from '../../../test/api-process';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { beijing } from '../../../test/time';
import { report, seeded, type Seeded } from '../../case/__tests__/workflow-helpers';

const run = promisify(execFile);
const apiDir = path.resolve(__dirname, '..', '..', '..', '..');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const EVENTS = `query($unit: ID) { caseEvents(unit: $unit, first: 500) { nodes { id chainSeq hash previousHash digestInput } } }`;
type Events = { caseEvents: { nodes: { id: string; chainSeq: number; hash: string; previousHash: string; digestInput: string }[] } };
const CHECKPOINTS = `{ chainCheckpoints(first: 100) { nodes { day seq headHash keyId payload signature } } }`;
type Checkpoints = { chainCheckpoints: { nodes: { day: string; seq: number; headHash: string; keyId: string; payload: string; signature: string }[] } };

/** The verifier as a third party runs it: a separate process that knows only the API's URL and a key. */
async function verifier(url: string, token: string): Promise<{ code: number; out: string }> {
  return run(process.execPath, ['-r', '@swc-node/register', 'src/cli/verify-chain.ts', '--url', url, '--token', token, '--county', '340122'], { cwd: apiDir }).then(
    ({ stdout }) => ({ code: 0, out: stdout }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, out: error.stdout + error.stderr }),
  );
}

describe('chain checkpoints: hashes readable, heads signed, verifiable from the API alone', () => {
  const clock = new FakeClock(beijing('2026-11-28T09:00:00'));
  let app: TestApp;
  let s: Seeded;
  let feidong: string;
  let yaohai: string;
  const worker = async () => {
    await quickAddJob({ connectionString: app.databaseUrl }, CHAIN_CHECKPOINTS, {});
    await runOnce({ connectionString: app.databaseUrl, taskList: schedulerTasks(app.ownerOrm, clock), logger: new Logger(() => () => undefined) });
  };

  beforeAll(async () => {
    app = await startTestApp({ clock });
    s = await seeded(app);
    feidong = await s.grid('340122000000');
    yaohai = await s.grid('340102000000');
  });
  afterAll(() => app.close());

  it('a county reads hash and previousHash of its events (each hash recomputable), never another county’s', async () => {
    const county = await app.as('feidong');
    const { caseEvents } = await county.data<Events>(EVENTS, { unit: feidong });
    expect(caseEvents.nodes.length).toBeGreaterThan(10);
    for (const e of caseEvents.nodes) {
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(sha256(e.digestInput)).toBe(e.hash);
      expect(JSON.parse(e.digestInput)[0]).toBe(e.previousHash);
    }
    const bySeq = new Map(caseEvents.nodes.map((e) => [e.chainSeq, e]));
    const linked = caseEvents.nodes.filter((e) => bySeq.has(e.chainSeq - 1));
    expect(linked.length).toBeGreaterThan(5);
    for (const e of linked) expect(e.previousHash).toBe(bySeq.get(e.chainSeq - 1)!.hash);

    // Another county's events: not in its feed, and their case is not found.
    expect((await county.request(EVENTS, { unit: yaohai })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const [other] = await app.ownerSql<{ case_id: string }>(`select case_id::text from case_event where county_id = (select id from grid where code = '340102000000') limit 1`);
    const denied = await county.request(`query($id: ID!) { case(id: $id) { events(first: 5) { nodes { hash previousHash } } } }`, { id: toGlobalId('Case', Number(other.case_id)) });
    expect(denied.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(denied.data ?? null)).not.toMatch(/[0-9a-f]{64}/);
    // The county's own: readable through its case too.
    const own = await app.as('yaohai');
    const readable = await own.data<{ case: { events: { nodes: { hash: string }[] } } }>(`query($id: ID!) { case(id: $id) { events(first: 5) { nodes { hash } } } }`, { id: toGlobalId('Case', Number(other.case_id)) });
    expect(readable.case.events.nodes[0].hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the daily job signs every county’s head with the published Ed25519 key; each county reads only its own', async () => {
    await worker();
    const { chainSigningKeys } = await app.client().data<{ chainSigningKeys: { keyId: string; algorithm: string; publicKey: string }[] }>(`{ chainSigningKeys { keyId algorithm publicKey } }`);
    expect(chainSigningKeys).toHaveLength(1);
    expect(chainSigningKeys[0].algorithm).toBe('Ed25519');
    const key = createPublicKey(chainSigningKeys[0].publicKey);

    const county = await app.as('feidong');
    const { chainCheckpoints } = await county.data<Checkpoints>(CHECKPOINTS);
    expect(chainCheckpoints.nodes).toHaveLength(1);
    const [checkpoint] = chainCheckpoints.nodes;
    expect(verify(null, Buffer.from(checkpoint.payload), key, Buffer.from(checkpoint.signature, 'base64'))).toBe(true);
    const payload = JSON.parse(checkpoint.payload);
    expect(payload).toMatchObject({ type: 'gridwatch.chain-checkpoint', county: { id: feidong, code: '340122000000' }, day: '2026-11-28', seq: checkpoint.seq, hash: checkpoint.headHash, keyId: chainSigningKeys[0].keyId });
    const [head] = await app.ownerSql<{ seq: string; hash: string }>(`select seq::text, hash from case_event_chain where chain_key = (select id from grid where code = '340122000000')`);
    expect({ seq: String(checkpoint.seq), hash: checkpoint.headHash }).toEqual(head);
    // A signature over anything else fails.
    expect(verify(null, Buffer.from(checkpoint.payload.replace(checkpoint.headHash, '0'.repeat(64))), key, Buffer.from(checkpoint.signature, 'base64'))).toBe(false);

    const city = await app.as('cityadmin');
    const all = (await city.data<Checkpoints>(CHECKPOINTS)).chainCheckpoints.nodes;
    expect(new Set(all.map((c) => JSON.parse(c.payload).county.code)).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(5);
    // Nothing changed: the next run signs nothing again.
    await worker();
    expect((await city.data<Checkpoints>(CHECKPOINTS)).chainCheckpoints.nodes).toHaveLength(all.length);
    // A grid worker reads no county checkpoint; a department may not ask for one.
    expect((await (await app.as('gridworker')).data<Checkpoints>(CHECKPOINTS)).chainCheckpoints.nodes).toEqual([]);
    const refused = await (await app.as('countydept')).request(`mutation { requestChainCheckpoints }`);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('on demand: the county asks, the queue signs its new head (the injected clock’s day)', async () => {
    clock.set(beijing('2026-11-29T10:00:00'));
    await report(await app.as('gridworker'), { gridId: s.village, categoryId: s.dust });
    const county = await app.as('feidong');
    expect((await county.data<{ requestChainCheckpoints: boolean }>(`mutation { requestChainCheckpoints }`)).requestChainCheckpoints).toBe(true);
    const [{ n }] = await app.ownerSql<{ n: number }>(`select count(*)::int as n from graphile_worker.jobs where task_identifier = $1`, [CHAIN_CHECKPOINTS]);
    expect(n).toBe(1);
    await runOnce({ connectionString: app.databaseUrl, taskList: schedulerTasks(app.ownerOrm, clock), logger: new Logger(() => () => undefined) });
    const nodes = (await county.data<Checkpoints>(CHECKPOINTS)).chainCheckpoints.nodes;
    expect(nodes.map((c) => c.day)).toEqual(['2026-11-29', '2026-11-28']);
    expect(nodes[0].seq).toBeGreaterThan(nodes[1].seq);
  });

  describe('the third-party verifier against a separate API process', () => {
    let api: ApiProcess;
    let key: string;
    beforeAll(async () => {
      api = await startApiProcess(app.databaseUrl);
      const county = await app.as('feidong');
      const created = await county.data<{ createApiKey: { key: string } }>(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`, {
        input: { name: '第三方核验', unitId: feidong, scopes: ['READ_CASES'] },
      });
      key = created.createApiKey.key;
    }, 90_000);
    afterAll(() => api?.stop());

    it('passes on the seeded data and fails after an event row is altered in the database', async () => {
      // A transaction left open elsewhere in the cluster (another test file's, in the full run)
      // holds the feed back past the newest signed head; the verifier keeps reading until it arrives.
      const elsewhere = new Client(app.databaseUrl);
      await elsewhere.connect();
      await elsewhere.query('begin; select txid_current()');
      clock.set(beijing('2026-11-30T10:00:00'));
      await report(await app.as('gridworker'), { gridId: s.village, categoryId: s.dust });
      await worker();
      const verifying = verifier(api.url, key);
      setTimeout(() => void elsewhere.query('commit').finally(() => elsewhere.end()), 2_000);
      const intact = await verifying;
      expect(intact.out).toMatch(/340122 肥东县: \d+ events, 3 signed checkpoint\(s\), chain intact/);
      expect(intact.code).toBe(0);

      const [row] = await app.ownerSql<{ id: string }>(`select id::text from case_event where chain_key = (select id from grid where code = '340122000000') order by chain_seq offset 5 limit 1`);
      // A superuser switching triggers off: what the chain is there to reveal.
      await app.ownerSql(`begin; set local session_replication_role = replica; update case_event set note = '篡改' where id = ${Number(row.id)}; commit;`);
      const tampered = await verifier(api.url, key);
      expect(tampered.code).toBe(1);
      expect(tampered.out).toContain(`event ${row.id} (seq 6): its hash does not match its content (edited)`);

      // Rewriting the hash too only moves the break to the next link.
      await app.ownerSql(`begin; set local session_replication_role = replica;
        update case_event e set hash = case_event_digest(e.prev_hash, e) where id = ${Number(row.id)}; commit;`);
      const rehashed = await verifier(api.url, key);
      expect(rehashed.code).toBe(1);
      expect(rehashed.out).toMatch(/seq 7\): does not link to what comes before it/);
    }, 120_000);
  });

  it('the key: generated once and kept by the server (same key on every start); CHAIN_SIGNING_KEY overrides it', async () => {
    const first = await loadSigner(app.ownerOrm.em.fork(), null);
    const again = await loadSigner(app.ownerOrm.em.fork(), null);
    expect(again.keyId).toBe(first.keyId);
    // The API login cannot read the private key at all.
    const client = new Client(await enableAppRole(app.databaseUrl));
    await client.connect();
    try {
      await expect(client.query('select value from server_secret')).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
    }
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const production = await loadSigner(app.ownerOrm.em.fork(), pem);
    expect(production.keyId).not.toBe(first.keyId);
    const { chainSigningKeys } = await app.client().data<{ chainSigningKeys: { keyId: string }[] }>(`{ chainSigningKeys { keyId } }`);
    expect(chainSigningKeys.map((k) => k.keyId)).toEqual([first.keyId, production.keyId]);
    expect(verifySignature(production.publicKeyPem, 'payload', production.sign('payload'))).toBe(true);
  });
});
