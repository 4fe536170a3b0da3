import { drawSources, generator, ratioSize, sample, snapshotHash, type PoolMember, type PopulationMember } from '../random-draw';

describe('the reproducible draw (random-draw.ts)', () => {
  const population: PopulationMember[] = Array.from({ length: 30 }, (_, i) => [i + 1, i % 3 === 0 ? 'KEY' : 'GENERAL', i % 2 ? 7 : 8]);
  const pool: PoolMember[] = [
    [1, null],
    [2, 7],
    [3, 7],
    [4, 8],
    [5, 8],
  ];
  const spec = { seed: 20261128, population, pool, sampleSize: 3, sampleBasisPoints: null, inspectorsPerSource: 2, conflictRule: 'SAME_COUNTY' as const };

  it('gives the same sources and inspectors for the same seed and snapshot, and others for another seed', () => {
    expect(drawSources(spec)).toEqual(drawSources({ ...spec, population: [...population], pool: [...pool] }));
    expect(drawSources({ ...spec, seed: spec.seed + 1 })).not.toEqual(drawSources(spec));
  });

  it('pins the generator and the sampling: a test vector for re-implementations', () => {
    // xoroshiro128+ from seed 42 (pure-rand 8.4.2), then k = 3 of [0..9] by partial Fisher-Yates.
    const rng = generator(42);
    const raw = [rng.next(), rng.next(), rng.next()];
    expect(raw).toEqual(rawOf(42));
    const digits = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(sample(generator(42), digits, 3)).toEqual(documentedSample(42, digits, 3));
    expect(sample(generator(42), digits, 3)).toEqual([5, 4, 9]);
  });

  it('samples each stratum in key order, never repeats a source, and respects the conflict rule', () => {
    const outcome = drawSources(spec);
    if (!outcome.ok) throw new Error('draw failed');
    expect(outcome.sources.map((s) => s.stratum)).toEqual(['GENERAL', 'GENERAL', 'GENERAL', 'KEY', 'KEY', 'KEY']);
    expect(new Set(outcome.sources.map((s) => s.sourceId)).size).toBe(6);
    for (const drawn of outcome.sources) {
      const county = population.find(([id]) => id === drawn.sourceId)?.[2];
      expect(drawn.inspectorIds).toHaveLength(2);
      expect(new Set(drawn.inspectorIds).size).toBe(2);
      for (const id of drawn.inspectorIds) expect(pool.find(([o]) => o === id)?.[1]).not.toBe(county);
    }
  });

  it('fails, naming the source, when the conflict rule leaves too few inspectors', () => {
    const outcome = drawSources({ ...spec, pool: [[2, 7], [4, 8]] });
    expect(outcome).toMatchObject({ ok: false, eligible: 1 });
    expect(drawSources({ ...spec, pool: [[2, 7], [4, 8]], conflictRule: 'NONE' }).ok).toBe(true);
  });

  it('rounds ratios up in integers and hashes snapshots stably', () => {
    expect(ratioSize(30, 1000)).toBe(3);
    expect(ratioSize(31, 1000)).toBe(4);
    expect(ratioSize(1, 1)).toBe(1);
    expect(snapshotHash({ population, pool })).toBe(snapshotHash({ population: [...population], pool: [...pool] }));
    expect(snapshotHash({ population, pool })).toMatch(/^[0-9a-f]{64}$/);
  });
});

/** The generator written out from the doc comment, independently of pure-rand. */
function documentedGenerator(seed: number): () => number {
  let [s01, s00, s11, s10] = [-1, ~seed, seed | 0, 0];
  return () => {
    const out = (s00 + s10) | 0;
    const a0 = s10 ^ s00;
    const a1 = s11 ^ s01;
    const [p00, p01] = [s00, s01];
    s00 = (p00 << 24) ^ (p01 >>> 8) ^ a0 ^ (a0 << 16);
    s01 = (p01 << 24) ^ (p00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    s10 = (a1 << 5) ^ (a0 >>> 27);
    s11 = (a0 << 5) ^ (a1 >>> 27);
    return out;
  };
}

function rawOf(seed: number): number[] {
  const next = documentedGenerator(seed);
  return [next(), next(), next()];
}

/** Steps 2 and 3 of the doc comment. */
function documentedSample<T>(seed: number, list: T[], k: number): T[] {
  const next = documentedGenerator(seed);
  const copy = [...list];
  for (let i = 0; i < k; i++) {
    const size = copy.length - i;
    const limit = size > 2 ? Math.floor(2 ** 32 / size) * size : 2 ** 32;
    let v = next() + 2 ** 31;
    while (v >= limit) v = next() + 2 ** 31;
    const j = i + (v % size);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, k);
}
