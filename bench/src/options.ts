import { isProfileName, type ProfileName } from '@gridwatch/seeds';
import os from 'node:os';
import path from 'node:path';

export interface BenchOptions {
  profile: ProfileName;
  smoke: boolean;
  repeats: number;
  seconds: number;
  warmupSeconds: number;
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
  dataDir: string;
  persistent: boolean;
}

function value(args: string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

/** `pnpm bench [--profile city|province] [--smoke] [--repeats N] [--seconds S] [--warmup S] [--rates 25,50] [--write-rates 25,100] [--queries Q1,Q4] [--contenders floor,gridwatch] [--no-variants] [--cpu-prof] [--serve]` */
export function parseOptions(args: string[]): BenchOptions {
  const smoke = args.includes('--smoke');
  const profile = value(args, 'profile') ?? (smoke ? 'hefei' : 'city');
  if (!isProfileName(profile)) throw new Error(`unknown profile ${profile} (hefei, city, province)`);
  const numbers = (text: string | undefined): number[] | undefined => text?.split(',').map(Number);
  const persistent = !smoke;
  const rates = numbers(value(args, 'rates')) ?? (smoke ? [20] : [25, 50, 100, 150, 200, 300, 400, 600, 800, 1200, 1600]);
  return {
    profile,
    smoke,
    // The smoke run proves the harness end to end in CI: hefei, 2 s points, one repeat.
    repeats: Number(value(args, 'repeats') ?? (smoke ? 1 : 3)),
    seconds: Number(value(args, 'seconds') ?? 2),
    warmupSeconds: Number(value(args, 'warmup') ?? (smoke ? 0 : 1)),
    rates,
    writeRates: numbers(value(args, 'write-rates')) ?? (smoke ? [20] : [25, 50, 100, 150, 200]),
    // Latencies are compared at 50 req/s, or at the lowest rate when the sweep has no 50.
    commonRate: rates.includes(50) ? 50 : rates[0],
    variants: !args.includes('--no-variants'),
    queries: value(args, 'queries')?.split(',') ?? null,
    contenders: value(args, 'contenders')?.split(',') ?? null,
    cpuProf: args.includes('--cpu-prof'),
    serve: args.includes('--serve'),
    dataDir: value(args, 'data-dir') ?? (persistent ? path.resolve(__dirname, '..', '.data', profile) : path.join(os.tmpdir(), `gridwatch-bench-smoke-${process.pid}`)),
    persistent,
  };
}
