import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import type { Contender } from './contenders';
import type { PointRequest, PointResult, WorkerReply } from './load-worker';
import type { Call, QuerySpec, WriteItem } from './queries';

/** What a request sends: a body and who sends it (a write names its county's operator). */
export type Sent = Pick<WriteItem, 'body' | 'as'>;

const workerFile = path.join(__dirname, 'load-worker.ts');

/** The load generator: a separate process, started once, asked for one fixed-rate point at a time. */
export class LoadGenerator {
  // 'advanced' keeps an overloaded point's Infinity percentiles (JSON would make them null).
  private readonly child: ChildProcess = fork(workerFile, [], { execArgv: ['-r', '@swc-node/register'], cwd: path.dirname(__dirname), stdio: 'inherit', serialization: 'advanced' });

  runPoint(request: PointRequest): Promise<PointResult> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null): void => reject(new Error(`load generator exited (${code})`));
      this.child.once('exit', onExit);
      this.child.once('message', (reply: WorkerReply) => {
        this.child.off('exit', onExit);
        if ('error' in reply) reject(new Error(`load generator failed: ${reply.error}`));
        else resolve(reply.point);
      });
      this.child.send(request);
    });
  }

  stop(): void {
    this.child.kill();
  }
}

export async function ask(contender: Contender, call: Call, sent?: Sent): Promise<{ status: number; text: string }> {
  const response = await fetch(`${contender.url}${call.path}`, { method: call.method, headers: contender.headers(call, sent?.as), body: sent ? sent.body : call.body });
  return { status: response.status, text: await response.text() };
}

/**
 * Asks one call `requests` times, 4 at a time, or for at most `maxMs`: a server process is
 * slow for its first thousands of requests while V8 optimises it, and without this repeat 1
 * timed cold processes (Q1 p95 313 ms at 100 req/s for a fresh API process, city).
 */
export async function warmUp(contender: Contender, call: Call, requests: number, maxMs = 5_000): Promise<void> {
  const until = Date.now() + maxMs;
  let left = requests;
  const lane = async (): Promise<void> => {
    while (left > 0 && Date.now() < until) {
      left -= 1;
      await ask(contender, call);
    }
  };
  await Promise.all([lane(), lane(), lane(), lane()]);
}

export interface Answer {
  ok: boolean;
  detail: string;
  /** Refused as the spec expects (a reported finding): not timed, not a failure. */
  known: boolean;
  /** The exact body, compared with every answer under load so a wrong answer under load counts. */
  body: string;
}

/** Asks every contender once and compares the normalized answers with the floor's. */
export async function preflight(spec: QuerySpec, contenders: Contender[], sentBy: (contender: Contender) => Sent | undefined = () => undefined): Promise<Map<string, Answer>> {
  const answers = new Map<string, Answer>();
  let reference: string | null = null;
  for (const contender of contenders) {
    const call = spec.calls[contender.kind];
    if (!call) continue;
    const { status, text } = await ask(contender, call, sentBy(contender));
    let normalized = '<unparsable>';
    let errors: unknown = null;
    try {
      const parsed = JSON.parse(text) as { errors?: unknown };
      errors = parsed.errors ?? null;
      normalized = JSON.stringify(spec.normalize(contender.kind, parsed));
    } catch {
      errors = text.slice(0, 200);
    }
    reference ??= contender.kind === 'floor' ? normalized : null;
    const empty = normalized === '[]' || normalized === '"undefined"' || normalized === 'null';
    const ok = status === 200 && !errors && !empty && (reference === null || normalized === reference);
    const detail = ok ? 'ok' : `status ${status}, errors ${JSON.stringify(errors)?.slice(0, 300)}, answer ${normalized.slice(0, 200)} vs floor ${reference?.slice(0, 200)}`;
    const known = !ok && (spec.knownRefusal?.[contender.kind]?.test(text) ?? false);
    answers.set(contender.name, { ok, known, detail: known ? `refused: ${JSON.stringify(errors).slice(0, 160)}` : detail, body: text });
  }
  return answers;
}

export interface StatementCount {
  perRequest: number;
  /** Without BEGIN/COMMIT/ROLLBACK, set_config and gw_bind_unit (the transaction and tenant plumbing). */
  dataPerRequest: number;
  rowsPerRequest: number;
}

const plumbing = `query ~* '^\\s*(begin|commit|rollback|savepoint|release|start transaction)' or query ~* 'set_config\\(|gw_bind_unit\\(|^\\s*set '`;

/** SQL statements per request from pg_stat_statements: reset, N sequential requests, read. */
export async function countStatements(ownerUrl: string, contender: Contender, call: Call, writes?: Sent[]): Promise<StatementCount> {
  const sends: (Sent | undefined)[] = writes ?? Array<undefined>(5).fill(undefined);
  const requests = sends.length;
  const client = new Client(ownerUrl);
  await client.connect();
  try {
    await client.query('select pg_stat_statements_reset()');
    for (const sent of sends) await ask(contender, call, sent);
    const { rows } = await client.query<{ calls: string; data: string; rows: string }>(
      `select coalesce(sum(calls), 0) as calls, coalesce(sum(calls) filter (where not (${plumbing})), 0) as data, coalesce(sum(rows) filter (where not (${plumbing})), 0) as rows
       from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
       and query !~* 'pg_stat_statements'`,
    );
    return { perRequest: Number(rows[0].calls) / requests, dataPerRequest: Number(rows[0].data) / requests, rowsPerRequest: Number(rows[0].rows) / requests };
  } finally {
    await client.end();
  }
}

/**
 * Waits until the database has no statement of a previous point still running (a slow point
 * leaves its in-flight requests queued, which would load the next one); after `maxMs` it
 * cancels whatever runs, until `quietPolls` polls in a row (200 ms apart) see nothing: a server
 * whose pool still queues requests starts the next one as soon as the last is cancelled.
 * Returns how many statements it had to cancel.
 */
export async function drain(ownerUrl: string, { maxMs = 15_000, quietPolls = 1 } = {}): Promise<number> {
  const client = new Client(ownerUrl);
  await client.connect();
  // Client backends only: an autovacuum worker is not a point's leftover (and would keep the loop waiting).
  const others = `from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and state = 'active' and pid <> pg_backend_pid()`;
  try {
    const cancelFrom = Date.now() + maxMs;
    let cancelled = 0;
    for (let quiet = 0; quiet < quietPolls; ) {
      const { rows } = await client.query<{ n: number }>(`select count(*)::int as n ${others}`);
      quiet = rows[0].n === 0 ? quiet + 1 : 0;
      if (rows[0].n > 0 && Date.now() >= cancelFrom) cancelled += (await client.query(`select pg_cancel_backend(pid) ${others}`)).rowCount ?? 0;
      if (quiet < quietPolls) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return cancelled;
  } finally {
    await client.end();
  }
}
