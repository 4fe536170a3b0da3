import type { PointResult } from './load-worker';
import type { StatementCount } from './measure';
import type { WriteCheck } from './writes';

export interface PointRecord extends PointResult {
  repeat: number;
  query: string;
  contender: string;
  pass: boolean;
}

export interface RunResults {
  profile: string;
  command: string;
  machine: string[];
  settings: { seconds: number; warmupSeconds: number; jitWarmup?: number; repeats: number; rates: number[]; commonRate: number; p95LimitMs: number; writeRates?: number[]; writeRate?: number };
  /** `write`: latencies are compared at settings.writeRate (the 100 transitions/s). */
  queries: { id: string; title: string; write?: boolean }[];
  contenders: { name: string; variant: boolean }[];
  answers: { query: string; contender: string; ok: boolean; known: boolean; detail: string }[];
  statements: ({ query: string; contender: string } & StatementCount)[];
  points: PointRecord[];
  /** Writes checked after the run (lost-update check). */
  writes: ({ query: string } & WriteCheck)[];
  notes: string[];
}

export const P95_LIMIT_MS = 50;

/**
 * A point is cut off once more than OVERLOAD_SHARE of its requests are over OVERLOAD_MS late:
 * its p95 has failed by then, and every request still queued in a server would only delay (and
 * load) the next point. Overloaded points used to take about 45 % of a run draining such queues.
 */
export const OVERLOAD_MS = 2_000;
export const OVERLOAD_SHARE = 0.05;

/** A point passes when p95 stays under the limit, the rate was reached, nothing was cut off and every answer was right. */
export function passes(point: PointResult): boolean {
  return point.p95 < P95_LIMIT_MS && point.achieved >= 0.9 * point.rate && !point.cut && point.errors === 0 && point.mismatches === 0;
}

const median = (values: number[]): number => {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export interface Summary {
  /** Median over repeats of the throughput achieved at the highest passing rate (0: none passed). */
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  repeats: number;
}

export function summarize(results: RunResults, query: string, contender: string, rate = results.settings.commonRate): Summary | null {
  const points = results.points.filter((p) => p.query === query && p.contender === contender);
  if (!points.length) return null;
  const repeats = [...new Set(points.map((p) => p.repeat))];
  const best = repeats.map((repeat) => {
    const passing = points.filter((p) => p.repeat === repeat && p.pass).sort((a, b) => b.rate - a.rate);
    return passing[0]?.achieved ?? 0;
  });
  const common = points.filter((p) => p.rate === rate);
  // A point with no response inside its window has no percentiles (null in JSON): slower than the window, not 0.
  const slow = (value: number | null): number => (value == null || Number.isNaN(value) ? Number.POSITIVE_INFINITY : value);
  return {
    throughput: median(best),
    p50: median(common.map((p) => slow(p.p50))),
    p95: median(common.map((p) => slow(p.p95))),
    p99: median(common.map((p) => slow(p.p99))),
    repeats: repeats.length,
  };
}
