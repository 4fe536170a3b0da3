import type { WorkMessages } from './zh-work';

/** English strings of the plans, patrols, sensitive periods, audits, indicators and import screens (same keys as zh-work.ts). */
export const workEn: WorkMessages = {
  resources: {
    enforcementPlans: {
      name: 'Enforcement plan |||| Enforcement plans',
      fields: { title: 'Title', kind: 'Kind', year: 'Year', month: 'Month', unit: 'Unit', unitId: 'Unit', description: 'Description', progress: 'Progress', tasks: 'Plan tasks' },
    },
    tasks: {
      name: 'Task |||| Tasks',
      fields: {
        title: 'Title', origin: 'Origin', status: 'Status', grid: 'Grid', gridId: 'Grid', officer: 'Officer', officerId: 'Officer', gridWorker: 'Grid worker', gridWorkerId: 'Grid worker',
        dueAt: 'Deadline', dueOn: 'Deadline', dueHint: 'Required for non-planned tasks; a subtask without one keeps its parent task’s deadline', overdue: 'Overdue', progress: 'Subtasks done',
        description: 'Description', completedAt: 'Completed', result: 'Result', subtasks: 'Subtasks', assignee: 'Assignee', parent: 'Parent task', plan: 'Enforcement plan',
        assignedToMe: 'Assigned to me', topLevel: 'Top-level tasks only', withinId: 'Within grid',
      },
    },
    patrolPlans: {
      name: 'Patrol plan |||| Patrol plans',
      fields: {
        gridWorker: 'Grid worker', grid: 'Grid', month: 'Month', requiredCount: 'Required patrols', expectedCount: 'Expected by now', doneCount: 'Done', completionRate: 'Completion',
        factor: 'Sensitive-period factor', behind: 'Behind only', withinId: 'Within grid', gridWorkerId: 'Grid worker',
      },
    },
    patrolCheckIns: {
      name: 'Patrol check-in |||| Patrol check-ins',
      fields: { at: 'Time', gridWorker: 'Grid worker', grid: 'Grid', outsideBoundary: 'Outside boundary only', boundary: 'Grid boundary', location: 'Location (lng, lat)', notes: 'Notes', photoUrl: 'Photo', month: 'Month', withinId: 'Within grid', gridWorkerId: 'Grid worker' },
    },
    sensitivePeriods: {
      name: 'Sensitive period |||| Sensitive periods',
      fields: {
        name: 'Name', startsOn: 'Starts on', endsOn: 'Ends on (inclusive)', units: 'Units', gridIds: 'Units (and below)', industries: 'Industries', industriesHint: 'Empty: every industry',
        levels: 'Supervision levels', inspectionFactor: 'Inspection factor', inspectionFactorHint: '1-10; 2 = inspection interval halved', patrolFactor: 'Patrol factor',
        patrolFactorHint: '1-10; 2 = twice the monthly patrols', unit: 'Set by', active: 'Active', activeOn: 'Active on',
      },
    },
    audits: {
      name: 'Audit |||| Audits',
      fields: {
        title: 'Title', auditedUnit: 'Audited unit', auditedUnitId: 'Audited unit', auditorUnit: 'Auditor', periodFrom: 'Period from', periodTo: 'Period to (exclusive)', fromDay: 'Period from',
        toDay: 'Period to (inclusive)', status: 'Status', finding: 'Finding', averageScore: 'Average score', summary: 'Summary', seed: 'Random seed', seedHint: 'Empty: generated and recorded',
        snapshotDigest: 'Population snapshot digest (SHA-256)', caseFileCount: 'Case files to draw', patrolRecordCount: 'Patrol records to draw', kind: 'Element', score: 'Score (0-100)', note: 'Note',
      },
    },
    auditRecommendations: {
      name: 'Recommendation |||| Recommendations',
      fields: { text: 'Recommendation', audit: 'Audit', dueOn: 'Due on', status: 'Status', overdue: 'Overdue', response: 'Response', closingNote: 'Closing note', closedAt: 'Closed' },
    },
    assessmentIndicators: {
      name: 'Indicator |||| Indicators',
      fields: {
        code: 'Code', name: 'Name', version: 'Version', formula: 'Formula (with weights)', description: 'Description', unit: 'Unit', subjectTypes: 'Assessed', sampleMeasure: 'Sample measure', minSample: 'Minimum sample', createdAt: 'Published',
        supersededAt: 'Superseded', position: 'Position', history: 'Include history',
      },
    },
  },
  menu: {
    group_grid: 'Grids and staff', group_sources: 'Pollution sources', group_plans: 'Plans and patrols', group_supervision: 'Supervision and assessment', group_system: 'Administration',
    source_import: 'Import sources', grid_import: 'Import grid divisions', tasks_overdue: 'Overdue tasks', recommendations_overdue: 'Overdue recommendations',
    calendar: 'Working calendar',
    duty_matrix: 'Legal-duty matrix',
    disclosure: 'Public disclosure',
  },
  errors: { STATE: 'This action is not allowed in the current state; someone may have acted already. Refresh to see.' },
  plan: { add_task: 'Add plan task' },
  period: { revoke: 'Revoke', revoke_confirm: 'Revoke “%{name}”? It stays on record and no longer raises inspection and patrol frequencies.', revoked: 'Revoked' },
  task: {
    overdue: 'Overdue', create: 'Assign task', complete: 'Complete', completed: 'Task completed', cancel: 'Cancel task', cancelled: 'Task cancelled', add_subtask: 'Add subtask',
    subtask_of: 'Subtask of: %{title}', subtasks_open: 'Complete every subtask first', line_of: 'Task of plan: %{title}',
  },
  patrol: {
    generate: 'Generate patrol plans', generated: 'Patrol plans generated', generation: '%{month}: %{created} created, %{updated} updated, %{plans} in your unit',
    month_hint: 'e.g. 2026-11; empty: this month', outside: 'Outside boundary', inside: 'Inside', unchecked: 'No boundary',
  },
  audit: {
    scored: 'Score saved', score_title: 'Score element %{position}', score: 'Score', rescore: 'Change score', samples: 'Sampled elements', element: 'Case file / record',
    issue: 'Issue findings', issued: 'Findings issued', recommendation: 'Recommendation', add_recommendation: 'Add recommendation', recommendations: 'Recommendations',
    respond: 'Respond', responded: 'Response recorded', close: 'Close', closed: 'Closed',
  },
  indicator: { create: 'New indicator', new_version: 'New version', code_rule: 'Capital letter first, then capitals, digits and underscores', formula_hint: 'Base measures and other indicator codes, e.g. rate(closed_on_time, due - parked)', sample_hint: 'The base measure of the minimum sample to be ranked, e.g. due; a minimum of 0 sets none' },
  duty: {
    hint: 'The lead (responsible) and partner departments for each case category at each level of handling unit; dispatch suggestions follow this table. Kept by the city.',
    hint_edit: 'The lead (responsible) and partner departments for each case category at each level of handling unit; dispatch suggestions follow this table. Click a cell to change it.',
    category: 'Case category',
    responsible: 'Lead department',
    co_responsible: 'Partner departments',
    with: 'with',
    gap: 'Gap',
    gaps: '%{smart_count} gap(s) (no lead): %{cells}',
    no_gaps: 'Every category has a lead department at every level',
    clear: 'Empty this cell',
    saved: 'Saved',
    cleared: 'Emptied',
  },
  disclosure: {
    hint: 'Decide which closed cases the public sees: the categories, the day from which reported cases are published, and any optional fields. Published data can be read without signing in (rate-limited).',
    nothing: 'No case is published (the default).', published: 'Closed cases reported since %{day} are published (%{count} categories).',
    from: 'Published from', from_hint: 'Empty: stop publishing', categories: 'Published categories', fields: 'Optional fields',
    field: { NUMBER: 'Case number', HANDLING_UNIT: 'Handling unit', DESCRIPTION: 'Description (free text, may hold personal data)' },
    never: 'Complainants’ names, phones, exact addresses and coordinates are never published; the place is given to the township or street.',
    save: 'Save', saved: 'Disclosure settings saved',
  },
  limits: {
    title: 'Filing time limits (per level)',
    hint: 'After a report, the unit it waits on must file it within this limit; a level without its own limit takes the one for every level. Without a platform, a late report is urged, then escalated to the level above; with a platform it is supervised.',
    level: 'Level', limit: 'Limit', source: 'Source', every_level: 'Every level', amount_label: 'Amount', unit: 'Unit', save: 'Save', saved: 'Filing limit saved',
    amount: { WORKING_DAYS: '%{smart_count} working day |||| %{smart_count} working days', HOURS: '%{smart_count} hour |||| %{smart_count} hours', SAME_DAY: 'Same day' },
    units: { WORKING_DAYS: 'Working days', HOURS: 'Hours', SAME_DAY: 'Same day' },
    sources: { DEFAULT: 'Built-in default', OVERRIDE: 'Set by the city' },
  },
  calendar: {
    banner: 'The %{year} holiday schedule is not loaded: working-day deadlines in %{year} count Monday to Friday for now and are recomputed once it is loaded.',
    open: 'Load holiday schedule',
    hint: "Upload a year's holiday schedule (the State Council notice): CSV with date,working,name (e.g. 2027-01-01,no,New Year), or ICS with all-day events, a summary with 班 marking a swapped working day. Preview first, then load; loading recomputes every provisional deadline and records it on the case timeline.",
    year: 'Year', choose: 'Choose file', no_file: 'No file chosen', preview: 'Preview (writes nothing)', load: 'Load',
    previewed: '%{year}: %{holidays} holidays, %{workingDays} swapped working days; %{added} days added, %{changed} changed, %{removed} removed; %{recomputed} deadlines to recompute',
    loaded: '%{year} loaded: %{holidays} holidays, %{workingDays} swapped working days; %{recomputed} deadlines recomputed',
    case: 'Case', before: 'Deadline before', after: 'Deadline after', years: 'Years loaded', source: 'Source', loaded_at: 'Loaded',
    provisional: 'provisional', provisional_hint: 'The deadline runs through a year whose holiday schedule is not loaded: counted Monday to Friday for now',
  },
  import: {
    hint: 'Upload a CSV or Excel (XLSX) file with the columns of the source export (required: 名称/name, 类型/type, 监管等级/level, 网格编码/grid code). Check it first; only a file without errors can be imported, and a file with any wrong row writes nothing. Optional: 污染源编码/source code (HJ 608-2017) and 排放口/outlets (e.g. "DA001 boiler; DW001 process water": listed ones are added or renamed, others kept).',
    choose: 'Choose file', no_file: 'No file chosen', dry_run: 'Check (dry run)', run: 'Import',
    checked: 'Check passed: %{rows} rows, %{inserted} to add, %{updated} to update, %{unchanged} unchanged', done: 'Imported: %{rows} rows, %{inserted} added, %{updated} updated, %{unchanged} unchanged',
    rejected: '%{rows} rows, %{errors} errors: nothing was written', line: 'Line', column: 'Column', code: 'Error', message: 'Details',
    codes: { BAD_USER_INPUT: 'Invalid value', NOT_FOUND: 'Not found or outside your territory', CONFLICT: 'Conflicts with an existing record', FORBIDDEN: 'Not allowed to set' },
  },
  grid_import: {
    hint: 'Upload a CSV or Excel (XLSX) grid division table: 网格编码/code (the 12-digit statistical division code; urban management grids: the street code plus a 2-3 digit sequence), 名称/name, 层级/level, 上级网格编码/parent code, optionally 网格类型/kind, 示意划分/illustrative, 平台设置/platform setting (yes/no/empty to inherit the county\'s), 原编码/former code (when a grid is recoded or moved). Check it first (dry run): every error is listed at once; only a file without errors can be applied, and a file with any wrong line writes nothing. Renames, recodes and moves keep history; the former code still finds the grid.',
    dry_run: 'Dry run (check)', run: 'Apply',
    explain: {
      MISSING_COLUMN: 'The file lacks this column: add it as in the export', BAD_FORMAT: 'This cell is not written right: codes are digits, the level is one of CITY/COUNTY/TOWNSHIP/VILLAGE, and every grid below the city has a parent code',
      DUPLICATE: 'The same code is on two lines of the file: remove one', UNKNOWN_PARENT: 'The parent code is neither in the file nor in your territory', WRONG_LEVEL: 'The level does not fit the parent, or differs from the existing grid (a grid keeps its level)',
      CODE_RULE: 'The code breaks the division-code rules (12 digits; or a street code plus a sequence, 14 or 20 digits)', CODE_TAKEN: 'Another grid uses this code', UNKNOWN_GRID: 'The former code is not in your territory', NOT_PERMITTED: 'Your role may not create or change a grid of this level here',
    },
    reasons: {
      MISSING_COLUMN: 'Missing column', BAD_FORMAT: 'Bad format', DUPLICATE: 'Duplicate in the file', UNKNOWN_PARENT: 'Parent not found or outside your territory', WRONG_LEVEL: 'Wrong level',
      CODE_RULE: 'Code breaks the coding rules', CODE_TAKEN: 'Code in use', UNKNOWN_GRID: 'Former code not found or outside your territory', NOT_PERMITTED: 'Not allowed to change',
    },
  },
  all: 'All',
  enum: {
    PlanKind: { ANNUAL: 'Annual', MONTHLY: 'Monthly' },
    TaskOrigin: { PLANNED: 'Planned', INSTRUCTION: 'Instruction from above', COMPLAINT: 'Public complaint', TRANSFER: 'Transfer from another unit' },
    TaskStatus: { OPEN: 'Open', DONE: 'Done', CANCELLED: 'Cancelled' },
    AuditStatus: { SAMPLED: 'Sampled (scoring)', FINDINGS_ISSUED: 'Findings issued', CLOSED: 'Closed' },
    AuditFinding: { MEETS: 'Meets requirements', ATTENTION: 'Needs attention', IMPROVEMENT_NEEDED: 'Improvement needed' },
    AuditElementKind: { CASE_FILE: 'Case file', PATROL_RECORD: 'Patrol record' },
    RecommendationStatus: { OPEN: 'Open', RESPONDED: 'Responded', CLOSED: 'Closed' },
    IndicatorUnit: { PERCENT: 'Percent', POINTS: 'Points (0-100)', COUNT: 'Count' },
  },
};
