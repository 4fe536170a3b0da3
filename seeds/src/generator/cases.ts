import type { CaseCategory } from '../reference/case-categories';
import { Rng, WeightedPicker } from '../random';
import type { CaseChannelName, CaseOriginName, CaseUrgencyName, RoleName } from '@gridwatch/domain';
import { CATEGORY_SOURCE_TYPE, CATEGORY_WEIGHTS, ORIGIN_WEIGHTS, caseDescription } from './case-texts';
import { pointIn } from './boundaries';
import type { LngLat } from './geo';
import type { GridNode } from './grid-tree';
import { mobilePhone, personName } from './names';
import { timestamp } from './table';
import type { SeedTimeline } from './timeline';
import { SOURCE_TYPES, type SourcePlan, gridAddress, leafPicker } from './sources';

export interface CaseRecord {
  id: number;
  grid: GridNode;
  number: string;
  origin: CaseOriginName;
  category: CaseCategory;
  urgency: CaseUrgencyName;
  description: string;
  address: string;
  location: LngLat;
  sourceId: number | null;
  complainantName: string | null;
  complainantPhone: string | null;
  /** Complaints come in from the 12345 hotline (ORIGIN_NOTES), each with its ticket number (工单号). */
  channel: CaseChannelName | null;
  externalTicket: string | null;
  reportedById: number | null;
  reportedAtMs: number;
}

/** Who performs the REPORT step, by origin (no account exists for most people, so only the role). */
export const REPORTER_ROLE: Readonly<Record<CaseOriginName, RoleName | null>> = {
  PATROL: 'GRID_WORKER',
  COMPLAINT: 'PLATFORM_OPERATOR',
  INSTRUCTION: 'PLATFORM_OPERATOR',
  TRANSFER: 'PLATFORM_OPERATOR',
  INSPECTION: 'OFFICER',
  MONITORING: null,
};

const BEIJING_MS = 8 * 3600 * 1000;
const DAY_MS = 86_400_000;

/** Some cases are the demo grid worker's own reports, spread over the year. */
export interface DemoReporter {
  gridId: number;
  accountId: number;
}
export const DEMO_REPORTS = 5;

const URGENCY = new WeightedPicker<CaseUrgencyName>([['NORMAL', 85], ['URGENT', 12], ['EMERGENCY', 3]]);
const ORIGIN = new WeightedPicker(ORIGIN_WEIGHTS);

function categoryPickers(categories: readonly CaseCategory[]): Record<'urban' | 'rural', WeightedPicker<CaseCategory>> {
  const weight = (c: CaseCategory, kind: 'urban' | 'rural'): number => CATEGORY_WEIGHTS[c.code]?.[kind] ?? 1;
  return {
    urban: new WeightedPicker(categories.map((c) => [c, weight(c, 'urban')] as const)),
    rural: new WeightedPicker(categories.map((c) => [c, weight(c, 'rural')] as const)),
  };
}

/** A source of the wanted type in the grid, or null; sources of a grid are few, so a scan is fine. */
function sourceInGrid(plan: SourcePlan, gridId: number, typeIndex: number, rng: Rng): number | null {
  const from = plan.start[gridId];
  const to = plan.start[gridId + 1];
  const matches: number[] = [];
  for (let k = from; k < to; k++) if (plan.typeIndex[plan.byGrid[k]] === typeIndex) matches.push(plan.byGrid[k]);
  return matches.length ? matches[Math.floor(rng.next() * matches.length)] : null;
}

/** yyyymmdd of a Beijing day. */
function beijingDay(ms: number): string {
  return timestamp(ms + BEIJING_MS).slice(0, 10).replace(/-/g, '');
}

/** Cases reported in one Beijing day: ids [from, to). */
export interface CaseDay {
  from: number;
  to: number;
}

/** The first Beijing day of a case's slot (its report is kept in that day). */
function slotDay(i: number, timeline: SeedTimeline, slot: number): number {
  return Math.floor((timeline.casesFromMs + i * slot + BEIJING_MS) / DAY_MS);
}

/**
 * The cases grouped by the day they are reported in, in id order. With `byDay`, each day draws
 * from a random stream of its own, so any run of whole days can be generated apart (worker
 * threads) and gives the same rows.
 */
export function caseDays(count: number, timeline: SeedTimeline): CaseDay[] {
  const slot = (timeline.nowMs - timeline.casesFromMs) / count;
  const days: CaseDay[] = [];
  for (let i = 0; i < count; i++) {
    const day = slotDay(i, timeline, slot);
    if (i === 0 || day !== slotDay(i - 1, timeline, slot)) days.push({ from: i, to: i + 1 });
    else days[days.length - 1].to = i + 1;
  }
  return days;
}

/**
 * The case rows, chronological in id order; calling it again yields the same rows. Numbers are
 * `<county code>-<yyyymmdd>-<sequence of that county and day>`; as days only move forward, the
 * sequence counters of one day are all that is kept. `byDay` (the scale profiles): a random
 * stream per day, each report kept in its slot's day, so `range` (only the cases of those ids,
 * whole days of caseDays) gives them as the full run would. Without it one stream runs through
 * (the demo's data as it always was).
 */
export function* caseRecords(
  grids: readonly GridNode[],
  categories: readonly CaseCategory[],
  plan: SourcePlan,
  count: number,
  seed: number,
  demo: DemoReporter | null,
  timeline: SeedTimeline,
  options: { byDay: boolean; range?: CaseDay } = { byDay: false },
): Generator<CaseRecord> {
  const range = options.byDay ? (options.range ?? { from: 0, to: count }) : { from: 0, to: count };
  const picker = leafPicker(grids);
  const pickers = categoryPickers(categories);
  const byId: GridNode[] = [];
  for (const g of grids) byId[g.id] = g;
  // Reported over the timeline's case window, in id order.
  const slot = (timeline.nowMs - timeline.casesFromMs) / count;
  const demoStep = Math.max(1, Math.floor(count / DEMO_REPORTS));
  let dayNumber = Number.NaN;
  let day = '';
  let dayEndMs = -Infinity;
  let rng = Rng.derive(seed, 'cases');
  let sequences = new Map<string, number>();

  for (let i = range.from; i < range.to; i++) {
    if (options.byDay && slotDay(i, timeline, slot) !== dayNumber) {
      dayNumber = slotDay(i, timeline, slot);
      dayEndMs = (dayNumber + 1) * DAY_MS - BEIJING_MS;
      day = beijingDay(dayNumber * DAY_MS - BEIJING_MS);
      rng = Rng.derive(seed, `cases:${dayNumber}`);
      sequences = new Map();
    }
    // Within the slot, and within its day: the last slot of a day may reach past midnight.
    const jittered = Math.floor((timeline.casesFromMs + (i + rng.next() * 0.999) * slot) / 1000) * 1000;
    const reportedAtMs = options.byDay ? Math.min(jittered, dayEndMs - 1000) : jittered;
    const isDemo = demo !== null && i % demoStep === Math.floor(demoStep / 2);
    const grid = isDemo ? byId[demo.gridId] : picker.pick(rng);
    const urban = grid.kind === 'URBAN_MANAGEMENT';
    const category = pickers[urban ? 'urban' : 'rural'].pick(rng);
    const origin: CaseOriginName = isDemo ? 'PATROL' : ORIGIN.pick(rng);
    const sourceType = CATEGORY_SOURCE_TYPE[category.code];
    const sourceIndex = sourceType && rng.chance(0.8) ? sourceInGrid(plan, grid.id, SOURCE_TYPES.indexOf(sourceType), rng) : null;
    const location =
      sourceIndex !== null
        ? { lng: plan.lng[sourceIndex], lat: plan.lat[sourceIndex] }
        : pointIn([grid.area, grid.countyArea], grid.centre, urban ? 0.006 : 0.02, rng, grid.centre);

    if (!options.byDay && reportedAtMs >= dayEndMs) {
      day = beijingDay(reportedAtMs);
      dayEndMs = (Math.floor((reportedAtMs + BEIJING_MS) / DAY_MS) + 1) * DAY_MS - BEIJING_MS;
      sequences = new Map();
    }
    const seq = (sequences.get(grid.county6) ?? 0) + 1;
    sequences.set(grid.county6, seq);
    const complaint = origin === 'COMPLAINT';

    yield {
      id: i + 1,
      grid,
      number: `${grid.county6}-${day}-${String(seq).padStart(6, '0')}`,
      origin,
      category,
      urgency: URGENCY.pick(rng),
      description: caseDescription(category.code, grid.place, (items) => rng.pick(items)),
      address: gridAddress(grid, rng),
      location,
      sourceId: sourceIndex === null ? null : sourceIndex + 1,
      complainantName: complaint ? personName(rng) : null,
      complainantPhone: complaint ? mobilePhone(rng) : null,
      // No draw from rng: the rest of the seed stays as it was. The case id keeps the number unique.
      channel: complaint ? 'HOTLINE_12345' : null,
      externalTicket: complaint ? `HF${day}${String(i + 1).padStart(7, '0')}` : null,
      reportedById: isDemo ? demo.accountId : null,
      reportedAtMs,
    };
  }
}
