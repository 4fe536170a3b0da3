import { CALENDAR_SOURCE, type CalendarDayRecord } from '../reference/calendar';
import type { CaseCategory } from '../reference/case-categories';
import type { DepartmentRecord } from '../reference/departments';
import type { DutyRecord } from '../reference/duty-matrix';
import { type GridNode, platformUnitIds } from './grid-tree';
import { SCOPE_COLUMNS, type TableData, VERSIONED_COLUMNS, scopeCells, timestamp, versionedCells } from './table';

// Hefei's counties carry their published boundary (REAL); every boundary below them, the
// development zones' and the generated cities' are approximations, marked APPROXIMATED so the
// map says 示意. The centroid is the label point, inside the area.
export function gridTable(grids: readonly GridNode[], createdMs: number): TableData {
  return {
    table: 'grid',
    columns: ['id', ...SCOPE_COLUMNS, ...VERSIONED_COLUMNS, 'code', 'name', 'level', 'kind', 'parent_id', 'active', 'illustrative', 'has_platform', 'has_platform_set', 'boundary', 'boundary_source', 'centroid_lng', 'centroid_lat'],
    count: grids.length,
    *rows() {
      const platforms = platformUnitIds(grids);
      for (const g of grids) {
        yield [
          g.id, ...scopeCells(g), ...versionedCells(createdMs), g.code, g.name, g.level, g.kind, g.parentId, true, g.illustrative,
          // The county's platform is set on the county; its grids inherit it (the effective value).
          platforms.has(g.id) || (g.countyId !== null && platforms.has(g.countyId)),
          platforms.has(g.id) ? true : null,
          g.area ? JSON.stringify(g.area) : null,
          g.boundarySource,
          g.level === 'CITY' ? null : g.centre.lng,
          g.level === 'CITY' ? null : g.centre.lat,
        ];
      }
    },
  };
}

export function caseCategoryTable(categories: readonly CaseCategory[]): TableData {
  return {
    table: 'case_category',
    columns: ['id', 'code', 'name', 'default_field', 'active'],
    count: categories.length,
    *rows() {
      for (const c of categories) yield [c.id, c.code, c.name, c.defaultField, true];
    },
  };
}

export function departmentTable(departments: readonly DepartmentRecord[], createdMs: number): TableData {
  return {
    table: 'department',
    columns: ['id', ...SCOPE_COLUMNS, ...VERSIONED_COLUMNS, 'unit_id', 'name', 'field', 'active'],
    count: departments.length,
    *rows() {
      for (const d of departments) {
        yield [d.id, ...scopeCells(d.scope), ...versionedCells(createdMs), d.unitId, d.name, d.field, true];
      }
    },
  };
}

/** A department handles the categories whose duties include its field. */
export function departmentCategoryPairs(
  departments: readonly DepartmentRecord[],
  categories: readonly CaseCategory[],
): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (const d of departments) {
    for (const c of categories) if (c.duties.includes(d.field)) pairs.push([d.id, c.id]);
  }
  return pairs;
}

export function departmentCategoryTable(pairs: ReadonlyArray<readonly [number, number]>): TableData {
  return {
    table: 'department_category',
    columns: ['department_id', 'case_category_id'],
    count: pairs.length,
    *rows() {
      for (const [d, c] of pairs) yield [d, c];
    },
  };
}

/** The legal-duty matrix (法定职责矩阵): city-wide, like the categories it refers to. */
export function dutyAssignmentTable(duties: readonly DutyRecord[]): TableData {
  return {
    table: 'duty_assignment',
    columns: ['id', 'category_id', 'level', 'field', 'role'],
    count: duties.length,
    *rows() {
      for (const d of duties) yield [d.id, d.categoryId, d.level, d.field, d.role];
    },
  };
}

export function calendarDayTable(days: readonly CalendarDayRecord[]): TableData {
  return {
    table: 'calendar_day',
    columns: ['id', 'day', 'working', 'name', 'source'],
    count: days.length,
    *rows() {
      for (const d of days) yield [d.id, d.day, d.working, d.name, CALENDAR_SOURCE];
    },
  };
}

/** The years the packaged calendar covers: their official schedule counts as loaded (calendar_year). */
export function calendarYearTable(days: readonly CalendarDayRecord[], loadedMs: number): TableData {
  const years = [...new Set(days.map((d) => Number(d.day.slice(0, 4))))].sort((a, b) => a - b);
  return {
    table: 'calendar_year',
    columns: ['year', 'source', 'loaded_at', 'loaded_by_id'],
    count: years.length,
    *rows() {
      for (const year of years) yield [year, CALENDAR_SOURCE, timestamp(loadedMs), null];
    },
  };
}
