import type { AccountRecord } from './accounts';
import type { GridNode } from './grid-tree';
import type { GridWorkerRecord, OfficerRecord } from './people';
import { type Cell, SCOPE_COLUMNS, type TableData, VERSIONED_COLUMNS, scopeCells, versionedCells } from './table';

const PERSON_COLUMNS = ['id', ...SCOPE_COLUMNS, ...VERSIONED_COLUMNS, 'name', 'phone', 'employer_unit_id', 'active'];

interface PersonRecord {
  id: number;
  employer: GridNode;
  name: string;
  phone: string;
}

/** Officers and grid workers share their columns but the last one (badge number, employment). */
function personTable<T extends PersonRecord>(table: string, lastColumn: string, people: readonly T[], createdMs: number, last: (p: T) => Cell): TableData {
  return {
    table,
    columns: [...PERSON_COLUMNS, lastColumn],
    count: people.length,
    *rows() {
      for (const p of people) {
        yield [p.id, ...scopeCells(p.employer), ...versionedCells(createdMs), p.name, p.phone, p.employer.id, true, last(p)];
      }
    },
  };
}

export function officerTable(officers: readonly OfficerRecord[], createdMs: number): TableData {
  return personTable('officer', 'badge_number', officers, createdMs, (o) => o.badgeNumber);
}

export function gridWorkerTable(workers: readonly GridWorkerRecord[], createdMs: number): TableData {
  return personTable('grid_worker', 'employment', workers, createdMs, (w) => w.employment);
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

export function accountTable(accounts: readonly AccountRecord[], passwordHash: string, createdMs: number): TableData {
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
          a.id, ...scopeCells(a.unit), ...versionedCells(createdMs), a.login, passwordHash, a.displayName, a.unit.id,
          a.role, a.departmentId, a.officerId, a.gridWorkerId, true,
        ];
      }
    },
  };
}
