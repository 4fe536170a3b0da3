import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { summarize, type RunResults, P95_LIMIT_MS, OVERLOAD_MS, OVERLOAD_SHARE } from './results';

const fmt = (value: number, digits = 0): string => (value === Number.POSITIVE_INFINITY ? '>window' : Number.isFinite(value) ? value.toFixed(digits) : '—');
const ratio = (a: number | undefined, b: number | undefined): string => (a && b ? `${(a / b).toFixed(2)}×` : '—');

/** Latency against the floor's at the same rate: readable even when no rate kept p95 under the limit. */
const latencyRatio = (a: number | undefined, b: number | undefined): string =>
  a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : a === Number.POSITIVE_INFINITY ? '>window' : '—';

/** The side-by-side table of one run, as markdown. */
export function renderReport(results: RunResults): string {
  const s = results.settings;
  const lines = [
    `### Profile \`${results.profile}\``,
    '',
    `Command: \`${results.command}\``,
    '',
    ...results.machine.map((line) => `- ${line}`),
    `- Method: fixed-rate sweep over ${s.rates.join(', ')} req/s (open model: a separate process sends request i at i/rate whatever the answers, latency counted from that moment; ${s.jitWarmup ? `every server first answers each read ${s.jitWarmup} times (at most 5 s) so that no point times a cold process; ` : ''}${s.warmupSeconds} s warm-up then ${s.seconds} s measured per point; the sweep of a series stops at its first miss above ${s.commonRate} req/s; a point is cut off as overloaded once more than ${OVERLOAD_SHARE * 100} % of its requests are over ${OVERLOAD_MS / 1000} s late, and the requests it gives up count as slower than any answer, shown as >window), ${s.repeats} repeat(s); figures are medians over the repeats. Throughput = requests/s achieved at the highest rate whose p95 < ${P95_LIMIT_MS} ms with no error nor wrong answer. Latencies at the common rate of ${s.commonRate} req/s${s.writeRates ? `; writes sweep ${s.writeRates.join(', ')} req/s and are compared at ${s.writeRate} req/s` : ''}.`,
    '',
    `| query | contender | req/s at p95 < ${P95_LIMIT_MS} ms | p50 / p95 / p99 ms at ${s.commonRate} req/s | p50 ÷ floor p50 | SQL stmts/req (data only) | rows/req | × floor | × PostGraphile | answer |`,
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const query of results.queries) {
    const rate = query.write && s.writeRate ? s.writeRate : s.commonRate;
    const floor = summarize(results, query.id, 'floor', rate);
    const pgl = summarize(results, query.id, 'postgraphile', rate);
    for (const contender of results.contenders) {
      const summary = summarize(results, query.id, contender.name, rate);
      const answer = results.answers.find((a) => a.query === query.id && a.contender === contender.name);
      if (!summary && !answer) continue;
      const sql = results.statements.find((x) => x.query === query.id && x.contender === contender.name);
      lines.push(
        `| ${query.id} ${query.title} | ${contender.name} | ${fmt(summary?.throughput ?? Number.NaN)} | ${fmt(summary?.p50 ?? Number.NaN, 1)} / ${fmt(summary?.p95 ?? Number.NaN, 1)} / ${fmt(summary?.p99 ?? Number.NaN, 1)}${rate !== s.commonRate ? ` (at ${rate}/s)` : ''} | ${contender.name === 'floor' ? '1.00' : latencyRatio(summary?.p50, floor?.p50)} | ${sql ? `${fmt(sql.perRequest, 1)} (${fmt(sql.dataPerRequest, 1)})` : '—'} | ${sql ? fmt(sql.rowsPerRequest, 0) : '—'} | ${contender.name === 'floor' ? '1.00×' : ratio(summary?.throughput, floor?.throughput)} | ${ratio(summary?.throughput, pgl?.throughput)} | ${answer?.ok ? 'same as floor' : answer?.known ? `**${answer.detail.replaceAll('|', '\\|').slice(0, 120)}**` : `**wrong**: ${answer?.detail.replaceAll('|', '\\|').slice(0, 160) ?? 'not asked'}`} |`,
      );
    }
  }
  for (const w of results.writes ?? []) {
    lines.push('', `- ${w.query} ${w.contender}: of ${w.handedOut} cases handed to the load generator, ${w.applied} were filed exactly once (FILED, version + 1, one FILE event), ${w.untouched} were never sent (the window closed first), **${w.lost} lost or doubled updates**.`);
  }
  if (results.notes.length) lines.push('', ...results.notes.map((note) => `- ${note}`));
  return lines.join('\n');
}

/** Replaces this profile's section of docs/benchmarks.md (other profiles' sections stay). */
export function writeSection(file: string, profile: string, markdown: string): void {
  const start = `<!-- bench:${profile}:start -->`;
  const end = `<!-- bench:${profile}:end -->`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n';
  const block = `${start}\n${markdown}\n${end}`;
  const at = current.indexOf(start);
  const next = at >= 0 ? current.slice(0, at) + block + current.slice(current.indexOf(end) + end.length) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
