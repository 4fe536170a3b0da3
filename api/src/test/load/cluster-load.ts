import { DEMO_PASSWORD } from '@gridwatch/seeds';
import { LSN_HEADER, READ_FROM_HEADER } from '../../db/read-target';

/*
 * Load through the cluster's one URL, as its clients make it: writers that each update a
 * source of their own and read it straight back carrying the commit position the API gave them
 * (x-gridwatch-lsn), checked per request (read-your-writes), and readers that list sources
 * without a position (stale answers allowed). A request that gets no answer, or a 5xx, is tried
 * again, as a client does; every retry is counted. Runs in the jest suite
 * (server/__tests__/cluster-load.e2e.spec.ts) and against a running cluster (run-cluster-load.ts).
 */

const TRIES = 3;
/** Longer than any answer may take: a request still unanswered then is a hang, failed and tried again. */
const HANG_MS = 30_000;

/** Answered by the read compiler (one statement) and, with a directive, by the resolvers. */
const OWN_READS = [`query($id: ID!) { source(id: $id) { name version } }`, `query($id: ID!) { source(id: $id) @include(if: true) { name version } }`];
const UPDATE = `mutation($id: ID!, $version: Int!, $name: String!) { updateSource(id: $id, version: $version, input: { name: $name }) { name version } }`;
const LIST = `{ sources(first: 20) { nodes { id name version } } }`;

type Target = 'primary' | 'replica' | 'none';
interface Reply {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } | null;
  readFrom: Target;
  lsn: string | null;
  servedBy: string | null;
}
interface Row {
  id: string;
  name: string;
  version: number;
}

/** Counts of one phase of the run (or the whole run). */
export interface Tally {
  requests: number;
  writes: number;
  /** Writers' reads of their own last write. */
  ownReads: number;
  reads: number;
  /** Attempts that got no answer or a 5xx and were sent again. */
  retried: number;
  /** Requests that failed every try, or answered an error or a malformed body. */
  failed: number;
  /** A writer's read that did not show its own last write. */
  violations: number;
  /** A write answered CONFLICT whose read-back showed it had landed (an attempt cut off, then sent again). */
  landedBeforeRetry: number;
  /** Readers' answers from the replica that showed a source older than a write already acknowledged. */
  staleReads: number;
  ownReadFrom: Record<Target, number>;
  readFrom: Record<Target, number>;
}

const emptyTally = (): Tally => ({
  requests: 0,
  writes: 0,
  ownReads: 0,
  reads: 0,
  retried: 0,
  failed: 0,
  violations: 0,
  landedBeforeRetry: 0,
  staleReads: 0,
  ownReadFrom: { primary: 0, replica: 0, none: 0 },
  readFrom: { primary: 0, replica: 0, none: 0 },
});

export interface ClusterLoadOptions {
  url: string;
  writers?: number;
  readers?: number;
  /** The demo account the clients sign in as (a county's, which may edit its sources). */
  login?: string;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ClusterLoad {
  readonly total = emptyTally();
  readonly phases = new Map<string, Tally>();
  /** The first few failures and violations, described. */
  readonly findings: string[] = [];
  /** Why the first few retried attempts failed (status, which process, the error). */
  readonly retryCauses: string[] = [];
  /** Answers per API process (HAProxy's x-served-by). */
  readonly servedBy = new Map<string, number>();
  phase = 'start';
  private running = false;
  private workers: Promise<void>[] = [];
  /** Each writer's source and its last acknowledged version. */
  private readonly acknowledged = new Map<string, number>();
  private readonly run = Date.now().toString(36);

  constructor(private readonly options: ClusterLoadOptions) {}

  async start(): Promise<void> {
    const writers = this.options.writers ?? 3;
    const readers = this.options.readers ?? 3;
    const cookie = await this.signIn();
    const listed = await this.send(LIST, {}, { cookie });
    const sources = (listed.body?.data?.sources as { nodes: Row[] } | undefined)?.nodes ?? [];
    if (sources.length < writers) throw new Error(`${this.options.login ?? 'feidong'} sees ${sources.length} sources, ${writers} writers need one each`);
    this.running = true;
    const sessions = await Promise.all(Array.from({ length: writers + readers }, () => this.signIn()));
    this.workers = [
      ...sources.slice(0, writers).map((source, i) => this.write(i, source.id, sessions[i])),
      ...sessions.slice(writers).map((session) => this.read(session)),
    ];
  }

  async stop(): Promise<Tally> {
    this.running = false;
    await Promise.all(this.workers);
    return this.total;
  }

  /** Answers so far from `server` (HAProxy's name for an API process: api1). */
  answered(server: string): number {
    return this.servedBy.get(server) ?? 0;
  }

  summary(): Record<string, unknown> {
    return { ...this.total, phases: Object.fromEntries([...this.phases].map(([name, t]) => [name, { requests: t.requests, retried: t.retried, failed: t.failed, violations: t.violations, staleReads: t.staleReads, ownReadFrom: t.ownReadFrom, readFrom: t.readFrom }])), servedBy: Object.fromEntries(this.servedBy), retryCauses: this.retryCauses };
  }

  private tallies(): Tally[] {
    if (!this.phases.has(this.phase)) this.phases.set(this.phase, emptyTally());
    return [this.total, this.phases.get(this.phase) as Tally];
  }

  private count(update: (tally: Tally) => void): void {
    this.tallies().forEach(update);
  }

  private finding(text: string): void {
    if (this.findings.length < 20) this.findings.push(`[${this.phase}] ${text}`);
  }

  private async signIn(): Promise<string> {
    for (let attempt = 1; ; attempt += 1) {
      const response = await fetch(`${this.options.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `mutation($l: String!, $p: String!) { signIn(login: $l, password: $p) { role } }`, variables: { l: this.options.login ?? 'feidong', p: DEMO_PASSWORD } }),
      }).catch(() => null);
      const cookie = response?.headers.get('set-cookie')?.split(';')[0];
      if (cookie) return cookie;
      if (attempt >= TRIES) throw new Error(`could not sign in: ${response ? `${response.status} ${await response.text()}` : 'no answer'}`);
      await pause(200);
    }
  }

  /** One request, sent again (up to TRIES) when no answer came or the answer is a 5xx. */
  private async send(query: string, variables: Record<string, unknown>, caller: { cookie: string; lsn?: string | null }): Promise<Reply> {
    this.count((t) => (t.requests += 1));
    for (let attempt = 1; ; attempt += 1) {
      const reply = await fetch(`${this.options.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: caller.cookie, ...(caller.lsn ? { [LSN_HEADER]: caller.lsn } : {}) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(HANG_MS),
      }).then(
        async (response): Promise<Reply> => ({
          status: response.status,
          body: (await response.json().catch(() => null)) as Reply['body'],
          readFrom: (response.headers.get(READ_FROM_HEADER) as Target | null) ?? 'none',
          lsn: response.headers.get(LSN_HEADER),
          servedBy: response.headers.get('x-served-by'),
        }),
        (error: Error): Reply => ({ status: 0, body: { errors: [{ message: error.message }] }, readFrom: 'none', lsn: null, servedBy: null }),
      );
      if (reply.servedBy) this.servedBy.set(reply.servedBy, (this.servedBy.get(reply.servedBy) ?? 0) + 1);
      if ((reply.status !== 0 && reply.status < 500) || attempt >= TRIES) return reply;
      // Counted in the phase it failed in (a request sent before the kill fails at it).
      this.count((t) => (t.retried += 1));
      if (this.retryCauses.length < 10) this.retryCauses.push(`[${this.phase}] ${reply.status} ${(reply.servedBy ?? '')} ${JSON.stringify(reply.body?.errors ?? reply.body).slice(0, 160)}`);
      await pause(250 * attempt);
    }
  }

  private fail(reply: Reply, what: string): void {
    this.count((t) => (t.failed += 1));
    this.finding(`${what}: ${reply.status} ${JSON.stringify(reply.body?.errors ?? reply.body).slice(0, 200)}`);
  }

  private async write(writer: number, id: string, cookie: string): Promise<void> {
    const caller: { cookie: string; lsn: string | null } = { cookie, lsn: null };
    let known = await this.current(id, caller);
    for (let n = 1; this.running; n += 1) {
      const name = `负载 ${this.run} 写${writer} #${n}`;
      const wrote = await this.send(UPDATE, { id, version: known.version, name }, caller);
      this.count((t) => (t.writes += 1));
      // Any mutation's answer carries a position at or past its commit, an error's too.
      if (wrote.lsn) caller.lsn = wrote.lsn;
      const updated = wrote.body?.data?.updateSource as Row | undefined;
      const code = wrote.body?.errors?.[0]?.extensions?.code;
      let expected: { name: string; version: number } | null = null;
      if (updated && !wrote.body?.errors) expected = { name, version: updated.version };
      else if (code === 'CONFLICT') {
        // An attempt cut off by the kill may have committed before it was sent again: then the row is ours.
        const { seen } = await this.ownRead(id, caller, n);
        if (seen?.name === name && seen.version === known.version + 1) {
          this.count((t) => (t.landedBeforeRetry += 1));
          expected = seen;
        } else this.fail(wrote, `write ${writer}#${n} answered CONFLICT and the row is not ours (${JSON.stringify(seen)})`);
      } else this.fail(wrote, `write ${writer}#${n}`);
      if (!expected) {
        known = await this.current(id, caller);
        continue;
      }
      this.acknowledged.set(id, expected.version);
      known = expected;
      const { seen, from } = await this.ownRead(id, caller, n);
      if (seen && (seen.name !== expected.name || seen.version !== expected.version)) {
        this.count((t) => (t.violations += 1));
        this.finding(`writer ${writer} wrote ${JSON.stringify(expected)} at ${caller.lsn} and read ${JSON.stringify(seen)} from the ${from}`);
      }
    }
  }

  /** A writer's read of its source, carrying its last position (null when it failed: counted). */
  private async ownRead(id: string, caller: { cookie: string; lsn: string | null }, n: number): Promise<{ seen: { name: string; version: number } | null; from: Target }> {
    const reply = await this.send(OWN_READS[n % OWN_READS.length], { id }, caller);
    this.count((t) => {
      t.ownReads += 1;
      t.ownReadFrom[reply.readFrom] += 1;
    });
    const source = reply.body?.data?.source as { name: string; version: number } | undefined;
    if (source && !reply.body?.errors) return { seen: source, from: reply.readFrom };
    this.fail(reply, `own read of ${id}`);
    return { seen: null, from: reply.readFrom };
  }

  /** The source as the writer will next update it (not counted: setup, or after a failure). */
  private async current(id: string, caller: { cookie: string; lsn: string | null }): Promise<{ name: string; version: number }> {
    for (let attempt = 1; ; attempt += 1) {
      const reply = await this.send(OWN_READS[0], { id }, caller);
      const source = reply.body?.data?.source as { name: string; version: number } | undefined;
      if (source) return source;
      if (attempt >= 50) throw new Error(`could not read source ${id}: ${JSON.stringify(reply.body)}`);
      await pause(200);
    }
  }

  private async read(cookie: string): Promise<void> {
    while (this.running) {
      // What was acknowledged before the request went out: an answer older than that is stale.
      const before = new Map(this.acknowledged);
      const reply = await this.send(LIST, {}, { cookie });
      this.count((t) => {
        t.reads += 1;
        t.readFrom[reply.readFrom] += 1;
      });
      const nodes = (reply.body?.data?.sources as { nodes: Row[] } | undefined)?.nodes;
      if (!nodes?.length || reply.body?.errors) {
        this.fail(reply, 'list');
        continue;
      }
      if (nodes.some((node) => (before.get(node.id) ?? 0) > node.version)) this.count((t) => (t.staleReads += 1));
      await pause(10);
    }
  }
}
