import { createHash, randomInt } from 'node:crypto';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/**
 * The reproducible draw of 双随机一公开 (and of audits), version `DRAW_ALGORITHM`.
 * Everything below is deterministic in (seed, snapshot); a third party can re-implement it:
 *
 * 1. Generator: xoroshiro128+ as in pure-rand 8.4.2 (pinned). State (s01, s00, s11, s10) is
 *    initialised from the 31-bit seed as (-1, ~seed, seed, 0) in 32-bit two's complement;
 *    `next()` returns (s00 + s10) | 0 and advances the state (see pure-rand's source).
 * 2. Integer in [from, to]: size = to - from + 1; limit = size > 2 ? floor(2^32 / size) * size : 2^32;
 *    v = next() + 2^31, drawn again while v >= limit; result = from + v mod size.
 * 3. Sampling k of n (partial Fisher-Yates): for i = 0 .. k-1: j = integer in [i, n-1],
 *    swap(list[i], list[j]); the sample is list[0 .. k-1] in that order.
 * 4. Sources: the population snapshot lists [sourceId, stratum, countyId] ordered by source id.
 *    Strata are taken in ascending order of their key (code-unit order); within a stratum
 *    the members keep snapshot order; each stratum's sample size k is `sampleSize` capped at
 *    its size n, or ceil(n * basisPoints / 10000) for a ratio. One generator serves the
 *    whole draw, strata first, then inspectors.
 * 5. Inspectors: for each sampled source in sample order, the eligible members of the pool
 *    snapshot ([officerId, countyId] ordered by officer id) are those the conflict rule
 *    allows (SAME_COUNTY: an officer of the source's county may not check it; city officers
 *    have no county); `inspectorsPerSource` of them are sampled as in step 3.
 * 6. The snapshot hash is SHA-256 (hex) of JSON.stringify({ population, pool }) with the
 *    arrays exactly as stored.
 */
export const DRAW_ALGORITHM = 'xoroshiro128plus-fisher-yates-v1';

/** Seeds are non-negative 31-bit integers, so they fit GraphQL's Int. */
export const MAX_SEED = 2 ** 31 - 1;

export function newSeed(): number {
  return randomInt(0, MAX_SEED);
}

export function generator(seed: number): RandomGenerator {
  return xoroshiro128plus(seed);
}

/** Step 3: k distinct members of `list`, in draw order; `list` is not modified. */
export function sample<T>(rng: RandomGenerator, list: readonly T[], k: number): T[] {
  const copy = [...list];
  const take = Math.min(k, copy.length);
  for (let i = 0; i < take; i++) {
    const j = uniformInt(rng, i, copy.length - 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, take);
}

/** ceil(n * bp / 10000) in integers, so no floating-point rounding can change a draw. */
export function ratioSize(n: number, basisPoints: number): number {
  return Math.floor((n * basisPoints + 9999) / 10000);
}

export function snapshotHash(snapshot: unknown): string {
  return createHash('sha256').update(JSON.stringify(snapshot)).digest('hex');
}

/** [sourceId, stratum, countyId (null at city level)] */
export type PopulationMember = [number, string, number | null];
/** [officerId, countyId (null for city officers)] */
export type PoolMember = [number, number | null];

export type ConflictRuleName = 'NONE' | 'SAME_COUNTY';

export interface DrawParams {
  sampleSize: number | null;
  sampleBasisPoints: number | null;
  inspectorsPerSource: number;
  conflictRule: ConflictRuleName;
}

export interface DrawSpec extends DrawParams {
  seed: number;
  population: PopulationMember[];
  pool: PoolMember[];
}

export interface DrawnSource {
  sourceId: number;
  stratum: string;
  inspectorIds: number[];
}

export type DrawOutcome = { ok: true; sources: DrawnSource[] } | { ok: false; sourceId: number; eligible: number };

/** Steps 4 and 5: the whole draw from a seed and a snapshot. */
export function drawSources(spec: DrawSpec): DrawOutcome {
  const rng = generator(spec.seed);
  const strata = new Map<string, PopulationMember[]>();
  for (const member of spec.population) strata.set(member[1], [...(strata.get(member[1]) ?? []), member]);
  const keys = [...strata.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const chosen: PopulationMember[] = [];
  for (const key of keys) {
    const members = strata.get(key) ?? [];
    const k = spec.sampleSize != null ? spec.sampleSize : ratioSize(members.length, spec.sampleBasisPoints ?? 0);
    chosen.push(...sample(rng, members, k));
  }
  const sources: DrawnSource[] = [];
  for (const [sourceId, stratum, countyId] of chosen) {
    const eligible = spec.pool.filter(([, officerCounty]) => spec.conflictRule === 'NONE' || officerCounty == null || officerCounty !== countyId);
    if (eligible.length < spec.inspectorsPerSource) return { ok: false, sourceId, eligible: eligible.length };
    sources.push({ sourceId, stratum, inspectorIds: sample(rng, eligible, spec.inspectorsPerSource).map(([id]) => id) });
  }
  return { ok: true, sources };
}
