import type { AlertMessages } from './zh-alerts';

export const alertsEn: AlertMessages = {
  menu: { alerts: 'Alert inbox', late_case_notice: 'Late case notice' },
  enum: {
    AlertKind: { URGE: 'Reminder', SUPERVISE: 'Supervision', NOTICE: 'Notice' },
    AlertSubject: { CASE: 'Case', TASK: 'Task', RECOMMENDATION: 'Recommendation' },
    AlertDeadline: { STEP: 'Step deadline', ANSWER: 'Answer deadline', PARTNER: 'Partner deadline' },
  },
  alerts: {
    owner: { WEBHOOK_DISABLED: 'The webhook endpoint “%{subject}” kept failing and was disabled at %{at}; check the receiver, then enable it again on the Webhooks screen.' },
    badge: 'Unread alerts', kind: 'Kind', subject: 'Subject', read_state: 'Read', acknowledged_state: 'Acknowledged', all: 'All', unread: 'Unread', read: 'Read',
    acknowledged: 'Acknowledged', not_acknowledged: 'Not acknowledged', unit: 'Unit', due: 'Deadline', raised: 'Raised', mark_read: 'Mark read', mark_all_read: 'Mark page read',
    acknowledge: 'Acknowledge', acknowledge_title: 'Acknowledge alert', note: 'Note (optional)', cancel: 'Cancel', confirm: 'Acknowledge',
    acknowledged_by: 'Acknowledged by %{name} at %{at}', empty: 'No alerts match', more: 'More', total: '%{count} in all', done: 'Acknowledged',
  },
  notice: {
    title: 'Late case notice: %{unit}', from: 'From', to: 'To (inclusive)', print: 'Print', download: 'Download PDF', unit: 'Handling unit', number: 'Case number', step: 'Late step',
    due: 'Deadline', days_late: 'Days late', lead: 'Lead department', still_open: 'open', count: '%{count} in all', empty: 'No late cases in this period',
    per_unit: '%{unit}: %{count}', definition: 'Case steps whose deadline fell in the period and passed unhandled (supervised), by handling unit; days late are calendar days, until the step was handled or until now.',
  },
};
