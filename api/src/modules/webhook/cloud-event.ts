import { toGlobalId } from '../../common/global-id';

/** A CloudEvents 1.0 event in the structured JSON mode (application/cloudevents+json). */
export interface CloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject?: string;
  time: string;
  datacontenttype: 'application/json';
  data: Record<string, unknown>;
}

/** An outbox row: the event or alert as its trigger saw it (to_jsonb of the inserted row). */
export interface OutboxMessage {
  id: number;
  source: string;
  type: string;
  at: Date;
  caseId: number | null;
  cityId: number;
  countyId: number | null;
  row: Record<string, unknown>;
}

/** The message's id as integrators see it: webhook-id and the CloudEvents id, the same on every attempt and replay. */
export const webhookEventId = (messageId: number): string => `evt_${messageId}`;

export function parseWebhookEventId(id: string): number | null {
  const match = /^evt_(\d{1,15})$/.exec(id);
  return match ? Number(match[1]) : null;
}

const SOURCE_TYPES: Record<string, string> = { case_event: 'CaseEvent', case_alert: 'CaseAlert' };

/** Internal keys become the API's global ids; other internal keys (the actor's account, the feed position) stay inside. */
const ID_TYPES: Record<string, string> = {
  case_id: 'Case',
  grid_id: 'Grid',
  city_id: 'Grid',
  county_id: 'Grid',
  township_id: 'Grid',
  actor_unit_id: 'Grid',
  handling_unit_id: 'Grid',
  lead_department_id: 'Department',
  department_id: 'Department',
};
const INTERNAL = new Set(['actor_id', 'tx_id', 'digest_version', 'chain_key']);

const camel = (key: string): string => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
/** A table joining the outbox later (task_alert) names its rows' type the way the API does (TaskAlert). */
const pascal = (table: string): string => camel(table).replace(/^[a-z]/, (c) => c.toUpperCase());

function eventData(message: OutboxMessage): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(message.row)) {
    if (INTERNAL.has(key)) continue;
    if (key === 'id') data.id = toGlobalId(SOURCE_TYPES[message.source] ?? pascal(message.source), Number(value));
    else if (ID_TYPES[key]) data[camel(key)] = value == null ? null : toGlobalId(ID_TYPES[key], Number(value));
    // An id of something integrators cannot look up is noise at best, a leak at worst.
    else if (!key.endsWith('_id')) data[camel(key)] = value;
  }
  return data;
}

/** The CloudEvent of an outbox message; the same message always gives the same event. */
export function cloudEvent(message: OutboxMessage): CloudEvent {
  return {
    specversion: '1.0',
    id: webhookEventId(message.id),
    source: `/gridwatch/units/${toGlobalId('Grid', message.countyId ?? message.cityId)}`,
    type: message.type,
    ...(message.caseId != null ? { subject: toGlobalId('Case', message.caseId) } : {}),
    time: message.at.toISOString(),
    datacontenttype: 'application/json',
    data: eventData(message),
  };
}
