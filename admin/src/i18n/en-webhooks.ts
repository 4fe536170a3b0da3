import type { WebhookMessages } from './zh-webhooks';

export const webhooksEn: WebhookMessages = {
  menu: { webhooks: 'Webhooks' },
  webhooks: {
    new: 'New endpoint', endpoints: 'Endpoints', name: 'Name', url: 'URL', event_types: 'Event types',
    event_types_hint: 'Comma-separated, e.g. cn.gridwatch.case.dispatch, cn.gridwatch.alert.supervise; empty for all events',
    unit_hint: 'Pushes the case events and alerts of %{unit}', once_warning: 'The signing secret is shown only this once: copy it to the receiver now', copy: 'Copy secret', copied: 'Copied',
    done: 'Done', state: 'State', active: 'Active', failing: 'Failing', disabled: 'Disabled', failing_since: 'Failing since %{at}', all_events: 'All events',
    log: 'Delivery log', log_of: 'Delivery log: %{name}', enable: 'Enable', disable: 'Disable', enabled_done: 'Enabled', disabled_done: 'Disabled',
    event: 'Event', event_at: 'Event time', result: 'Result', attempts: 'Attempts', next_attempt: 'Next attempt', delivered: 'Delivered', pending: 'Pending',
    replay: 'Redeliver', replayed: 'Redelivery scheduled',
  },
};
