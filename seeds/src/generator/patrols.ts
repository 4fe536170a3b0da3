import { Rng, hashString } from '../random';
import type { GridKindName, GridLevelName } from '@gridwatch/domain';
import { pointIn } from './boundaries';
import type { GridNode } from './grid-tree';
import type { GridWorkerRecord } from './people';
import { type Cell, SCOPE_COLUMNS, type TableData, countyKey, scopeCells, timestamp } from './table';
import type { PatrolMonth } from './timeline';

/**
 * The city's default patrol rule (巡查频次): times a month a grid worker patrols each grid.
 * Urban management grids are small and busy; a township's own grid is patrolled through its
 * villages. Our choice, configurable by the city.
 */
export const PATROL_RULES: readonly { level: GridLevelName; kind: GridKindName; times: number }[] = [
  { level: 'TOWNSHIP', kind: 'URBAN_MANAGEMENT', times: 8 },
  { level: 'TOWNSHIP', kind: 'ADMINISTRATIVE', times: 2 },
  { level: 'VILLAGE', kind: 'ADMINISTRATIVE', times: 4 },
];

const DAY_MS = 86_400_000;

export interface PatrolPlanRecord {
  id: number;
  worker: GridWorkerRecord;
  grid: GridNode;
  month: PatrolMonth;
  required: number;
}

export interface CheckInRecord {
  id: number;
  plan: PatrolPlanRecord;
  atMs: number;
  lng: number;
  lat: number;
}

/**
 * One plan per grid worker and assigned grid (each worker has one grid in the seed) for each
 * of the timeline's months: the anchor's month first, then the month before.
 */
export function patrolPlans(grids: readonly GridNode[], workers: readonly GridWorkerRecord[], months: readonly PatrolMonth[]): PatrolPlanRecord[] {
  const byId = new Map(grids.map((g) => [g.id, g]));
  const out: PatrolPlanRecord[] = [];
  for (const month of months) {
    for (const worker of workers) {
      const grid = byId.get(worker.gridId);
      const rule = grid && PATROL_RULES.find((r) => r.level === grid.level && r.kind === grid.kind);
      if (grid && rule) out.push({ id: out.length + 1, worker, grid, month, required: rule.times });
    }
  }
  return out;
}

/**
 * How many patrols a plan has by the end of its seeded days: most workers are on track (their
 * share of the plan), one in five behind (half of that or less), one in ten done already.
 * Keyed on the grid code within its city, so every city of a profile has the same number of
 * check-ins. Never more than the days seeded (one counted patrol a day).
 */
export function patrolsDone(plan: PatrolPlanRecord): number {
  const { seededDays, days } = plan.month;
  const onTrack = Math.floor((plan.required * seededDays) / days);
  const bucket = hashString(plan.grid.code.slice(4), 7) % 10;
  const done = bucket < 2 ? Math.floor((onTrack * bucket) / 2) : bucket === 2 ? plan.required : onTrack;
  return Math.min(done, seededDays);
}

/** Check-ins on distinct days, in working hours, near the grid's centre and inside its boundary (none flagged). */
export function* checkIns(plans: readonly PatrolPlanRecord[], seed: number): Generator<CheckInRecord> {
  const rng = Rng.derive(seed, 'patrol-check-ins');
  let id = 0;
  for (const plan of plans) {
    const days = pickDays(rng, patrolsDone(plan), plan.month.seededDays);
    for (const day of days) {
      const atMs = plan.month.startMs + day * DAY_MS + (8 + rng.int(0, 9)) * 3_600_000 + rng.int(0, 3600) * 1000;
      const at = pointIn([plan.grid.area, plan.grid.countyArea], plan.grid.centre, 0.004, rng, plan.grid.centre);
      yield { id: ++id, plan, atMs, lng: at.lng, lat: at.lat };
    }
  }
}

function pickDays(rng: Rng, n: number, seededDays: number): number[] {
  const days = Array.from({ length: seededDays }, (_, i) => i);
  for (let i = 0; i < n; i++) {
    const j = rng.int(i, days.length);
    [days[i], days[j]] = [days[j], days[i]];
  }
  return days.slice(0, n).sort((a, b) => a - b);
}

export function patrolRuleTable(): TableData {
  return {
    table: 'patrol_rule',
    columns: ['id', 'grid_level', 'grid_kind', 'times_per_month'],
    count: PATROL_RULES.length,
    *rows() {
      let id = 0;
      for (const r of PATROL_RULES) yield [++id, r.level, r.kind, r.times];
    },
  };
}

export function patrolPlanTable(plans: readonly PatrolPlanRecord[]): TableData {
  return {
    table: 'patrol_plan',
    columns: ['id', ...SCOPE_COLUMNS, 'grid_worker_id', 'grid_id', 'month', 'base_count', 'factor', 'required_count', 'generated_at', 'county_key'],
    count: plans.length,
    *rows() {
      for (const p of plans) yield [p.id, ...scopeCells(p.grid), p.worker.id, p.grid.id, `${p.month.label}-01`, p.required, 1, p.required, timestamp(p.month.startMs), countyKey(p.grid)];
    },
  };
}

export function checkInTable(records: () => Iterable<CheckInRecord>): TableData {
  let count = 0;
  for (const _ of records()) count++;
  return {
    table: 'patrol_check_in',
    columns: ['id', ...SCOPE_COLUMNS, 'grid_worker_id', 'grid_id', 'at', 'received_at', 'lng', 'lat', 'notes', 'outside_boundary', 'boundary_checked', 'recorded_by_id', 'county_key'],
    count,
    *rows() {
      for (const c of records()) {
        const cells: Cell[] = [c.id, ...scopeCells(c.plan.grid), c.plan.worker.id, c.plan.grid.id, timestamp(c.atMs), timestamp(c.atMs), c.lng, c.lat, '例行巡查, 未发现问题', false, c.plan.grid.area !== null, null, countyKey(c.plan.grid)];
        yield cells;
      }
    },
  };
}
