import { Rng } from '../random';
import type { EmploymentName } from '@gridwatch/domain';
import type { GridNode } from './grid-tree';
import { mobilePhone, personName } from './names';

export interface OfficerRecord {
  id: number;
  employer: GridNode;
  name: string;
  phone: string;
  badgeNumber: string;
  gridIds: number[];
}

export interface GridWorkerRecord {
  id: number;
  employer: GridNode;
  name: string;
  phone: string;
  employment: EmploymentName;
  gridId: number;
}

/** City inspectors (市级环境监察执法人员) per city, attached to the city grid. */
export const CITY_OFFICERS = 4;
/** Officers per level-2 unit; each level-3 grid of the unit is attached to exactly one of them. */
export const COUNTY_OFFICERS = 3;

// Urban grid workers are mostly trained city-management supervisors (兼职); village ones are
// often village cadres; the township's own worker is full-time.
const PART_TIME_SHARE = { urban: 0.7, village: 0.4 } as const;

/**
 * Officers: CITY_OFFICERS per city, COUNTY_OFFICERS per level-2 unit (employed by it, sharing
 * its level-3 grids round-robin) and one per administrative township (employed by and
 * attached to it).
 */
export function buildOfficers(grids: readonly GridNode[], seed: number): OfficerRecord[] {
  const rng = Rng.derive(seed, 'officers');
  const out: OfficerRecord[] = [];
  const perUnit = new Map<number, number>();
  const add = (employer: GridNode, gridIds: number[]): void => {
    const seq = (perUnit.get(employer.id) ?? 0) + 1;
    perUnit.set(employer.id, seq);
    out.push({
      id: out.length + 1,
      employer,
      name: personName(rng),
      phone: mobilePhone(rng),
      badgeNumber: `皖环执${employer.county6}${String(seq).padStart(3, '0')}`,
      gridIds,
    });
  };
  const childrenOf = childIndex(grids);
  for (const city of grids.filter((g) => g.level === 'CITY')) {
    for (let i = 0; i < CITY_OFFICERS; i++) add(city, [city.id]);
    for (const county of childrenOf.get(city.id) ?? []) {
      const level3 = childrenOf.get(county.id) ?? [];
      for (let k = 0; k < COUNTY_OFFICERS; k++) add(county, level3.filter((_, i) => i % COUNTY_OFFICERS === k).map((g) => g.id));
    }
    for (const county of childrenOf.get(city.id) ?? []) {
      for (const township of childrenOf.get(county.id) ?? []) {
        if (township.kind === 'ADMINISTRATIVE') add(township, [township.id]);
      }
    }
  }
  return out;
}

/**
 * Grid workers: exactly one per grid without children (urban grids, villages) and one per
 * administrative township grid. Urban grid workers are employed by the urban unit (their
 * street is not a grid); the others by their township.
 */
export function buildGridWorkers(grids: readonly GridNode[], seed: number): GridWorkerRecord[] {
  const rng = Rng.derive(seed, 'grid-workers');
  const byId = new Map(grids.map((g) => [g.id, g]));
  const out: GridWorkerRecord[] = [];
  for (const grid of grids) {
    const urban = grid.kind === 'URBAN_MANAGEMENT';
    const isAdminTownship = grid.level === 'TOWNSHIP' && !urban;
    if (!(grid.leaf && (urban || grid.level === 'VILLAGE')) && !isAdminTownship) continue;
    const employer = isAdminTownship ? grid : byId.get(grid.parentId ?? -1);
    if (!employer) throw new Error(`grid ${grid.code} has no parent to employ its worker`);
    const partTime = isAdminTownship ? false : rng.chance(urban ? PART_TIME_SHARE.urban : PART_TIME_SHARE.village);
    out.push({
      id: out.length + 1,
      employer,
      name: personName(rng),
      phone: mobilePhone(rng),
      employment: partTime ? 'PART_TIME' : 'FULL_TIME',
      gridId: grid.id,
    });
  }
  return out;
}

export function childIndex(grids: readonly GridNode[]): Map<number, GridNode[]> {
  const index = new Map<number, GridNode[]>();
  for (const g of grids) {
    if (g.parentId === null) continue;
    const list = index.get(g.parentId) ?? [];
    list.push(g);
    index.set(g.parentId, list);
  }
  return index;
}
