import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEMO_PASSWORD } from '../test-app';

/** One answer of the API as the load saw it. */
export interface Answer {
  ok: boolean;
  /** extensions.code, or how the request failed without a GraphQL answer (NETWORK, HUNG). */
  code: string | null;
  message: string | null;
  /** The HTTP status (null when no answer came). */
  status: number | null;
  ms: number;
  data: Record<string, { id: string; version: number }> | null;
}

/** A report, and its filing, the API acknowledged (HTTP 200, no GraphQL error). */
export interface Acknowledged {
  key: string;
  id: string;
  at: number;
  filedAt: number | null;
}

/** Longer than any answer may take: a request still unanswered then is a hang (a finding). */
const HANG_MS = 30_000;

/** A GraphQL call that never throws: every outcome is an Answer. */
export async function post(url: string, cookie: string | null, query: string, variables: Record<string, unknown>): Promise<Answer> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(HANG_MS),
    });
    const body = (await response.json()) as { data?: Answer['data']; errors?: { message: string; extensions?: { code?: string } }[] };
    const error = body.errors?.[0];
    const ok = response.status === 200 && !error && body.data != null;
    return { ok, code: error ? (error.extensions?.code ?? 'NO_CODE') : ok ? null : `HTTP_${response.status}`, message: error?.message ?? null, status: response.status, ms: ms(), data: body.data ?? null };
  } catch (error) {
    const name = (error as Error).name;
    return { ok: false, code: name === 'TimeoutError' ? 'HUNG' : 'NETWORK', message: (error as Error).message, status: null, ms: ms(), data: null };
  }
}

export async function signIn(url: string, login: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `mutation($login: String!, $password: String!) { signIn(login: $login, password: $password) { role } }`, variables: { login, password: DEMO_PASSWORD } }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`${login} could not sign in: ${await response.text()}`);
  return cookie;
}

const REPORT = `mutation($input: ReportCaseInput!) { reportCase(input: $input) { id version } }`;
const FILE = `mutation($input: CaseStepInput!) { fileCase(input: $input) { id version } }`;

/**
 * Write load on an API: workers that each report a case (with an idempotency key of the run)
 * and file it, as fast as answers come, recording what was acknowledged and every other answer.
 * `url` is read on every request, so a restarted API on another address is followed.
 */
export class WriteLoad {
  readonly acknowledged: Acknowledged[] = [];
  readonly failures: Answer[] = [];
  private running = false;
  private workers: Promise<void>[] = [];
  private serial = 0;

  constructor(
    private readonly target: () => string,
    private readonly callers: { reporter: string; filer: string },
    private readonly input: { gridId: string; categoryId: string },
    private readonly run: string,
  ) {}

  start(workers = 4): void {
    this.running = true;
    this.workers = Array.from({ length: workers }, () => this.work());
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
  }

  /** Acknowledged requests (reports and filings) so far. */
  get count(): number {
    return this.acknowledged.length + this.acknowledged.filter((a) => a.filedAt !== null).length;
  }

  private async work(): Promise<void> {
    while (this.running) {
      const key = `${this.run}-${(this.serial += 1)}`;
      const reported = await post(this.target(), this.callers.reporter, REPORT, {
        input: { ...this.input, origin: 'PATROL', description: '故障演练: 工地未覆盖, 扬尘严重', idempotencyKey: key },
      });
      if (!reported.ok) {
        this.failures.push(reported);
        await pause(50);
        continue;
      }
      const kase = reported.data!.reportCase;
      const ack: Acknowledged = { key, id: kase.id, at: Date.now(), filedAt: null };
      this.acknowledged.push(ack);
      const filed = await post(this.target(), this.callers.filer, FILE, { input: { id: kase.id, version: kase.version } });
      if (filed.ok) ack.filedAt = Date.now();
      else this.failures.push(filed);
    }
  }
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the database holds of a load's acknowledged writes, and whether anything is half-written. */
export interface Durability {
  reportsAcknowledged: number;
  reportsFound: number;
  filingsAcknowledged: number;
  filingsFound: number;
  /** Cases of the run whose status is not the last event's (a write without its event, or the reverse). */
  halfWritten: number;
  /** Cases of the run without their REPORT event. */
  withoutReportEvent: number;
}

type Sql = <T>(text: string, params?: unknown[]) => Promise<T[]>;

export async function durability(sql: Sql, load: WriteLoad, run: string, acknowledgedBefore = Infinity): Promise<Durability> {
  const acked = load.acknowledged.filter((a) => a.at < acknowledgedBefore);
  const filed = acked.filter((a) => a.filedAt !== null && a.filedAt < acknowledgedBefore);
  const rows = await sql<{ key: string; status: string; events: string[] }>(
    `select c.idempotency_key as key, c.status, array(select e.action::text from case_event e where e.case_id = c.id order by e.id) as events
       from "case" c where c.idempotency_key like $1`,
    [`${run}-%`],
  );
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const [{ n: halfWritten }] = await sql<{ n: number }>(
    `select count(*)::int as n from "case" c where c.idempotency_key like $1
       and c.status::text is distinct from (select e.to_status::text from case_event e where e.case_id = c.id order by e.id desc limit 1)`,
    [`${run}-%`],
  );
  return {
    reportsAcknowledged: acked.length,
    reportsFound: acked.filter((a) => byKey.has(a.key)).length,
    filingsAcknowledged: filed.length,
    filingsFound: filed.filter((a) => byKey.get(a.key)?.events.includes('FILE') && byKey.get(a.key)?.status !== 'REPORTED').length,
    halfWritten,
    withoutReportEvent: rows.filter((r) => r.events[0] !== 'REPORT').length,
  };
}

/** The hash chains of every county, verified by the CLI as an operator runs it: exit code 0 when intact. */
export async function verifyChainsCli(databaseUrl: string): Promise<{ code: number; out: string }> {
  const run = promisify(execFile);
  return run(process.execPath, ['-r', '@swc-node/register', 'src/cli/verify-chain.ts'], {
    cwd: path.resolve(__dirname, '..', '..', '..'),
    env: { ...process.env, DATABASE_URL: databaseUrl },
  }).then(
    ({ stdout }) => ({ code: 0, out: stdout }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, out: error.stdout + error.stderr }),
  );
}
