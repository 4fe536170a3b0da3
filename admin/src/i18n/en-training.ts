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
  },
};
