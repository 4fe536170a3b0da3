import { Agent, request as httpRequest } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

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
  /** Bodies for successive requests (writes: each files another case); overrides body. */
  bodies?: string[];
  expectBody?: string;
  rate: number;
  warmupSeconds: number;
  seconds: number;
  connections: number;
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
}

async function run(request: PointRequest, seconds: number, bodies: string[] | undefined): Promise<Run> {
  const agent = new Agent({ keepAlive: true, maxSockets: request.connections });
  const outcome: Run = { latencies: [], errors: 0, mismatches: 0 };
  const send = (body: string | undefined, due: number) =>
    new Promise<void>((resolve) => {
      const req = httpRequest(request.url, { method: request.method, headers: request.headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) outcome.errors += 1;
          else {
            outcome.latencies.push(performance.now() - due);
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
      req.end(body);
    });
  const total = bodies ? Math.min(bodies.length, Math.ceil(request.rate * seconds)) : Math.ceil(request.rate * seconds);
  const interval = 1000 / request.rate;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait >= 1) await sleep(wait);
    inFlight.push(send(bodies ? bodies[i] : request.body, due));
  }
  await Promise.all(inFlight);
  agent.destroy();
  return outcome;
}

async function measurePoint(request: PointRequest): Promise<PointResult> {
  const bodies = request.bodies;
  // Writes consume their bodies: warm-up takes the first part, the measure the rest.
  const warmCount = bodies ? Math.ceil(request.rate * request.warmupSeconds) : 0;
  if (request.warmupSeconds > 0) await run(request, request.warmupSeconds, bodies?.slice(0, warmCount));
  const { latencies, errors, mismatches } = await run(request, request.seconds, bodies?.slice(warmCount));
  latencies.sort((a, b) => a - b);
  return {
    rate: request.rate,
    achieved: latencies.length / request.seconds,
    count: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
    mismatches,
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
