/** The three data sets: the demo seed, one city at scale, a province of 16 cities at scale. */
export type ProfileName = 'hefei' | 'city' | 'province';

export const PROFILE_NAMES: readonly ProfileName[] = ['hefei', 'city', 'province'];

export interface ProfileSpec {
  /** Hefei, then generated Hefei-shaped cities (示意市01 …). */
  cities: number;
  sources: number;
  cases: number;
  /** Recent cases run through the workflow (case-lifecycles.ts); the scale profiles keep every case REPORTED. */
  lifecycles?: boolean;
  /** Inspections of operating sources in 2026 (none when omitted: the scale profiles keep their load time). */
  inspections?: number;
}

export const PROFILES: Readonly<Record<ProfileName, ProfileSpec>> = {
  hefei: { cities: 1, sources: 600, cases: 400, lifecycles: true, inspections: 1500 },
  city: { cities: 1, sources: 100_000, cases: 1_000_000 },
  province: { cities: 16, sources: 500_000, cases: 5_000_000 },
};

/** The seed used when none is given (the plan's date). */
export const DEFAULT_SEED = 20151231;

export function isProfileName(value: string): value is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(value);
}
