/**
 * The webhook module's hand-written SQL. The delivery job runs on the owner's connection
 * (outside row-level security: it serves every unit's endpoints); the replay runs on the
 * request's connection, under row-level security, after the endpoint was found visible.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { UnitScope } from '../../common/base.entity';
import type { OutboxMessage } from './cloud-event';

/** The driver hands timestamps over as text on this connection. */
const toDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

export interface EndpointRow {
  id: number;
  name: string;
  url: string;
  secret: string;
  enabled: boolean;
  failing_since: Date | null;
  unit_id: number;
  created_by_id: number | null;
  city_id: number;
  county_id: number | null;
  township_id: number | null;
}

export interface HeadDelivery {
  deliveryId: number;
  attempts: number;
  nextAttemptAt: Date | null;
  message: OutboxMessage;
}

interface HeadRow {
  delivery_id: string;
  attempts: number;
  next_attempt_at: Date | string | null;
  message_id: string;
  source: string;
  type: string;
  at: Date | string;
  case_id: number | null;
  city_id: number;
  county_id: number | null;
  data: Record<string, unknown>;
}

export async function loadEndpoint(em: EntityManager, id: number): Promise<EndpointRow | null> {
  const [row] = await em.execute<EndpointRow[]>(
    `select id, name, url, secret, enabled, failing_since, unit_id, created_by_id, city_id, county_id, township_id from webhook_endpoint where id = ?`,
    [id],
  );
  return row ?? null;
}

/** The endpoint's oldest undelivered message: delivery is in order, so nothing passes it. */
export async function headDelivery(em: EntityManager, endpointId: number): Promise<HeadDelivery | null> {
  const [row] = await em.execute<HeadRow[]>(
    `select d.id as delivery_id, d.attempts, d.next_attempt_at, m.id as message_id, m.source, m.type, m.at, m.case_id, m.city_id, m.county_id, m.data
     from webhook_delivery d join webhook_message m on m.id = d.message_id
     where d.endpoint_id = ? and not d.delivered order by d.message_id limit 1`,
    [endpointId],
  );
  if (!row) return null;
  return {
    deliveryId: Number(row.delivery_id),
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at == null ? null : toDate(row.next_attempt_at),
    message: { id: Number(row.message_id), source: row.source, type: row.type, at: toDate(row.at), caseId: row.case_id, cityId: row.city_id, countyId: row.county_id, row: row.data },
  };
}

export interface AttemptResult {
  at: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export async function recordDelivered(em: EntityManager, deliveryId: number, endpointId: number, result: AttemptResult): Promise<void> {
  await em.execute(
    `update webhook_delivery set delivered = true, delivered_at = ?, attempts = attempts + 1, next_attempt_at = null,
       last_attempt_at = ?, last_status_code = ?, last_error = null, last_duration_ms = ? where id = ?`,
    [result.at, result.at, result.statusCode, result.durationMs, deliveryId],
  );
  await em.execute(`update webhook_endpoint set failing_since = null where id = ? and failing_since is not null`, [endpointId]);
}

/** Records a failed attempt; returns since when the endpoint has been failing. */
export async function recordFailed(em: EntityManager, deliveryId: number, endpointId: number, result: AttemptResult, nextAttemptAt: Date): Promise<Date> {
  await em.execute(
    `update webhook_delivery set attempts = attempts + 1, next_attempt_at = ?, last_attempt_at = ?, last_status_code = ?, last_error = ?, last_duration_ms = ? where id = ?`,
    [nextAttemptAt, result.at, result.statusCode, result.error, result.durationMs, deliveryId],
  );
  const [row] = await em.execute<{ failing_since: Date | string }[]>(
    `update webhook_endpoint set failing_since = coalesce(failing_since, ?) where id = ? returning failing_since`,
    [result.at, endpointId],
  );
  return toDate(row.failing_since);
}

export async function disableEndpoint(em: EntityManager, endpointId: number, at: Date, reason: string): Promise<void> {
  await em.execute(`update webhook_endpoint set enabled = false, disabled_at = ?, disabled_reason = ?, version = version + 1, updated_at = ? where id = ?`, [
    at,
    reason,
    at,
    endpointId,
  ]);
}

/** Enabled endpoints whose oldest undelivered message is due by `now` (the minutely dispatch queues their drains). */
export async function dueEndpoints(em: EntityManager, now: Date): Promise<number[]> {
  const rows = await em.execute<{ id: number }[]>(
    `select w.id from webhook_endpoint w
     cross join lateral (select d.next_attempt_at from webhook_delivery d where d.endpoint_id = w.id and not d.delivered order by d.message_id limit 1) head
     where w.enabled and (head.next_attempt_at is null or head.next_attempt_at <= ?) order by 1`,
    [now],
  );
  return rows.map((r) => r.id);
}

/** Queues an endpoint's drain (at `runAt`, or now); false when the job queue is not installed. */
export async function queueDrain(em: EntityManager, endpointId: number, runAt: Date | null = null): Promise<boolean> {
  if (!runAt) {
    const [row] = await em.execute<{ queued: boolean }[]>(`select gw_queue_webhook(?) as queued`, [endpointId]);
    return row.queued;
  }
  await em.execute(
    `select graphile_worker.add_job('webhook_deliver', json_build_object('endpointId', ?::int), queue_name => 'webhook_' || ?::int,
       run_at => ?, job_key => 'webhook_deliver_' || ?::int, job_key_mode => 'replace')`,
    [endpointId, endpointId, runAt, endpointId],
  );
  return true;
}

/**
 * Marks an endpoint's deliveries to be sent again (same message, same webhook-id): those of
 * one event, or those of events in a time window. Returns how many.
 */
export async function markForReplay(em: EntityManager, endpointId: number, filter: { messageId?: number; from?: Date; to?: Date }): Promise<number> {
  const rows = await em.execute<{ n: number }[]>(
    `with replayed as (
       update webhook_delivery set delivered = false, next_attempt_at = null
       where endpoint_id = ? and (?::bigint is null or message_id = ?) and (?::timestamptz is null or event_at >= ?) and (?::timestamptz is null or event_at < ?)
       returning 1)
     select count(*)::int as n from replayed`,
    [endpointId, filter.messageId ?? null, filter.messageId ?? null, filter.from ?? null, filter.from ?? null, filter.to ?? null, filter.to ?? null],
  );
  return rows[0].n;
}

export interface OwnerAlert {
  scope: UnitScope;
  unitId: number;
  accountId: number | null;
  kind: string;
  subject: string;
  message: string;
  at: Date;
}

/**
 * The seam to the alert inbox: a notice for the owner of something the system changed on
 * its own (today: a webhook endpoint disabled after failing for days).
 */
export async function raiseOwnerAlert(em: EntityManager, alert: OwnerAlert): Promise<void> {
  await em.execute(
    `insert into owner_alert (city_id, county_id, township_id, unit_id, account_id, kind, subject, message, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [alert.scope.cityId, alert.scope.countyId, alert.scope.townshipId, alert.unitId, alert.accountId, alert.kind, alert.subject, alert.message, alert.at],
  );
}
