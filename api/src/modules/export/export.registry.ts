import type { ExportList } from './export-list';
import { casesExport } from './lists/cases.export';
import { complaintTicketsExport } from './lists/complaint-tickets.export';
import { departmentsExport } from './lists/departments.export';
import { gridWorkersExport } from './lists/grid-workers.export';
import { gridsExport } from './lists/grids.export';
import { officersExport } from './lists/officers.export';
import { sourcesExport } from './lists/sources.export';
import { inspectionsExport } from './lists/inspections.export';
import { patrolCheckInsExport } from './lists/patrol-check-ins.export';
import { tasksExport } from './lists/tasks.export';
import { enforcementPlansExport } from './lists/enforcement-plans.export';
import { patrolPlansExport } from './lists/patrol-plans.export';
import { spotCheckSamplesExport } from './lists/spot-check-samples.export';
import { auditsExport } from './lists/audits.export';
import { auditRecommendationsExport } from './lists/audit-recommendations.export';
import { assessmentExport } from './lists/assessment.export';

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
  tasksExport,
  enforcementPlansExport,
  patrolPlansExport,
  spotCheckSamplesExport,
  auditsExport,
  auditRecommendationsExport,
  assessmentExport,
  complaintTicketsExport,
];

export function findExportList(name: string): ExportList | undefined {
  return exportLists.find((list) => list.name === name);
}
