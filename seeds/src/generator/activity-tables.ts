import type { DueBasis, Lifecycle, ReportedDue } from './case-lifecycles';
import type { ReportedCase } from './case-log';
import type { RollupCounter } from './rollups';
import { type CaseRecord, REPORTER_ROLE } from './cases';
import { ORIGIN_NOTES } from './case-texts';
import type { GridNode } from './grid-tree';
import type { SourceRecord } from './sources';
import { SCOPE_COLUMNS, type TableData, VERSIONED_COLUMNS, countyKey, scopeCells, timestamp, versionedCells } from './table';

export function sourceTable(count: number, records: () => Iterable<SourceRecord>): TableData {
  return {
    table: 'pollution_source',
    columns: [
      'id', ...SCOPE_COLUMNS, ...VERSIONED_COLUMNS, 'name', 'credit_code', 'source_code', 'type', 'industry', 'address', 'lng', 'lat',
      'grid_id', 'supervision_level', 'status', 'county_key',
    ],
    count,
    *rows() {
      for (const s of records()) {
        yield [
          s.id, ...scopeCells(s.grid), ...versionedCells(s.createdMs), s.name, s.creditCode, s.sourceCode, s.type, s.industry, s.address,
          s.location.lng, s.location.lat, s.grid.id, s.supervisionLevel, s.status, countyKey(s.grid),
        ];
      }
    },
  };
}

/** One CREATED entry per source, recording the initial values as [null, value] pairs. */
export function sourceChangeTable(count: number, records: () => Iterable<SourceRecord>): TableData {
  return {
    table: 'pollution_source_change',
    columns: ['id', 'source_id', 'account_id', 'at', 'action', 'changes', 'county_key'],
    count,
    *rows() {
      for (const s of records()) {
        const changes = {
          name: [null, s.name],
          creditCode: [null, s.creditCode],
          sourceCode: [null, s.sourceCode],
          type: [null, s.type],
          gridId: [null, s.grid.id],
          supervisionLevel: [null, s.supervisionLevel],
          status: [null, s.status],
        };
        yield [s.id, s.id, null, timestamp(s.createdMs), 'CREATED', JSON.stringify(changes), countyKey(s.grid)];
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

/** A case's life cycle in the seed (null: it stays as reported). */
export type LifecycleOf = (c: CaseRecord) => Lifecycle | null;

const iso = (ms: number | null): string | null => (ms === null ? null : timestamp(ms));

/** The deadline of a case still as reported (its filing or local limit), from case-lifecycles.ts. */
export type ReportedDueOf = (c: CaseRecord) => ReportedDue;

/** The deadline running now: the life cycle's last step's, or while still reported, the report's. */
function currentDue(c: CaseRecord, life: Lifecycle | null, reportedDueOf: ReportedDueOf): { dueMs: number | null; basis: DueBasis | null } {
  if (life?.events.length) return { dueMs: life.dueMs, basis: life.dueBasis };
  const { dueMs, basis } = reportedDueOf(c);
  return { dueMs, basis };
}

// Cases with a life cycle carry its state; a case still reported runs on its filing (or local) limit.
export function caseTable(
  count: number,
  records: () => Iterable<CaseRecord>,
  platforms: ReadonlySet<number>,
  lifecycleOf: LifecycleOf,
  reportedDueOf: ReportedDueOf,
  rollups: RollupCounter | null,
): TableData {
  const table: TableData = {
    table: 'case',
    columns: [
      'id', ...SCOPE_COLUMNS, ...VERSIONED_COLUMNS, 'number', 'origin', 'category_id', 'field', 'urgency', 'description',
      'address', 'lng', 'lat', 'grid_id', 'source_id', 'status', 'complainant_name', 'complainant_phone',
      'reported_by_id', 'reported_at', 'due_at', 'closed_at', 'handling_unit_id', 'handling_parent_id', 'via_platform',
      'lead_department_id', 'extension_count', 'requested_extension_days', 'review_at', 'score',
      'due_provisional', 'due_basis_at', 'due_basis_days', 'channel', 'external_ticket', 'county_key',
    ],
    count,
    *rows() {
      rollups?.reset();
      for (const c of records()) {
        const life = lifecycleOf(c);
        const due = currentDue(c, life, reportedDueOf);
        rollups?.add(c.grid.id, life?.status ?? 'REPORTED', c.category.id, c.reportedAtMs, due.dueMs, life?.closedMs ?? null);
        const last = life?.events.at(-1);
        const versioned = last ? [1 + life!.events.length, timestamp(c.reportedAtMs), timestamp(last.atMs)] : versionedCells(c.reportedAtMs);
        yield [
          c.id, ...scopeCells(c.grid), ...versioned, c.number, c.origin, c.category.id,
          c.category.defaultField, c.urgency, c.description, c.address, c.location.lng, c.location.lat, c.grid.id,
          c.sourceId, life?.status ?? 'REPORTED', c.complainantName, c.complainantPhone, c.reportedById, timestamp(c.reportedAtMs),
          iso(due.dueMs), iso(life?.closedMs ?? null), ...firstHandler(c.grid, platforms),
          life?.leadDepartmentId ?? null, life?.extensionCount ?? 0, life?.requestedExtensionDays ?? null, iso(life?.reviewMs ?? null), life?.score ?? null,
          due.basis?.provisional ?? false, iso(due.basis?.fromMs ?? null), due.basis?.days ?? null, c.channel, c.externalTicket, countyKey(c.grid),
        ];
      }
      rollups?.finish();
    },
  };
  table.derived = rollups?.tables(() => {
    for (const _ of table.rows());
  });
  return table;
}

/**
 * The REPORT event of each case (with the deadline it started), then its life cycle's steps, ids in that order. The
 * reporter's unit: the grid worker's employer for patrols, the level-2 unit for the platform
 * and officers, none for monitoring alarms. Of the generated steps, the grid worker's on-site
 * checks (核实) carry its account where it has one; the other actors have none.
 */
export function caseEventTable<C extends ReportedCase>(
  count: number,
  records: () => Iterable<C>,
  lifecycleOf: (c: C) => Lifecycle | null,
  reportedDueOf: (c: C) => ReportedDue,
): TableData {
  return {
    table: 'case_event',
    columns: [
      'id', ...SCOPE_COLUMNS, 'case_id', 'grid_id', 'action', 'from_status', 'to_status', 'actor_id', 'actor_role', 'actor_unit_id', 'at', 'note',
      'reason', 'details', 'due_at', 'county_key',
    ],
    count,
    *rows() {
      let id = 0;
      for (const c of records()) {
        const role = REPORTER_ROLE[c.origin];
        const unit = role === 'GRID_WORKER' ? c.grid.parentId : role ? c.grid.countyId : null;
        yield [
          ++id, ...scopeCells(c.grid), c.id, c.grid.id, 'REPORT', null, 'REPORTED', c.reportedById, role, unit,
          timestamp(c.reportedAtMs), ORIGIN_NOTES[c.origin], null, null, iso(reportedDueOf(c).dueMs), countyKey(c.grid),
        ];
        for (const e of lifecycleOf(c)?.events ?? []) {
          yield [
            ++id, ...scopeCells(c.grid), c.id, c.grid.id, e.action, e.from, e.to, e.actorId, e.actorRole, e.actorUnitId,
            timestamp(e.atMs), null, e.reason, e.details ? JSON.stringify(e.details) : null, iso(e.dueMs), countyKey(c.grid),
          ];
        }
      }
    },
  };
}

/** The lead's own state follows the case's steps (受理, 结果反馈); the seed dispatches to the lead only. */
function leadState(status: string): 'DISPATCHED' | 'ACCEPTED' | 'FED_BACK' {
  if (['FED_BACK', 'CLOSED', 'EVALUATED'].includes(status)) return 'FED_BACK';
  return ['IN_PROGRESS', 'EXTENSION_REQUESTED', 'PARKED'].includes(status) ? 'ACCEPTED' : 'DISPATCHED';
}

/** The departments each dispatched case was sent to (the earlier ones of a returned case inactive). */
export function caseAssignmentTable(count: number, records: () => Iterable<CaseRecord>, lifecycleOf: LifecycleOf): TableData {
  return {
    table: 'case_assignment',
    columns: ['id', ...SCOPE_COLUMNS, 'case_id', 'department_id', 'at', 'lead', 'suggested', 'active', 'state', 'county_key'],
    count,
    *rows() {
      let id = 0;
      for (const c of records()) {
        const life = lifecycleOf(c);
        for (const a of life?.assignments ?? []) {
          yield [++id, ...scopeCells(c.grid), c.id, a.departmentId, timestamp(a.atMs), true, true, a.active, a.active ? leadState(life!.status) : 'DISPATCHED', countyKey(c.grid)];
        }
      }
    },
  };
}
