import { Agent, request as httpRequest, type ClientRequest } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { OVERLOAD_MS, OVERLOAD_SHARE } from './results';

/**
 * The load generator, run as its own process so it does not share an event loop with any
 * contender: a warm-up at the target rate, then the measured run; latencies of every
 * response are kept, so p95 is exact.
 *
 * Open model: request i is due at start + i/rate, whatever the answers before it, and its
 * latency counts from that moment (a request that waits for a free connection waits on the
 * clock). autocannon, used before, limits a rate per connection per second: every
 * connection sent its share back to back at each second's start, so "50 req/s" was a burst
 * of 50 at concurrency 8 and a second of silence, and latency grew with 8× the service time.
 */
export interface PointRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Successive requests' bodies and extra headers (writes: each files another case, as its county's operator); overrides body. */
  writes?: { body: string; headers: Record<string, string> }[];
  expectBody?: string;
  rate: number;
  warmupSeconds: number;
  seconds: number;
  connections: number;
  /** Closed model instead: this many clients, each sending its next request when the last answered. */
  concurrency?: number;
}

export interface PointResult {
  rate: number;
  achieved: number;
  count: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  mismatches: number;
  /** Requests given up when the point was cut off as overloaded (unsent or abandoned in flight). */
  cut?: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const TIMEOUT_MS = 10_000;

interface Run {
  latencies: number[];
  errors: number;
  /** A wrong answer, or (writes, which expect no body) a GraphQL error with status 200. */
  mismatches: number;
  cut: number;
}

type Write = NonNullable<PointRequest['writes']>[number];

async function run(request: PointRequest, seconds: number, writes: Write[] | undefined): Promise<Run> {
  const agent = new Agent({ keepAlive: true, maxSockets: request.connections });
  const outcome: Run = { latencies: [], errors: 0, mismatches: 0, cut: 0 };
  const total = writes ? Math.min(writes.length, Math.ceil(request.rate * seconds)) : Math.ceil(request.rate * seconds);
  // In-flight requests and when each was due, to see an overload while it builds up.
  const pending = new Map<ClientRequest, number>();
  let overloaded = false;
  const send = (write: Write | undefined, due: number) =>
    new Promise<void>((resolve) => {
      const headers = write ? { ...request.headers, ...write.headers } : request.headers;
      const req = httpRequest(request.url, { method: request.method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          pending.delete(req);
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) outcome.errors += 1;
          else {
            outcome.latencies.push(performance.now() - due);
            if (request.expectBody !== undefined ? text !== request.expectBody : text.includes('"errors"')) outcome.mismatches += 1;
          }
          resolve();
        });
      });
      pending.set(req, due);
      req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        // A request abandoned by the cut-off is counted in `cut`, not as an error.
        if (pending.delete(req)) outcome.errors += 1;
        resolve();
      });
      req.end(write ? write.body : request.body);
    });
  const watch = setInterval(() => {
    const now = performance.now();
    let late = 0;
    for (const due of pending.values()) if (now - due > OVERLOAD_MS) late += 1;
    if (late <= OVERLOAD_SHARE * total) return;
    overloaded = true;
    clearInterval(watch);
    for (const req of [...pending.keys()]) {
      pending.delete(req);
      outcome.cut += 1;
      req.destroy();
    }
  }, 100);
  const interval = 1000 / request.rate;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total && !overloaded; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait >= 1) await sleep(wait);
    if (!overloaded) inFlight.push(send(writes?.[i], due));
  }
  outcome.cut += total - inFlight.length;
  await Promise.all(inFlight);
  clearInterval(watch);
  agent.destroy();
  return outcome;
}

/**
 * Closed model (`--closed N`): N clients, each asking again as soon as it has its answer, for
 * `seconds`; what counts is the throughput (answers a second) at that concurrency, and a
 * latency counts from its own send.
 */
async function runClosed(request: PointRequest, seconds: number): Promise<Run> {
  const concurrency = request.concurrency ?? 1;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const outcome: Run = { latencies: [], errors: 0, mismatches: 0, cut: 0 };
  const end = performance.now() + seconds * 1000;
  const once = () =>
    new Promise<void>((resolve) => {
      const sent = performance.now();
      const req = httpRequest(request.url, { method: request.method, headers: request.headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) outcome.errors += 1;
          else {
            outcome.latencies.push(performance.now() - sent);
            if (request.expectBody !== undefined ? text !== request.expectBody : text.includes('"errors"')) outcome.mismatches += 1;
          }
          resolve();
        });
      });
      req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        outcome.errors += 1;
        resolve();
      });
      req.end(request.body);
    });
  const client = async () => {
    while (performance.now() < end) await once();
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  agent.destroy();
  return outcome;
}

async function measurePoint(request: PointRequest): Promise<PointResult> {
  if (request.concurrency) {
    if (request.warmupSeconds > 0) await runClosed(request, request.warmupSeconds);
    const { latencies, errors, mismatches } = await runClosed(request, request.seconds);
    latencies.sort((a, b) => a - b);
    return { rate: 0, achieved: latencies.length / request.seconds, count: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), errors, mismatches };
  }
  const writes = request.writes;
  // Writes consume their bodies: warm-up takes the first part, the measure the rest.
  const warmCount = writes ? Math.ceil(request.rate * request.warmupSeconds) : 0;
  if (request.warmupSeconds > 0) {
    const warm = await run(request, request.warmupSeconds, writes?.slice(0, warmCount));
    // Overloaded already while warming up: the measured run would only queue behind it.
    if (warm.cut) return { rate: request.rate, achieved: 0, count: 0, p50: Infinity, p95: Infinity, p99: Infinity, errors: 0, mismatches: 0, cut: Math.ceil(request.rate * request.seconds) };
  }
  const { latencies, errors, mismatches, cut } = await run(request, request.seconds, writes?.slice(warmCount));
  latencies.sort((a, b) => a - b);
  // Requests given up on are later than any answered one: they count at the top of the distribution.
  const all = [...latencies, ...Array<number>(cut).fill(Number.POSITIVE_INFINITY)];
  return {
    rate: request.rate,
    achieved: latencies.length / request.seconds,
    count: latencies.length,
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    p99: percentile(all, 99),
    errors,
    mismatches,
    cut,
  };
}

export type WorkerReply = { point: PointResult } | { error: string };

// One long-lived process (forked with IPC) measures every point: no start-up cost per point.
process.on('message', (request: PointRequest) => {
  measurePoint(request).then(
    (point) => process.send?.({ point } satisfies WorkerReply),
    (error: unknown) => process.send?.({ error: String(error instanceof Error ? error.stack : error) } satisfies WorkerReply),
  );
});
