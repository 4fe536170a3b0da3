import { CaseOrigin, type CaseOriginName, CaseUrgency, type CaseUrgencyName } from '@gridwatch/domain';
import type { CaseRecord } from './cases';
import type { GridNode } from './grid-tree';

/** What a case's REPORT event is made of (activity-tables.ts caseEventTable). */
export type ReportedCase = Pick<CaseRecord, 'id' | 'grid' | 'origin' | 'urgency' | 'reportedById' | 'reportedAtMs'>;

const ORIGINS: readonly CaseOriginName[] = Object.values(CaseOrigin);
const URGENCIES: readonly CaseUrgencyName[] = Object.values(CaseUrgency);

/**
 * The cases as the case table's pass produced them, kept in typed arrays (18 bytes a case), so
 * the event table of the scale profiles replays them instead of generating every case a second
 * time. Until one whole pass has been recorded, replay() generates them again.
 */
/** A complete log's arrays, as passed to a worker thread (structured clone). */
export interface CaseLogData {
  grid: Int32Array;
  reportedAt: Float64Array;
  reportedBy: Int32Array;
  origin: Uint8Array;
  urgency: Uint8Array;
}

export class CaseLog {
  private readonly grid: Int32Array;
  private readonly reportedAt: Float64Array;
  private readonly reportedBy: Int32Array;
  private readonly origin: Uint8Array;
  private readonly urgency: Uint8Array;
  private complete = false;

  /** `recorded`: a whole pass recorded elsewhere (another thread); `onComplete` hears of a pass recorded here. */
  constructor(
    private readonly count: number,
    private readonly gridsById: readonly GridNode[],
    recorded?: CaseLogData,
    private readonly onComplete?: (data: CaseLogData) => void,
  ) {
    this.grid = recorded?.grid ?? new Int32Array(count);
    this.reportedAt = recorded?.reportedAt ?? new Float64Array(count);
    this.reportedBy = recorded?.reportedBy ?? new Int32Array(count);
    this.origin = recorded?.origin ?? new Uint8Array(count);
    this.urgency = recorded?.urgency ?? new Uint8Array(count);
    if (recorded && recorded.grid.length !== count) throw new Error(`case log of ${recorded.grid.length} cases, expected ${count}`);
    this.complete = recorded !== undefined;
  }

  /** The cases, each written down as it passes. */
  *record(cases: Iterable<CaseRecord>): Generator<CaseRecord> {
    let n = 0;
    for (const c of cases) {
      const i = c.id - 1;
      this.grid[i] = c.grid.id;
      this.reportedAt[i] = c.reportedAtMs;
      this.reportedBy[i] = c.reportedById ?? -1;
      this.origin[i] = ORIGINS.indexOf(c.origin);
      this.urgency[i] = URGENCIES.indexOf(c.urgency);
      n++;
      yield c;
    }
    if (n === this.count) {
      this.complete = true;
      this.onComplete?.({ grid: this.grid, reportedAt: this.reportedAt, reportedBy: this.reportedBy, origin: this.origin, urgency: this.urgency });
    }
  }

  *replay(generate: () => Iterable<CaseRecord>): Generator<ReportedCase> {
    if (!this.complete) {
      yield* generate();
      return;
    }
    for (let i = 0; i < this.count; i++) {
      const by = this.reportedBy[i];
      yield {
        id: i + 1,
        grid: this.gridsById[this.grid[i]],
        origin: ORIGINS[this.origin[i]],
        urgency: URGENCIES[this.urgency[i]],
        reportedById: by < 0 ? null : by,
        reportedAtMs: this.reportedAt[i],
      };
    }
  }
}
