import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';

/**
 * A third party's check of the case-event chains from the GraphQL API alone: what the server
 * signed (checkpoints, with its published Ed25519 keys), and every event it shows (each hash
 * recomputed from its digest text, the text checked against the event's own fields, the
 * links between consecutive events, and the signed heads against the events at their seq).
 * Uses nothing of the server's code: node's crypto and fetch only.
 */

interface Checkpoint {
  id: string;
  day: string;
  seq: number;
  headHash: string;
  keyId: string;
  payload: string;
  signature: string;
}

interface Payload {
  type: string;
  county: { id: string; code: string; name: string };
  chainKey: number;
  day: string;
  seq: number;
  hash: string;
  keyId: string;
}

interface ChainEvent {
  id: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  reason: string | null;
  chainSeq: number | null;
  hash: string | null;
  previousHash: string | null;
  digestInput: string | null;
}

export interface CountyReport {
  county: string;
  events: number;
  checkpoints: number;
  /** Signed heads inside an archived month: checkable only against its archive file. */
  archivedCheckpoints: number;
  /** Events of the chain in archived months (counted by their runs). */
  archivedEvents: number;
  problems: string[];
}

export interface VerifyOptions {
  url: string;
  token: string | null;
  /** A county's code (6 or 12 digits); all visible counties when absent. */
  county?: string | null;
}

type Gql = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

function client(url: string, token: string | null): Gql {
  const endpoint = `${url.replace(/\/+$/, '')}/graphql`;
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors?.length || !body.data) throw new Error(`GraphQL: ${body.errors?.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; ') ?? response.status}`);
    return body.data;
  };
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const rawId = (globalId: string): number => Number(Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]);

async function allCheckpoints(gql: Gql): Promise<Checkpoint[]> {
  const found: Checkpoint[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { chainCheckpoints: { nodes: Checkpoint[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await gql(
      `query($after: String) { chainCheckpoints(first: 100, after: $after) { nodes { id day seq headHash keyId payload signature } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    found.push(...page.chainCheckpoints.nodes);
    if (!page.chainCheckpoints.pageInfo.hasNextPage) return found;
    after = page.chainCheckpoints.pageInfo.endCursor;
  }
}

type FeedPage = { caseEvents: { nodes: ChainEvent[]; endCursor: string | null; hasMore: boolean } };

/** Every event the token may read from the cursor on (the feed, in commit order); grouped by chain afterwards. */
async function readFeed(gql: Gql, from: string | null): Promise<{ events: ChainEvent[]; cursor: string | null }> {
  const events: ChainEvent[] = [];
  let after = from;
  for (;;) {
    const page: FeedPage = await gql(
      `query($after: String) { caseEvents(after: $after, first: 500) {
         nodes { id action fromStatus toStatus note reason chainSeq hash previousHash digestInput } endCursor hasMore } }`,
      { after },
    );
    events.push(...page.caseEvents.nodes);
    after = page.caseEvents.endCursor;
    if (!page.caseEvents.hasMore) return { events, cursor: after };
  }
}

/** A minute: the server's horizon waits on the oldest transaction of the whole database server, which a long report or import may hold. */
const FEED_WAIT_MS = 60_000;
const FEED_POLL_MS = 250;

/**
 * The feed hands out an event only once every transaction older than it has ended (see
 * case-feed.service.ts), so a head signed a moment ago may not be in it yet while any other
 * transaction runs. Like any integrator, keep reading from the cursor until every signed seq
 * has arrived or the wait is over; what is still missing then is reported as missing.
 */
async function visibleEvents(gql: Gql, signedSeq: Map<number, number>): Promise<ChainEvent[]> {
  const found: ChainEvent[] = [];
  const highest = new Map<number, number>();
  const take = (events: ChainEvent[]) => {
    for (const e of events) {
      found.push(e);
      highest.set(chainKeyOf(e), Math.max(highest.get(chainKeyOf(e)) ?? 0, e.chainSeq ?? 0));
    }
  };
  const behind = () => [...signedSeq].some(([chainKey, seq]) => (highest.get(chainKey) ?? 0) < seq);
  let { events, cursor } = await readFeed(gql, null);
  take(events);
  for (const started = Date.now(); behind() && Date.now() - started < FEED_WAIT_MS; ) {
    await new Promise((resolve) => setTimeout(resolve, FEED_POLL_MS));
    ({ events, cursor } = await readFeed(gql, cursor));
    take(events);
  }
  return found;
}

const chainKeyOf = (e: ChainEvent): number => (e.digestInput ? Number((JSON.parse(e.digestInput) as unknown[])[1]) : 0);

/** One event's own checks: its hash from its digest text, and that text against its fields. */
function eventProblems(e: ChainEvent, chainKey: number): string[] {
  if (!e.hash || e.digestInput == null || e.chainSeq == null) return [`event ${rawId(e.id)}: not chained`];
  const at = `event ${rawId(e.id)} (seq ${e.chainSeq})`;
  if (sha256(e.digestInput) !== e.hash) return [`${at}: its hash does not match its content (edited)`];
  const d = JSON.parse(e.digestInput) as unknown[];
  const expected: [number, unknown, string][] = [
    [0, e.previousHash, 'previousHash'],
    [1, chainKey, 'county'],
    [2, e.chainSeq, 'chainSeq'],
    [3, rawId(e.id), 'id'],
    [9, e.action, 'action'],
    [10, e.fromStatus, 'fromStatus'],
    [11, e.toStatus, 'toStatus'],
    [16, e.reason, 'reason'],
    [17, e.note, 'note'],
  ];
  return expected.filter(([i, value]) => d[i] !== value).map(([, , name]) => `${at}: the digest text does not match the event's ${name}`);
}

type Signed = { payload: Payload; checkpoint: Checkpoint };

/** Each checkpoint's signature with its published key, and its fields against what was signed. */
function checkpointProblems(signed: Signed[], keys: Map<string, KeyObject>): string[] {
  const problems: string[] = [];
  for (const { payload, checkpoint } of signed) {
    const key = keys.get(checkpoint.keyId);
    const label = `checkpoint of ${payload.day} (seq ${payload.seq})`;
    if (!key) problems.push(`${label}: signed with an unpublished key ${checkpoint.keyId}`);
    else if (!verify(null, Buffer.from(checkpoint.payload, 'utf8'), key, Buffer.from(checkpoint.signature, 'base64'))) problems.push(`${label}: bad signature`);
    if (payload.seq !== checkpoint.seq || payload.hash !== checkpoint.headHash || payload.keyId !== checkpoint.keyId || payload.type !== 'gridwatch.chain-checkpoint') {
      problems.push(`${label}: the fields do not match what was signed`);
    }
  }
  return problems;
}

/** A run of consecutive events in an archived month (archivedEventRuns): only its ends remain readable. */
interface ArchivedRun {
  chainKey: number;
  month: string;
  firstSeq: number;
  lastSeq: number;
  firstPreviousHash: string;
  lastHash: string;
}

type Link = { seq: number; lastSeq: number; previousHash: string | null; hash: string | null; label: string };

/**
 * One chain: every event on its own, the links from seq 1 on (across the archived runs, which
 * stand for their events by their end hashes), and the signed heads against the events at
 * their seq. A head inside an archived run can be checked only against the archive file
 * (verify:chain on the server, or the file itself): it is counted, not reported.
 */
function chainProblems(chainKey: number, chain: ChainEvent[], signed: Signed[], runs: ArchivedRun[]): { problems: string[]; archivedHeads: number } {
  const problems: string[] = [];
  const links: Link[] = [];
  const bySeq = new Map<number, ChainEvent>();
  for (const e of chain) {
    problems.push(...eventProblems(e, chainKey));
    if (e.chainSeq == null) continue;
    bySeq.set(e.chainSeq, e);
    links.push({ seq: e.chainSeq, lastSeq: e.chainSeq, previousHash: e.previousHash, hash: e.hash, label: `event ${rawId(e.id)}` });
  }
  for (const r of runs) links.push({ seq: r.firstSeq, lastSeq: r.lastSeq, previousHash: r.firstPreviousHash, hash: r.lastHash, label: `the archived run of ${r.month} (seq ${r.firstSeq}–${r.lastSeq})` });
  links.sort((a, b) => a.seq - b.seq);
  let expectedSeq = 1;
  let previousHash: string | null = '';
  for (const link of links) {
    if (link.seq !== expectedSeq) problems.push(`${link.label}: seq ${link.seq} where ${expectedSeq} was expected (events missing or not visible)`);
    else if (link.previousHash !== previousHash) problems.push(`${link.label} (seq ${link.seq}): does not link to what comes before it`);
    expectedSeq = link.lastSeq + 1;
    previousHash = link.hash;
  }
  let archivedHeads = 0;
  for (const { payload } of signed) {
    const at = bySeq.get(payload.seq);
    const run = runs.find((r) => r.firstSeq <= payload.seq && payload.seq <= r.lastSeq);
    if (at) {
      if (at.hash !== payload.hash) problems.push(`checkpoint of ${payload.day} (seq ${payload.seq}): the signed head differs from event ${rawId(at.id)}'s hash`);
    } else if (run?.lastSeq === payload.seq) {
      if (run.lastHash !== payload.hash) problems.push(`checkpoint of ${payload.day} (seq ${payload.seq}): the signed head differs from the end of the archived run of ${run.month}`);
    } else if (run) archivedHeads += 1;
    else problems.push(`checkpoint of ${payload.day}: no event at its seq ${payload.seq} (events removed?)`);
  }
  return { problems, archivedHeads };
}

export async function verifyOverApi(options: VerifyOptions): Promise<CountyReport[]> {
  const gql = client(options.url, options.token);
  const { chainSigningKeys } = await gql<{ chainSigningKeys: { keyId: string; algorithm: string; publicKey: string }[] }>(
    `{ chainSigningKeys { keyId algorithm publicKey } }`,
  );
  const keys = new Map(chainSigningKeys.map((k) => [k.keyId, createPublicKey(k.publicKey)]));
  const signedByChain = new Map<number, Signed[]>();
  for (const checkpoint of await allCheckpoints(gql)) {
    const payload = JSON.parse(checkpoint.payload) as Payload;
    if (options.county && !payload.county.code.startsWith(options.county)) continue;
    signedByChain.set(payload.chainKey, [...(signedByChain.get(payload.chainKey) ?? []), { payload, checkpoint }]);
  }
  const signedSeq = new Map([...signedByChain].map(([chainKey, signed]) => [chainKey, Math.max(...signed.map((s) => s.payload.seq))]));
  const { archivedEventRuns } = await gql<{ archivedEventRuns: (ArchivedRun & { events: number })[] }>(
    `{ archivedEventRuns { chainKey month firstSeq lastSeq firstPreviousHash lastHash events } }`,
  );
  const runsByChain = new Map<number, (ArchivedRun & { events: number })[]>();
  for (const run of archivedEventRuns) runsByChain.set(run.chainKey, [...(runsByChain.get(run.chainKey) ?? []), run]);
  const chains = new Map<number, ChainEvent[]>();
  for (const e of await visibleEvents(gql, signedSeq)) {
    const chainKey = chainKeyOf(e);
    const chain = chains.get(chainKey) ?? [];
    chain.push(e);
    chains.set(chainKey, chain);
  }
  // With --county, the chains signed for it; else every chain the token sees (unsigned ones too: city-level events, or before the first checkpoint).
  const chainKeys = options.county ? [...signedByChain.keys()] : [...new Set([...signedByChain.keys(), ...chains.keys(), ...runsByChain.keys()])].sort((a, b) => a - b);
  return chainKeys.map((chainKey) => {
    const signed = signedByChain.get(chainKey) ?? [];
    const county = signed[0]?.payload.county;
    const chain = chains.get(chainKey) ?? [];
    const runs = runsByChain.get(chainKey) ?? [];
    const { problems, archivedHeads } = chainProblems(chainKey, chain, signed, runs);
    return {
      county: county ? `${county.code.slice(0, 6)} ${county.name}` : chainKey === 0 ? 'city level' : `chain ${chainKey}`,
      events: chain.length,
      checkpoints: signed.length,
      archivedCheckpoints: archivedHeads,
      archivedEvents: runs.reduce((sum, r) => sum + r.events, 0),
      problems: [...checkpointProblems(signed, keys), ...problems],
    };
  });
}
