/**
 * The data sets: the demo seed, one city at scale, a province of 16 cities at scale, and the
 * nation (the real national division table as the grid, nation/nation-tree.ts).
 */
export type ProfileName = 'hefei' | 'city' | 'province' | 'nation';

export const PROFILE_NAMES: readonly ProfileName[] = ['hefei', 'city', 'province', 'nation'];

export interface ProfileSpec {
  /** Hefei, then generated Hefei-shaped cities (示意市01 …). */
  cities: number;
  sources: number;
  cases: number;
  /** Recent cases run through the workflow (case-lifecycles.ts); the scale profiles keep every case REPORTED. */
  lifecycles?: boolean;
  /** Inspections of operating sources in 2026 (none when omitted: the scale profiles keep their load time). */
  inspections?: number;
  /**
   * The grid is the national division table instead of Annex 1 copies (`cities` is then
   * ignored); `provinces` keeps only those (2-digit codes): the tests' small nation.
   */
  nation?: { provinces?: readonly string[] };
  /** Patrol plans and check-ins for every grid worker (default on; the nation's 660,000 workers have none). */
  patrols?: boolean;
}

export const PROFILES: Readonly<Record<ProfileName, ProfileSpec>> = {
  hefei: { cities: 1, sources: 600, cases: 400, lifecycles: true, inspections: 1500 },
  city: { cities: 1, sources: 100_000, cases: 1_000_000 },
  province: { cities: 16, sources: 500_000, cases: 5_000_000 },
  // 665,276 units (620,573 villages): one source and three cases per unit on average, a
  // sixtieth of the province's density per grid (19 sources, 190 cases), so it loads in minutes.
  nation: { cities: 0, sources: 665_000, cases: 2_000_000, nation: {}, patrols: false },
};

/** The seed used when none is given (the plan's date). */
export const DEFAULT_SEED = 20151231;

export function isProfileName(value: string): value is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(value);
}
