import { isProfileName, type ProfileName } from '@gridwatch/seeds';
import os from 'node:os';
import path from 'node:path';

export interface BenchOptions {
  profile: ProfileName;
  /** `--profile city,province`: one command, one run per profile in turn (each with its own data directory). */
  profiles: ProfileName[];
  smoke: boolean;
  repeats: number;
  seconds: number;
  warmupSeconds: number;
  /** Requests per read query and contender before the first point (each at most 5 s): V8 optimises a process over its first thousands. */
  jitWarmup: number;
  rates: number[];
  /** The sweep of writes (each request files a case: the pool is finite). */
  writeRates: number[];
  commonRate: number;
  variants: boolean;
  queries: string[] | null;
  /** Only these contenders (floor is always kept: answers are compared with it). */
  contenders: string[] | null;
  /** Writes a V8 CPU profile of each gridwatch process into bench/.data/prof (diagnosis, not for tables). */
  cpuProf: boolean;
  /** Starts the database and contenders, prints how to reach them, and waits (for EXPLAIN, curl, profiles). */
  serve: boolean;
  /** `--closed N`: the reads in a closed loop at N concurrent clients instead of the rate sweep (no writes). */
  closed: number | null;
  dataDir: string;
  persistent: boolean;
}

/** Scale profiles keep their data in bench/.data/<profile>; the smoke run uses a fresh temporary one. */
export function dataDirOf(profile: ProfileName, persistent: boolean): string {
  return persistent ? path.resolve(__dirname, '..', '.data', profile) : path.join(os.tmpdir(), `gridwatch-bench-smoke-${process.pid}`);
}

function value(args: string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

/** `pnpm bench [--profile city|province|nation] [--smoke] [--repeats N] [--seconds S] [--warmup S] [--jit-warmup N] [--rates 25,50] [--write-rates 25,100] [--queries Q1,Q4] [--contenders floor,gridwatch] [--no-variants] [--cpu-prof] [--serve] [--closed N]` */
export function parseOptions(args: string[]): BenchOptions {
  const smoke = args.includes('--smoke');
  const profiles = (value(args, 'profile') ?? (smoke ? 'hefei' : 'city')).split(',');
  for (const name of profiles) if (!isProfileName(name)) throw new Error(`unknown profile ${name} (hefei, city, province, nation)`);
  const profile = profiles[0] as ProfileName;
  const numbers = (text: string | undefined): number[] | undefined => text?.split(',').map(Number);
  const persistent = !smoke;
  const rates = numbers(value(args, 'rates')) ?? (smoke ? [20] : [25, 50, 100, 150, 200, 300, 400, 600, 800, 1200, 1600]);
  return {
    profile,
    profiles: profiles as ProfileName[],
    smoke,
    // The smoke run proves the harness end to end in CI: hefei, 1 s points, one repeat.
    repeats: Number(value(args, 'repeats') ?? (smoke ? 1 : 3)),
    seconds: Number(value(args, 'seconds') ?? (smoke ? 1 : 2)),
    warmupSeconds: Number(value(args, 'warmup') ?? (smoke ? 0 : 1)),
    jitWarmup: Number(value(args, 'jit-warmup') ?? (smoke ? 0 : 500)),
    rates,
    // The smoke profile (hefei) has few cases its platform operators may file: one write a second is all it can feed.
    writeRates: numbers(value(args, 'write-rates')) ?? (smoke ? [1] : [25, 50, 100, 150, 200]),
    // Latencies are compared at 50 req/s, or at the lowest rate when the sweep has no 50.
    commonRate: rates.includes(50) ? 50 : rates[0],
    // The smoke run proves the harness, not the variants' prices: they would double its start-up.
    variants: !smoke && !args.includes('--no-variants'),
    queries: value(args, 'queries')?.split(',') ?? null,
    contenders: value(args, 'contenders')?.split(',') ?? null,
    cpuProf: args.includes('--cpu-prof'),
    serve: args.includes('--serve'),
    closed: value(args, 'closed') ? Number(value(args, 'closed')) : null,
    dataDir: value(args, 'data-dir') ?? dataDirOf(profile, persistent),
    persistent,
  };
}
