import type { AccountRecord } from './accounts';
import type { GridWorkerRecord, OfficerRecord } from './people';
import { REFERENCE_TIME_MS, SCOPE_COLUMNS, type TableData, VERSIONED_COLUMNS, scopeCells, versionedCells } from './table';

const PERSON_COLUMNS = ['id', ...SCOPE_COLUMNS, ...VERSIONED_COLUMNS, 'name', 'phone', 'employer_unit_id', 'active'];

export function officerTable(officers: readonly OfficerRecord[]): TableData {
  return {
    table: 'officer',
    columns: [...PERSON_COLUMNS, 'badge_number'],
    count: officers.length,
    *rows() {
      for (const o of officers) {
        yield [o.id, ...scopeCells(o.employer), ...versionedCells(REFERENCE_TIME_MS), o.name, o.phone, o.employer.id, true, o.badgeNumber];
      }
    },
  };
}

export function officerGridTable(officers: readonly OfficerRecord[]): TableData {
  return {
    table: 'officer_grid',
    columns: ['officer_id', 'grid_id'],
    count: officers.reduce((n, o) => n + o.gridIds.length, 0),
    *rows() {
      for (const o of officers) for (const g of o.gridIds) yield [o.id, g];
    },
  };
}

export function gridWorkerTable(workers: readonly GridWorkerRecord[]): TableData {
  return {
    table: 'grid_worker',
    columns: [...PERSON_COLUMNS, 'employment'],
    count: workers.length,
    *rows() {
      for (const w of workers) {
        yield [w.id, ...scopeCells(w.employer), ...versionedCells(REFERENCE_TIME_MS), w.name, w.phone, w.employer.id, true, w.employment];
      }
    },
  };
}

export function gridWorkerGridTable(workers: readonly GridWorkerRecord[]): TableData {
  return {
    table: 'grid_worker_grid',
    columns: ['grid_worker_id', 'grid_id'],
    count: workers.length,
    *rows() {
      for (const w of workers) yield [w.id, w.gridId];
    },
  };
}

export function accountTable(accounts: readonly AccountRecord[], passwordHash: string): TableData {
  return {
    table: 'account',
    columns: [
      'id', ...SCOPE_COLUMNS, ...VERSIONED_COLUMNS, 'login', 'password_hash', 'display_name', 'unit_id', 'role',
      'department_id', 'officer_id', 'grid_worker_id', 'active',
    ],
    count: accounts.length,
    *rows() {
      for (const a of accounts) {
        yield [
          a.id, ...scopeCells(a.unit), ...versionedCells(REFERENCE_TIME_MS), a.login, passwordHash, a.displayName, a.unit.id,
          a.role, a.departmentId, a.officerId, a.gridWorkerId, true,
        ];
      }
    },
  };
}
