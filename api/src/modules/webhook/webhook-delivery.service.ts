import { Webhook } from 'standardwebhooks';
import type { RequestContext } from '../../context/request-context';
import { inUnit } from '../../context/unit-of-work';
import { cloudEvent, webhookEventId } from './cloud-event';
import { type AttemptResult, disableEndpoint, dueEndpoints, type EndpointRow, headDelivery, loadEndpoint, queueDrain, raiseOwnerAlert, recordDelivered, recordFailed } from './webhook.sql';

export interface WebhookSettings {
  /** An endpoint failing this long without one success is disabled (WEBHOOK_DISABLE_AFTER_DAYS). */
  disableAfterDays: number;
  /** Per attempt: connect, send and the answer's status. */
  timeoutMs: number;
}

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = { disableAfterDays: 3, timeoutMs: 10_000 };

const DAY_MS = 24 * 60 * 60 * 1000;
const FIRST_RETRY_MS = 10_000;
const MAX_RETRY_MS = 6 * 60 * 60 * 1000;

/** Exponential backoff after the n-th failed attempt: 10 s, 40 s, 160 s, ... at most 6 hours. */
export const retryDelayMs = (attempts: number): number => Math.min(FIRST_RETRY_MS * 4 ** Math.max(0, attempts - 1), MAX_RETRY_MS);

/** Only plain http(s) targets without credentials (no file:, gopher:, data: ... from a server). */
export function deliverableUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

async function post(endpoint: EndpointRow, id: string, body: string, now: Date, timeoutMs: number): Promise<AttemptResult> {
  const started = performance.now();
  const result = (statusCode: number | null, error: string | null): AttemptResult => ({ at: now, statusCode, error, durationMs: Math.round(performance.now() - started) });
  if (!deliverableUrl(endpoint.url)) return result(null, 'URL is not http(s)');
  const signature = new Webhook(endpoint.secret).sign(id, now, body);
  try {
    const response = await fetch(endpoint.url, {
      method: 'POST',
      // Redirects are not followed: the registered URL is the only place a payload goes.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/cloudevents+json; charset=utf-8',
        'user-agent': 'gridwatch-webhooks/1',
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body,
    });
    await response.body?.cancel();
    return result(response.status, response.ok ? null : `HTTP ${response.status}`);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return result(null, (error as Error).name === 'TimeoutError' ? `timeout after ${timeoutMs} ms` : (cause ?? (error as Error).message).slice(0, 200));
  }
}

export const webhookDelivery = {
  /**
   * Sends the endpoint's undelivered messages in order until one fails (then retries later,
   * with backoff) or none is due. Runs as the endpoint's only job (its own queue).
   */
  async drain(ctx: RequestContext, endpointId: number, settings: WebhookSettings = DEFAULT_WEBHOOK_SETTINGS): Promise<{ delivered: number; failed: boolean }> {
    let delivered = 0;
    for (;;) {
      const endpoint = await loadEndpoint(ctx.em, endpointId);
      if (!endpoint?.enabled) return { delivered, failed: false };
      const head = await headDelivery(ctx.em, endpointId);
      const now = ctx.clock.now();
      if (!head || (head.nextAttemptAt && head.nextAttemptAt > now)) return { delivered, failed: false };
      const id = webhookEventId(head.message.id);
      const result = await post(endpoint, id, JSON.stringify(cloudEvent(head.message)), now, settings.timeoutMs);
      // Each attempt's record is one unit of work, opened after the post (no transaction waits on the network).
      if (result.error === null) {
        await inUnit(ctx, () => recordDelivered(ctx.em, head.deliveryId, endpointId, result));
        delivered += 1;
        continue;
      }
      const nextAttemptAt = new Date(now.getTime() + retryDelayMs(head.attempts + 1));
      await inUnit(ctx, async () => {
        const failingSince = await recordFailed(ctx.em, head.deliveryId, endpointId, result, nextAttemptAt);
        // Disabled with its owner's alert, or queued again with the failure recorded: never one without the other.
        if (now.getTime() - failingSince.getTime() >= settings.disableAfterDays * DAY_MS) await this.disable(ctx, endpoint, failingSince, result, settings);
        else await queueDrain(ctx.em, endpointId, nextAttemptAt);
      });
      return { delivered, failed: true };
    }
  },

  async disable(ctx: RequestContext, endpoint: EndpointRow, failingSince: Date, last: AttemptResult, settings: WebhookSettings): Promise<void> {
    const reason = `Failing since ${failingSince.toISOString()} (${settings.disableAfterDays} days or more), last: ${last.error}`;
    await disableEndpoint(ctx.em, endpoint.id, last.at, reason);
    await raiseOwnerAlert(ctx.em, {
      scope: { cityId: endpoint.city_id, countyId: endpoint.county_id, townshipId: endpoint.township_id },
      unitId: endpoint.unit_id,
      accountId: endpoint.created_by_id,
      kind: 'WEBHOOK_DISABLED',
      subject: endpoint.name,
      message: reason,
      at: last.at,
    });
  },

  /** The minutely safety net: queues the drain of every endpoint with a message due (after downtime, or a queue installed late). */
  async dispatchDue(ctx: RequestContext): Promise<number> {
    const endpoints = await dueEndpoints(ctx.em, ctx.clock.now());
    for (const id of endpoints) await queueDrain(ctx.em, id);
    return endpoints.length;
  },
};
