import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Contender } from './contenders';
import { drain, type LoadGenerator } from './measure';
import type { BenchOptions } from './options';
import type { Call, QuerySpec } from './queries';

export interface ClosedPoint {
  round: number;
  query: string;
  contender: string;
  achieved: number;
  p50: number;
  p95: number;
  errors: number;
  mismatches: number;
}

interface Asked {
  contenders: (spec: QuerySpec) => Contender[];
  expected: (spec: QuerySpec, contender: Contender) => string | undefined;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * The closed loop (issue 16): every read at a fixed concurrency, contenders interleaved per
 * query and their order rotated each round, so a slow minute of a shared machine falls on all
 * of them. Rounds = `--repeats`; a point lasts `--seconds` after `--warmup`.
 */
export async function closedLoop(options: BenchOptions, ownerUrl: string, specs: QuerySpec[], asked: Asked, load: LoadGenerator, log: (line: string) => void): Promise<ClosedPoint[]> {
  const concurrency = options.closed ?? 8;
  const points: ClosedPoint[] = [];
  for (let round = 1; round <= options.repeats; round++) {
    for (const spec of specs) {
      const contenders = asked.contenders(spec);
      const shift = (round - 1) % Math.max(1, contenders.length);
      for (const contender of [...contenders.slice(shift), ...contenders.slice(0, shift)]) {
        const call = spec.calls[contender.kind] as Call;
        const point = await load.runPoint({
          url: `${contender.url}${call.path}`,
          method: call.method,
          headers: contender.headers(call),
          body: call.body,
          expectBody: asked.expected(spec, contender),
          rate: 0,
          warmupSeconds: options.warmupSeconds,
          seconds: options.seconds,
          connections: concurrency,
          concurrency,
        });
        await drain(ownerUrl);
        points.push({ round, query: spec.id, contender: contender.name, achieved: point.achieved, p50: point.p50, p95: point.p95, errors: point.errors, mismatches: point.mismatches });
        log(`closed r${round} ${spec.id} ${contender.name} ×${concurrency}: ${point.achieved.toFixed(0)} req/s p50 ${point.p50.toFixed(2)} p95 ${point.p95.toFixed(2)}${point.errors + point.mismatches ? ` errors ${point.errors} wrong ${point.mismatches}` : ''}`);
      }
    }
  }
  return points;
}

/** Medians of the rounds, and gridwatch's ratios to the floor and PostGraphile (medians, then each round's). */
export function renderClosedLoop(points: ClosedPoint[], concurrency: number, profile: string): string {
  const queries = [...new Set(points.map((p) => p.query))];
  const contenders = [...new Set(points.map((p) => p.contender))];
  const rate = (query: string, contender: string, round?: number) =>
    median(points.filter((p) => p.query === query && p.contender === contender && (round === undefined || p.round === round)).map((p) => p.achieved));
  const rounds = [...new Set(points.map((p) => p.round))];
  const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : '—');
  const lines = [
    `Closed loop, ${concurrency} concurrent clients, profile ${profile}, req/s (median of ${rounds.length} rounds; per round in brackets):`,
    '',
    `| query | ${contenders.join(' | ')} | gridwatch ÷ floor | gridwatch ÷ PostGraphile |`,
    `|---|${contenders.map(() => '---:').join('|')}|---:|---:|`,
  ];
  for (const query of queries) {
    const has = (c: string) => points.some((p) => p.query === query && p.contender === c);
    const cells = contenders.map((c) => (has(c) ? rate(query, c).toFixed(0) : '—'));
    const perRound = (other: string) => (has(other) && has('gridwatch') ? ` (${rounds.map((r) => ratio(rate(query, 'gridwatch', r), rate(query, other, r))).join(', ')})` : '');
    lines.push(
      `| ${query} | ${cells.join(' | ')} | ${ratio(rate(query, 'gridwatch'), rate(query, 'floor'))}${perRound('floor')} | ${has('postgraphile') ? ratio(rate(query, 'gridwatch'), rate(query, 'postgraphile')) : '—'}${perRound('postgraphile')} |`,
    );
  }
  return lines.join('\n');
}

export function saveClosedLoop(benchDir: string, profile: string, points: ClosedPoint[]): void {
  writeFileSync(path.join(benchDir, '.data', `${profile}-closed-results.json`), JSON.stringify(points, null, 1));
}
