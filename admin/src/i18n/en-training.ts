import type { TrainingMessages } from './zh-training';

export const trainingEn: TrainingMessages = {
  menu: { training: 'Training', monthly_report: 'Monthly report' },
  measure: { trainees: 'Staff', trainees_trained: 'Trained' },
  enum: {
    TrainingTopic: { LAW: 'Laws and regulations', ENFORCEMENT: 'Enforcement', GRID_PATROL: 'Grid patrol', POLLUTION_SOURCES: 'Pollution sources', CASE_HANDLING: 'Case handling', OTHER: 'Other' },
    TrainingAudience: { OFFICERS: 'Officers', GRID_WORKERS: 'Grid workers', ALL: 'Everyone' },
  },
  training: {
    sessions: 'Sessions', courses: 'Courses', held_on: 'Date', course: 'Course', level: 'Level', topic: 'Topic', audience: 'Audience', place: 'Place', hours: 'Hours',
    unit: 'Organised by', attendance: 'Attended', title: 'Title', new_course: 'New course', new_session: 'New session', record: 'Record attendance', save: 'Save', cancel: 'Cancel',
    created: 'Saved', recorded: 'Attendance recorded', search: 'Find by name', officers: 'Officers', grid_workers: 'Grid workers', attendees: 'Attendees (%{count})',
    none: 'No attendance yet', pick: 'Tick who attended', remove: 'Remove', removed: 'Attendance removed',
  },
  report: {
    month: 'Month', month_hint: 'e.g. 2026-10', print: 'Print', download: 'Download XLSX', title: '%{unit} monthly report %{month}', incomplete: 'The month is not over: figures so far',
    unit: 'Unit', reported: 'Reported', due: 'Due', closed: 'Closed', closed_on_time: 'Closed on time', on_time_rate: 'On-time rate', patrols_required: 'Patrols planned',
    patrols_done: 'Patrols done', patrol_rate: 'Patrol completion', inspections: 'Inspections', inspections_problem: 'Problems found', sources_inspected: 'Sources inspected',
    key_sources: 'Key sources', key_sources_inspected: 'Key sources inspected', key_source_coverage: 'Key-source coverage', spot_checks: 'Spot checks', spot_checks_compliant: 'Spot checks compliant',
    spot_checks_problem: 'Spot checks with problems', by_category: 'Reported by category', by_origin: 'Reported by origin', by_status: 'Reported by status at month end', count: 'Cases', definition: 'Definitions',
    // The server's REPORT_DEFINITION (api/src/modules/report/report.types.ts, printed in the file), here in both languages.
    definition_text: [
      'Calendar months in Beijing time, counted by when events happened, not by the cases\' current status; past months recompute to the same figures.',
      'Reported: cases with a report event this month, grouped by category and origin; the status at month end is the one after the case\'s last event before month end.',
      'Due: cases whose handling deadline (set by the last dispatch, approved extension, resumption or rework before month end) falls in the month; closed: those closed or evaluated at month end; closed on time: those whose last passed verification was no later than the deadline. On-time rate = closed on time / due.',
      'Patrols: the month\'s planned patrols and those done under the plan (check-ins in the grid, at most one a day, no more than planned); patrol completion = done / planned.',
      'Inspections: inspections dated in the month, those that found problems, and the sources inspected; key-source coverage = key sources inspected this month / key sources on file by month end (level and operating status as on file now).',
      'Spot checks (double random): results dated in the month (not those replaced by a redraw).',
    ].join('\n'),
  },
};
