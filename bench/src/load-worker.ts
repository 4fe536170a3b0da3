import autocannon from 'autocannon';

/**
 * The load generator, run as its own process so it does not share an event loop with any
 * contender: a warm-up at the target rate, then the measured run; latencies of every
 * response are kept, so p95 is exact (autocannon's summary has p90 and p97.5, not p95).
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

async function run(request: PointRequest, seconds: number, bodies: string[] | undefined): Promise<{ latencies: number[]; result: autocannon.Result; refused: number }> {
  const latencies: number[] = [];
  let next = 0;
  // A GraphQL error comes with status 200: writes (no expected body) count it here.
  let refused = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: request.url,
        method: request.method,
        headers: request.headers,
        body: request.body,
        connections: request.connections,
        overallRate: request.rate,
        duration: seconds,
        expectBody: request.expectBody,
        ...(bodies ? { amount: Math.min(bodies.length, Math.ceil(request.rate * seconds)) } : {}),
        ...(bodies
          ? {
              requests: [
                {
                  setupRequest: (req: autocannon.Request) => ({ ...req, body: bodies[next++ % bodies.length] }),
                  onResponse: (_status: number, body: string) => {
                    if (body.includes('"errors"')) refused += 1;
                  },
                },
              ],
            }
          : {}),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  return { latencies, result, refused };
}

export type WorkerReply = { point: PointResult } | { error: string };

async function measurePoint(request: PointRequest): Promise<PointResult> {
  const bodies = request.bodies;
  // Writes consume their bodies: warm-up takes the first part, the measure the rest.
  const warmCount = bodies ? Math.ceil(request.rate * request.warmupSeconds) : 0;
  if (request.warmupSeconds > 0) await run(request, request.warmupSeconds, bodies?.slice(0, warmCount));
  const { latencies, result, refused } = await run(request, request.seconds, bodies?.slice(warmCount));
  latencies.sort((a, b) => a - b);
  return {
    rate: request.rate,
    achieved: latencies.length / request.seconds,
    count: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts + result.non2xx,
    mismatches: result.mismatches + refused,
  };
}

// One long-lived process (forked with IPC) measures every point: no start-up cost per point.
process.on('message', (request: PointRequest) => {
  measurePoint(request).then(
    (point) => process.send?.({ point } satisfies WorkerReply),
    (error: unknown) => process.send?.({ error: String(error instanceof Error ? error.stack : error) } satisfies WorkerReply),
  );
});
