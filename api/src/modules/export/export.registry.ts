import type { ExportList } from './export-list';
import { casesExport } from './lists/cases.export';
import { departmentsExport } from './lists/departments.export';
import { gridWorkersExport } from './lists/grid-workers.export';
import { gridsExport } from './lists/grids.export';
import { officersExport } from './lists/officers.export';
import { sourcesExport } from './lists/sources.export';
import { inspectionsExport } from './lists/inspections.export';
import { patrolCheckInsExport } from './lists/patrol-check-ins.export';

/** Every exportable list, by URL name. A new list: one file in lists/, one line here. */
export const exportLists: ExportList[] = [
  casesExport,
  sourcesExport,
  gridsExport,
  officersExport,
  gridWorkersExport,
  departmentsExport,
  inspectionsExport,
  patrolCheckInsExport,
];

export function findExportList(name: string): ExportList | undefined {
  return exportLists.find((list) => list.name === name);
}
