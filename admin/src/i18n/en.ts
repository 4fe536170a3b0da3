import englishMessages from 'ra-language-english';
import type { AppMessages } from './zh';

/** English: react-admin's pack plus ours, typed against the Chinese one (same keys). */
export const appEn: AppMessages = {
  resources: {
    grids: {
      name: 'Grid |||| Grids',
      fields: {
        id: 'ID', code: 'Grid code', name: 'Name', level: 'Level', kind: 'Kind', active: 'Active', illustrative: 'Illustrative split',
        parent: 'Parent grid', parentId: 'Parent grid', ancestors: 'Ancestors', centroid: 'Centroid', lng: 'Longitude', lat: 'Latitude', q: 'Code or name',
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
        id: 'ID', name: 'Name', creditCode: 'Unified social credit code', type: 'Type', industry: 'Industry', supervisionLevel: 'Supervision level', status: 'Status',
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
    caseCategories: { name: 'Case category |||| Case categories', fields: { code: 'Code', name: 'Name' } },
  },
  gw: {
    app: { title: 'Gridded environmental supervision', subtitle: 'gridwatch' },
    menu: { dashboard: 'Dashboard', map: 'Map' },
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
      SupervisionLevel: { GENERAL: 'General', KEY: 'Key', SPECIAL: 'Special' },
      SourceChangeAction: { CREATED: 'Created', DEACTIVATED: 'Deactivated', UPDATED: 'Updated', CONFIRMED: 'Confirmed', REJECTED: 'Rejected' },
      CaseStatus: {
        CANCELLED: 'Cancelled', CLOSED: 'Closed', DISPATCHED: 'Dispatched', EVALUATED: 'Evaluated', FED_BACK: 'Fed back', FILED: 'Filed',
        IN_PROGRESS: 'In progress', PARKED: 'Parked', REPORTED: 'Reported',
      },
      CaseOrigin: { COMPLAINT: 'Complaint', INSPECTION: 'Inspection', INSTRUCTION: 'Instruction', MONITORING: 'Monitoring alarm', PATROL: 'Patrol', TRANSFER: 'Transfer' },
      CaseUrgency: { EMERGENCY: 'Emergency', NORMAL: 'Normal', URGENT: 'Urgent' },
      CaseAction: {
        REPORT: 'Report', FILE: 'File', CANCEL: 'Cancel case', ESCALATE: 'Escalate to the grid above', DISPATCH: 'Dispatch', ACCEPT: 'Accept', RETURN: 'Return',
        FEEDBACK: 'Feed back', REQUEST_EXTENSION: 'Request extension', APPROVE_EXTENSION: 'Approve extension', REJECT_EXTENSION: 'Reject extension', PARK: 'Park',
        RESUME: 'Resume', VERIFY_PASS: 'Verify (close)', VERIFY_FAIL: 'Fail verification (rework)', EVALUATE: 'Evaluate', REOPEN: 'Reopen',
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
      request_id: 'Request id',
    },
    pagination: { previous: 'Previous', next: 'Next', page: 'Page %{page}', total: '%{total} in all', keyset: 'Cursor paging: previous and next only' },
    tree: { title: 'Grid tree', hint: 'From your unit down; click to expand', more: 'Load more', empty: 'No child grids', show: 'Show' },
    grid: { summary: 'Summary', children: 'Child grids', staff: 'Staff', officers: 'Officers', gridWorkers: 'Grid workers', sources: 'Sources', cases: 'Cases', list: 'Grid list' },
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
    queues: { unit: 'My unit’s to-do', mine: 'Reported by me', overdue: 'Overdue', due_soon: 'Due soon' },
    workflow: {
      conflict: 'Someone else updated this case meanwhile (its version changed); it has been reloaded, please act on its current state',
      submit: 'Submit',
      done: 'Done: %{action}',
      departments: 'Responsible departments (one or more)',
      suggested: 'suggested',
      lead: 'Lead department',
      fields: {
        reason: 'Reason', cancelReason: 'Cancellation reason', result: 'Result', extensionDays: 'Extension (working days)', reviewAt: 'Review date', score: 'Score (0-100)',
        duplicateOfNumber: 'Number of the master case', afterPhoto: 'After photo (JPEG/PNG, required to close)', note: 'Note (optional)', departments: 'Departments',
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
    source: { history: 'History', history_empty: 'No changes yet', changes: 'Changes', at: 'Time', action: 'Kind' },
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
    export: { note: 'Export the current list (up to 1000 rows under the current filters) as CSV' },
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

export const enMessages = { ...englishMessages, ...deactivation, ...appEn };
