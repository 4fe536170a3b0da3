import { fieldEn } from './en-field';
import englishMessages from 'ra-language-english';
import { workEn } from './en-work';
import { trainingEn } from './en-training';
import { alertsEn } from './en-alerts';
import { withAlerts, withField, withTraining, withWork, type AppMessages, type BaseMessages } from './zh';

/** English: react-admin's pack plus ours, typed against the Chinese one (same keys). */
const baseEn: BaseMessages = {
  resources: {
    grids: {
      name: 'Grid |||| Grids',
      fields: {
        id: 'ID', code: 'Grid code', name: 'Name', level: 'Level', kind: 'Kind', active: 'Active', illustrative: 'Illustrative split',
        parent: 'Parent grid', parentId: 'Parent grid', ancestors: 'Ancestors', centroid: 'Centroid', lng: 'Longitude', lat: 'Latitude', q: 'Code or name',
        hasPlatform: 'Digital platform', validFrom: 'Valid from', parentCode: 'Parent code', validTo: 'Valid to', actorName: 'Changed by',
      },
    },
    accounts: {
      name: 'Account |||| Accounts',
      fields: { login: 'Login', displayName: 'Display name', role: 'Role', unit: 'Unit', unitId: 'Unit', active: 'Active', password: 'Initial password', departmentId: 'Department' },
    },
    apiKeys: {
      name: 'API key |||| API keys',
      fields: { name: 'Name', prefix: 'Prefix', scopes: 'Scopes', rateLimitPerMinute: 'Requests per minute', expiresAt: 'Expires', revokedAt: 'Revoked' },
    },
    departments: {
      name: 'Department |||| Departments',
      fields: { id: 'ID', name: 'Name', field: 'Field', active: 'Active', unit: 'Unit', unitId: 'Unit', categories: 'Case categories', categoryIds: 'Case categories', q: 'Name' },
    },
    officers: {
      name: 'Officer |||| Officers',
      fields: {
        id: 'ID', name: 'Name', active: 'On duty', badgeNumber: 'Badge number', phone: 'Phone', employerUnit: 'Employer', employerUnitId: 'Employer',
        grids: 'Grids', gridIds: 'Grids', gridId: 'Grid', q: 'Name',
      },
    },
    gridWorkers: {
      name: 'Grid worker |||| Grid workers',
      fields: {
        id: 'ID', name: 'Name', active: 'On duty', employment: 'Employment', phone: 'Phone', employerUnit: 'Employer', employerUnitId: 'Employer',
        grids: 'Grids', gridIds: 'Grids', gridId: 'Grid', q: 'Name',
      },
    },
    sources: {
      name: 'Pollution source |||| Pollution sources',
      fields: {
        id: 'ID', name: 'Name', creditCode: 'Unified social credit code', sourceCode: 'Source code', outlets: 'Outlets', type: 'Type', industry: 'Industry', supervisionLevel: 'Supervision level', status: 'Status',
        address: 'Address', location: 'Location', grid: 'Grid', gridId: 'Grid', withinId: 'Within grid', lng: 'Longitude', lat: 'Latitude', history: 'History', q: 'Name or credit code',
      },
    },
    cases: {
      name: 'Case |||| Cases',
      fields: {
        id: 'ID', number: 'Case number', status: 'Status', origin: 'Origin', urgency: 'Urgency', reportedAt: 'Reported at', dueAt: 'Step due', closedAt: 'Closed at',
        address: 'Address', description: 'Description', category: 'Category', categoryId: 'Category', grid: 'Grid', gridId: 'Grid', withinId: 'Within grid',
        source: 'Pollution source', sourceId: 'Pollution source', complainantName: 'Complainant', complainantPhone: 'Complainant phone', field: 'Responsible field',
        location: 'Location', lng: 'Longitude', lat: 'Latitude', events: 'Timeline', reportedFrom: 'Reported from', reportedTo: 'Reported to', q: 'Case number',
      },
    },
    spotChecks: {
      name: 'Spot check |||| Spot checks',
      fields: {
        title: 'Title', status: 'Status', stratification: 'Strata', sampleSize: 'Sample per stratum', samplePercent: 'Share per stratum', currentDrawNo: 'Current draw', unit: 'Organised by',
        supervisionLevels: 'Supervision levels (population)', withinUnitIds: 'Within units (population)', inspectorPoolIds: 'Inspector pool', inspectorsPerSource: 'Inspectors per source', conflictRule: 'Conflict rule',
        sampleSizeHint: 'Sources drawn from each stratum',
      },
    },
    caseCategories: { name: 'Case category |||| Case categories', fields: { code: 'Code', name: 'Name' } },
  },
  gw: {
    app: { title: 'Gridded environmental supervision', subtitle: 'gridwatch' },
    menu: { dashboard: 'Dashboard', map: 'Map', inspection_overdue: 'Inspections overdue', coverage: 'Patrol coverage', assessment: 'Assessment' },
    lang: { zh: '中文', en: 'English', switch: 'Language' },
    auth: {
      bad_credentials: 'Wrong user name or password',
      sign_in_first: 'Please sign in',
      session_expired: 'Your session has expired; sign in again',
      unit: 'Unit',
      role: 'Role',
    },
    role: {
      API_CLIENT: 'API client', CITY_ADMIN: 'City administrator', CITY_DEPARTMENT: 'City department', CITY_INSPECTOR: 'City inspector', COUNTY_ADMIN: 'County administrator',
      COUNTY_DEPARTMENT: 'County department', GRID_WORKER: 'Grid worker', OFFICER: 'Officer', PLATFORM_OPERATOR: 'Platform operator', TOWNSHIP_ADMIN: 'Township administrator',
    },
    enum: {
      GridLevel: { CITY: 'City', COUNTY: 'County', TOWNSHIP: 'Township', VILLAGE: 'Village' },
      GridKind: { ADMINISTRATIVE: 'Administrative', URBAN_MANAGEMENT: 'Urban management' },
      SourceType: { AUTO_REPAIR: 'Auto repair', CONSTRUCTION_SITE: 'Construction site', ENTERPRISE: 'Enterprise', LIVESTOCK_FARM: 'Livestock farm', OTHER: 'Other', RESTAURANT: 'Restaurant' },
      SourceStatus: { ACTIVE: 'Active', CLOSED: 'Closed', PENDING: 'Pending', SUSPENDED: 'Suspended', REJECTED: 'Rejected' },
      SpotCheckStatus: { DRAFT: 'Draft', DRAWN: 'Drawn', COMPLETED: 'Completed', PUBLISHED: 'Published', CANCELLED: 'Cancelled' },
      SpotCheckStratification: { NONE: 'None', LEVEL: 'By supervision level', UNIT: 'By county', LEVEL_AND_UNIT: 'By level and county' },
      SpotCheckResult: { COMPLIANT: 'Compliant', PROBLEM_FOUND: 'Problem found' },
      ConflictRule: { NONE: 'None', SAME_COUNTY: 'Not from the same county' },
      InspectionResult: { COMPLIANT: 'Compliant', PROBLEM_FOUND: 'Problem found' },
      AssessmentSubjectType: { COUNTY: 'Counties', TOWNSHIP: 'Townships', GRID: 'Grids', DEPARTMENT: 'Departments', GRID_WORKER: 'Grid workers', OFFICER: 'Officers', STREET: 'Streets (街道)' },
      SupervisionLevel: { GENERAL: 'General', KEY: 'Key', SPECIAL: 'Special' },
      OutletMedium: { AIR: 'Air', WATER: 'Water' },
      SourceChangeAction: { CREATED: 'Created', DEACTIVATED: 'Deactivated', UPDATED: 'Updated', CONFIRMED: 'Confirmed', REJECTED: 'Rejected' },
      CaseStatus: {
        CANCELLED: 'Cancelled', CLOSED: 'Closed', DISPATCHED: 'Dispatched', EVALUATED: 'Evaluated', FED_BACK: 'Fed back', FILED: 'Filed',
        EXTENSION_REQUESTED: 'Extension requested', IN_PROGRESS: 'In progress', PARKED: 'Parked', REPORTED: 'Reported',
      },
      CaseOrigin: { COMPLAINT: 'Complaint', INSPECTION: 'Inspection', INSTRUCTION: 'Instruction', MONITORING: 'Monitoring alarm', PATROL: 'Patrol', TRANSFER: 'Transfer' },
      CaseUrgency: { EMERGENCY: 'Emergency', NORMAL: 'Normal', URGENT: 'Urgent' },
      CaseAction: {
        REPORT: 'Report', FILE: 'File', CANCEL: 'Cancel case', ESCALATE: 'Escalate to the grid above', DISPATCH: 'Dispatch', ACCEPT: 'Accept', RETURN: 'Return',
        FEEDBACK: 'Feed back', REQUEST_EXTENSION: 'Request extension', APPROVE_EXTENSION: 'Approve extension', REJECT_EXTENSION: 'Reject extension', PARK: 'Park',
        RESUME: 'Resume', VERIFY_PASS: 'Verify (close)', VERIFY_FAIL: 'Fail verification (rework)', EVALUATE: 'Evaluate', REOPEN: 'Reopen', RECOMPUTE_DEADLINE: 'Deadline recomputed',
      },
      ApiKeyScope: { CREATE_COMPLAINTS: 'Submit complaints', READ_CASES: 'Read cases', READ_DEPARTMENTS: 'Read departments', READ_GRIDS: 'Read grids', READ_SOURCES: 'Read sources' },
      CancelReason: { DUPLICATE: 'Duplicate', INVALID: 'Invalid', OUT_OF_SCOPE: 'Out of scope' },
      Employment: { FULL_TIME: 'Full-time', PART_TIME: 'Part-time' },
      DepartmentField: {
        AGRICULTURE: 'Agriculture', COMMERCE: 'Commerce', CONSTRUCTION: 'Construction', DEVELOPMENT_REFORM: 'Development and reform', ECONOMY_IT: 'Economy and IT',
        ENVIRONMENT: 'Environment', FINANCE: 'Finance', FORESTRY_GARDENS: 'Forestry and gardens', LAND: 'Land resources', LIVESTOCK_FISHERY: 'Livestock and fishery',
        MARKET_REGULATION: 'Market regulation', PLANNING: 'Planning', PUBLIC_SECURITY: 'Public security', TOWNSHIP_OFFICE: 'Township office', TRANSPORT: 'Transport',
        URBAN_MANAGEMENT: 'Urban management', WATER: 'Water', WORK_SAFETY: 'Work safety',
      },
    },
    category: {
      DUST: 'Dust', CONSTRUCTION_DUST: 'Construction dust', MUCK_TRANSPORT: 'Muck spilled in transport', BURNING: 'Burning', STRAW_BURNING: 'Straw burning',
      SMALL_COAL_STOVE: 'Small coal stove', BLACK_SMOKE: 'Black smoke', ODOUR: 'Odour', WASTEWATER: 'Wastewater discharge', NEW_SOURCE: 'New pollution source',
      NOISE: 'Noise', CATERING_FUMES: 'Catering fumes', OPEN_BARBECUE: 'Open-air barbecue', OPEN_SPRAY_PAINTING: 'Open-air spray painting',
      SOLID_WASTE: 'Dumped solid waste', HAZARDOUS_WASTE: 'Hazardous waste', LIVESTOCK_WASTE: 'Livestock pollution', BLACK_ODOROUS_WATER: 'Black and odorous water',
      OTHER: 'Other environmental problem',
    },
    errors: {
      BAD_USER_INPUT: 'Invalid input; check the marked fields',
      NOT_FOUND: 'Not found, or outside your territory',
      CONFLICT: 'Changed by someone else or a duplicate; reload and retry',
      ILLEGAL_TRANSITION: 'This step is not allowed in the case’s current status; someone may have moved it already. Refresh to see where it stands.',
      FORBIDDEN: 'Your role may not do this',
      UNAUTHENTICATED: 'Please sign in',
      INTERNAL_SERVER_ERROR: 'Server error; please retry later',
      PAYLOAD_TOO_LARGE: 'The request is too large',
      BAD_REQUEST: 'Malformed request',
      NETWORK_ERROR: 'Cannot reach the server; check the network',
      NOT_SUPPORTED: 'Not supported yet',
      field: {
        invalid: 'This value is not valid', required: 'Required', min: 'Must be at least %{min}', max: 'Must be at most %{max}', min_length: 'At least %{min} characters', max_length: 'At most %{max} characters',
        min_items: 'Choose at least %{min}', max_items: 'At most %{max}', credit_code: 'Must be an 18-character unified social credit code with a valid check character (GB 32100) that you may register',
        source_code: 'Must be an HJ 608-2017 pollution-source code (credit or H9 code + site number 001-999 + one capital letter) that you may register',
        blank: 'May not be blank', empty_population: 'Nothing to sample in this period',
      },
      request_id: 'Request id',
    },
    pagination: { previous: 'Previous', next: 'Next', page: 'Page %{page}', total: '%{total} in all', keyset: 'Cursor paging: previous and next only' },
    tree: { title: 'Grid tree', hint: 'From your unit down; click to expand', more: 'Load more', empty: 'No child grids', show: 'Show' },
    grid: { history: 'History (former codes)', inherited: 'inherited', own_setting: 'set on this grid', summary: 'Summary', children: 'Child grids', staff: 'Staff', officers: 'Officers', gridWorkers: 'Grid workers', sources: 'Sources', cases: 'Cases', list: 'Grid list' },
    password: {
      title: 'Change password',
      current: 'Current password',
      next: 'New password (10+ characters, not only digits, without your login)',
      repeat: 'New password again',
      mismatch: 'The new passwords differ',
      changed: 'Password changed; your other sessions were signed out',
      wrong_current: 'The current password is wrong',
      weak: 'The new password does not meet the rules: 10+ characters, not only digits, without your login',
    },
    accounts: {
      deactivate: 'Deactivate',
      deactivated: 'Account deactivated',
      login_rule: 'Starts with a lower-case letter: 3-60 of a-z 0-9 _ . -',
      department_hint: 'Required for department roles (county or city department)',
      role_hint: 'Only the roles you may grant; changing role or unit signs the account out',
    },
    apiKeys: {
      create: 'New API key',
      revoke: 'Revoke',
      revoked: 'Key revoked',
      once_warning: 'This is the full key and it is shown only once: copy it now and keep it safe; it cannot be shown again.',
      copy: 'Copy key',
      copied: 'Copied to the clipboard',
      done: 'I have saved it, back to the list',
      unit_hint: 'The key can reach %{unit} and the units below it',
    },
    queues: { department: 'My department’s to-do (%{department})', unit: 'My unit’s to-do', mine: 'Reported by me', overdue: 'Overdue', due_soon: 'Due soon' },
    workflow: {
      conflict: 'Someone else updated this case meanwhile (its version changed); it has been reloaded, please act on its current state',
      submit: 'Submit',
      done: 'Done: %{action}',
      departments: 'Responsible departments (one or more)',
      suggested: 'suggested',
      lead: 'Lead department',
      fields: {
        reason: 'Reason', cancelReason: 'Cancellation reason', result: 'Result', extensionDays: 'Extension (working days)', reviewAt: 'Review date', score: 'Score (0-100)',
        duplicateOfNumber: 'Number of the master case', afterPhoto: 'After photo (required to close)', feedbackPhotos: 'Photos of the result (optional)', note: 'Note (optional)', departments: 'Departments',
      },
    },
    case: {
      timeline: 'Timeline',
      timeline_empty: 'No events yet',
      report: 'Report a case',
      actions: 'Workflow actions',
      actions_none: 'There is nothing for you to do on this case now',
      from_to: '%{from} → %{to}',
      by: 'Actor role',
      note: 'Note',
      at: 'Time',
      action: 'Action',
      location_hint: 'Longitude/latitude (WGS-84), optional',
    },
    spotCheck: {
      all_sources: 'All sources',
      draw: 'Draw', redraw: 'Redraw', redraw_reason: 'Redrawn from the console', drawn: 'Drawn', replay: 'Replay draw', replay_ok: 'Replay matches: same seed and snapshot, same result', replay_bad: 'Replay differs',
      complete: 'Complete', completed: 'Campaign completed', publish: 'Publish results', published: 'Results published', record: 'Record result', recorded: 'Result recorded',
      result: 'Result', notes: 'Notes', stratum: 'Stratum', inspectors: 'Inspectors', no_items: 'Not drawn yet',
    },
    coverage: {
      month: 'Month', month_hint: 'e.g. 2026-11; empty for this month', grids: 'Grids', required: 'Planned patrols', expected: 'Expected by now', done: 'Done', rate: 'Completion',
      gaps: 'Coverage gaps', behind: 'Grid workers behind', gaps_title: 'Coverage gaps: grids without an officer or a grid worker', behind_title: 'Grid workers behind on patrols',
    },
    assessment: {
      publish: 'Publish (freeze)', publish_done: 'Published: the figures are frozen', not_ended: 'The period has not ended yet: it can be published once it has',
      sample_too_small: 'Not ranked: sample too small', sample_rule: 'Fewer than %{min} %{measure}: listed, not ranked',
      rank_rule: 'Ranking: equal scores share a rank and the next rank is skipped (1, 2, 2, 4); ties in code order; no value, no rank.',
      live: 'Live (not published): the figures follow the cases and the current indicators', published: 'Published (%{at}): the figures are frozen, from the snapshot taken at publication; later cases or indicators do not change them',
      period: 'Period', period_hint: 'Month 2026-10, quarter 2026-Q3, year 2026', subject: 'Assessed', subject_name: 'Name',
      drill_hint: 'Click a base measure to see the cases behind it', case_count: '%{count} cases (those in your territory listed below)',
    },
    /** The built-in indicators' names by code (English mode; Chinese shows the name the server keeps). */
    indicatorName: {
      CLOSE_RATE: 'Close rate', ONTIME_CLOSE_RATE: 'On-time close rate', ONTIME_CLOSE_RATE_EXCL_PARKED: 'On-time close rate (parked excluded)', REWORK_RATE: 'Rework rate', EXTENSION_RATE: 'Extension rate',
      ONTIME_HANDLING_RATE: 'On-time handling rate', VALID_REPORT_RATE: 'Valid report rate', ONTIME_VERIFY_RATE: 'On-time verification rate', CORRECT_DISPATCH_RATE: 'Correct dispatch rate', COMPOSITE: 'Composite score',
      PATROL_COMPLETION_RATE: 'Patrol completion rate', GRID_COVERAGE_RATE: 'Grid coverage rate', KEY_SOURCE_INSPECTION_RATE: 'Key source inspection rate', ACTIVE_RATE: 'Activity rate', TRAINING_COVERAGE_RATE: 'Training coverage rate',
    },
    measure: { reported: 'Reported', valid_reports: 'Valid reports', due: 'Due', closed: 'Closed', closed_on_time: 'Closed on time', parked: 'Parked', handled: 'Handled', handled_on_time: 'Handled on time', rework_cases: 'Reworked cases', rework_count: 'Reworks', extended: 'Extended', verifications: 'Verifications', verified_on_time: 'Verified on time', dispatches: 'Dispatches', dispatches_correct: 'Correct dispatches', patrols_required: 'Patrols required', patrols_done: 'Patrols done', grids_total: 'Grids', grids_staffed: 'Staffed grids', key_sources: 'Key sources', key_sources_inspected: 'Key sources inspected', active_days: 'Active days', working_days: 'Working days' },
    source: {
      history: 'History', history_empty: 'No changes yet', changes: 'Changes', at: 'Time', action: 'Kind', by: 'By', grid_out_of_scope: '(a grid outside your territory)',
      pending: 'Pending', pending_hint: 'Reported by a grid worker, waiting to be checked and confirmed', confirm: 'Confirm', reject: 'Reject', confirmed: 'Confirmed into the archive', rejected: 'Marked as rejected', reason: 'Reason',
      inspections: 'Inspections', inspections_empty: 'No inspections yet', inspected_on: 'Inspected on', result: 'Result', inspector: 'Inspector', findings: 'Findings',
      compliance: 'Compliance history', q_inspected: 'inspected', q_not_inspected: 'not inspected', q_violation: 'violation found', q_case_open: 'open case',
      compliance_legend: 'One cell per quarter: green inspected and compliant, amber open case, red violation found, outlined not inspected',
      overdue_hint: 'Sources past their inspection date (frequency by supervision level, raised in sensitive periods): %{total}, most overdue first',
      last_inspected: 'Last inspected', due_on: 'Due on', days_overdue: 'Days overdue', never: 'Never',
      code_help: 'HJ 608-2017: unified social credit code (H9 code for a unit without one) + 3-digit site number + 1 capital letter, e.g. 91130200699229617X001P',
      credit_help: 'May be left empty when the source code is given: its first 18 characters',
      code_length: 'A source code has 22 characters', code_unit: 'The first 18 characters must be a credit code or an H9 code', code_site: 'Characters 19-21 must be a site number 001-999', code_suffix: 'Character 22 must be one capital letter',
      outlets: 'Outlets', outlets_empty: 'No outlets yet', outlet_add: 'Add outlet', outlet_edit: 'Edit outlet', outlet_code: 'Outlet code', outlet_name: 'Name', outlet_medium: 'Kind',
      outlet_code_help: 'DA (air) or DW (water) + 3 digits, e.g. DA001', outlet_delete: 'Delete outlet', outlet_delete_confirm: 'Delete outlet %{code}? Only for an outlet entered by mistake.', outlet_saved: 'Outlet saved', outlet_deleted: 'Outlet deleted',
    },
    dashboard: {
      title: 'Dashboard',
      scope: 'Scope: %{unit}',
      cases_total: 'Cases',
      sources_total: 'Pollution sources',
      open_cases: 'Open cases',
      by_status: 'Cases by status',
      by_category: 'Cases by category',
      by_county: 'Cases by county',
      by_unit: 'Cases by sub-unit',
      overdue_cases: 'Overdue cases',
      overdue_by_county: 'Overdue cases by county',
      overdue_by_unit: 'Overdue cases by sub-unit',
      trend_DAY: 'Trend (last 30 days, daily)',
      trend_WEEK: 'Trend (last 12 weeks, weekly)',
      by_day: 'Daily',
      by_week: 'Weekly',
      reported: 'Reported',
      closed: 'Closed',
      ranking: 'Ranking by share closed',
      rank: 'Rank',
      unit: 'Unit',
      rate: 'Closed share',
      overdue: 'Overdue',
      count: 'Count',
      loading: 'Counting…',
    },
    map: {
      title: 'Map',
      note: 'Offline map: longitude/latitude within Hefei (no online tiles); dots are sources and cases',
      sources: 'Sources',
      cases: 'Cases',
      shown: '%{sources} sources and %{cases} cases shown',
    },
    export: { csv: 'Export CSV', xlsx: 'Export Excel', note: 'The server exports every record under the current filters (your territory only)' },
    empty: 'Nothing here yet',
    yes: 'Yes',
    no: 'No',
  },
};

/** The API never deletes: every 'delete' of the console is a deactivation (records are kept). */
const deactivation = {
  ra: {
    ...englishMessages.ra,
    action: { ...englishMessages.ra.action, delete: 'Deactivate' },
    message: {
      ...englishMessages.ra.message,
      bulk_delete_content: 'Deactivate this %{name}? |||| Deactivate these %{smart_count} items?',
      bulk_delete_title: 'Deactivate %{name} |||| Deactivate %{smart_count} %{name}',
      delete_content: 'Deactivate this %{name}? The record is kept.',
      delete_title: 'Deactivate %{name} %{recordRepresentation}',
    },
    notification: { ...englishMessages.ra.notification, deleted: 'Deactivated |||| %{smart_count} deactivated', item_doesnt_exist: 'Not found, or outside your territory' },
  },
};

export const appEn: AppMessages = withAlerts(withTraining(withField(withWork(baseEn, workEn), fieldEn), trainingEn), alertsEn);

export const enMessages = { ...englishMessages, ...deactivation, ...appEn };
