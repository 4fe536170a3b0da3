import { type CaseRecord, REPORTER_ROLE } from './cases';
import { ORIGIN_NOTES } from './case-texts';
import type { GridNode } from './grid-tree';
import type { SourceRecord } from './sources';
import { SCOPE_COLUMNS, type TableData, VERSIONED_COLUMNS, scopeCells, timestamp, versionedCells } from './table';

export function sourceTable(count: number, records: () => Iterable<SourceRecord>): TableData {
  return {
    table: 'pollution_source',
    columns: [
      'id', ...SCOPE_COLUMNS, ...VERSIONED_COLUMNS, 'name', 'credit_code', 'type', 'industry', 'address', 'lng', 'lat',
      'grid_id', 'supervision_level', 'status',
    ],
    count,
    *rows() {
      for (const s of records()) {
        yield [
          s.id, ...scopeCells(s.grid), ...versionedCells(s.createdMs), s.name, s.creditCode, s.type, s.industry, s.address,
          s.location.lng, s.location.lat, s.grid.id, s.supervisionLevel, s.status,
        ];
      }
    },
  };
}

/** One CREATED entry per source, recording the initial values as [null, value] pairs. */
export function sourceChangeTable(count: number, records: () => Iterable<SourceRecord>): TableData {
  return {
    table: 'pollution_source_change',
    columns: ['id', 'source_id', 'account_id', 'at', 'action', 'changes'],
    count,
    *rows() {
      for (const s of records()) {
        const changes = {
          name: [null, s.name],
          creditCode: [null, s.creditCode],
          type: [null, s.type],
          gridId: [null, s.grid.id],
          supervisionLevel: [null, s.supervisionLevel],
          status: [null, s.status],
        };
        yield [s.id, s.id, null, timestamp(s.createdMs), 'CREATED', JSON.stringify(changes)];
      }
    },
  };
}

/**
 * Who handles a new report (the api's assignFirstHandler): the county's platform where it has
 * one, otherwise the case's own township; with the unit above it and the platform flag.
 */
export function firstHandler(grid: GridNode, platforms: ReadonlySet<number>): [number, number | null, boolean] {
  if (grid.countyId !== null && platforms.has(grid.countyId)) return [grid.countyId, grid.cityId, true];
  if (grid.townshipId !== null) return [grid.townshipId, grid.countyId, false];
  if (grid.countyId !== null) return [grid.countyId, grid.cityId, false];
  return [grid.cityId, null, false];
}

// due_at stays NULL: deadlines come with the workflow (filing limits per category and urgency).
export function caseTable(count: number, records: () => Iterable<CaseRecord>, platforms: ReadonlySet<number>): TableData {
  return {
    table: 'case',
    columns: [
      'id', ...SCOPE_COLUMNS, ...VERSIONED_COLUMNS, 'number', 'origin', 'category_id', 'field', 'urgency', 'description',
      'address', 'lng', 'lat', 'grid_id', 'source_id', 'status', 'complainant_name', 'complainant_phone',
      'reported_by_id', 'reported_at', 'due_at', 'closed_at', 'handling_unit_id', 'handling_parent_id', 'via_platform',
    ],
    count,
    *rows() {
      for (const c of records()) {
        yield [
          c.id, ...scopeCells(c.grid), ...versionedCells(c.reportedAtMs), c.number, c.origin, c.category.id,
          c.category.defaultField, c.urgency, c.description, c.address, c.location.lng, c.location.lat, c.grid.id,
          c.sourceId, 'REPORTED', c.complainantName, c.complainantPhone, c.reportedById, timestamp(c.reportedAtMs),
          null, null, ...firstHandler(c.grid, platforms),
        ];
      }
    },
  };
}

/**
 * The REPORT event of each case (the only action of the case_action enum so far), so every
 * seeded case is REPORTED. The reporter's unit: the grid worker's employer for patrols,
 * the level-2 unit for the platform and officers, none for monitoring alarms.
 */
export function caseEventTable(count: number, records: () => Iterable<CaseRecord>): TableData {
  return {
    table: 'case_event',
    columns: ['id', ...SCOPE_COLUMNS, 'case_id', 'grid_id', 'action', 'from_status', 'to_status', 'actor_id', 'actor_role', 'actor_unit_id', 'at', 'note'],
    count,
    *rows() {
      for (const c of records()) {
        const role = REPORTER_ROLE[c.origin];
        const unit = role === 'GRID_WORKER' ? c.grid.parentId : role ? c.grid.countyId : null;
        yield [
          c.id, ...scopeCells(c.grid), c.id, c.grid.id, 'REPORT', null, 'REPORTED', c.reportedById, role, unit,
          timestamp(c.reportedAtMs), ORIGIN_NOTES[c.origin],
        ];
      }
    },
  };
}
