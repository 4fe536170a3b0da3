import { OwnerAlert } from './owner-alert.entity';
import { randomBytes } from 'node:crypto';
import { paginate, type Connection, type ConnectionArgs } from '../../common/connection';
import { GridLevel } from '../../common/enums';
import { BadInputError } from '../../common/errors';
import { assertCan, assertVersion, findVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Grid } from '../grid/grid.entity';
import { parseWebhookEventId } from './cloud-event';
import { deliverableUrl } from './webhook-delivery.service';
import { WebhookDelivery, WebhookEndpoint } from './webhook.entity';
import type { CreateWebhookEndpointInput, ReplayWebhookDeliveriesInput, UpdateWebhookEndpointInput } from './webhook.inputs';
import { markForReplay, queueDrain } from './webhook.sql';

/** A Standard Webhooks secret: whsec_ and 24 random bytes in base64. */
const newSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`;

function checkUrl(url: string): void {
  if (!deliverableUrl(url)) throw new BadInputError('The URL must be http or https, without credentials', [{ field: 'url', message: 'not an http(s) URL' }]);
}

export const webhookService = {
  ownerAlerts: (ctx: RequestContext, args: ConnectionArgs): Promise<Connection<OwnerAlert>> => paginate(ctx.em, OwnerAlert, {}, [{ id: 'desc' }], args),

  list: (ctx: RequestContext, args: ConnectionArgs): Promise<Connection<WebhookEndpoint>> => paginate(ctx.em, WebhookEndpoint, {}, [{ id: 'desc' }], args),

  async deliveries(ctx: RequestContext, endpointId: string, args: ConnectionArgs): Promise<Connection<WebhookDelivery>> {
    const endpoint = await findVisible(ctx, WebhookEndpoint, endpointId);
    return paginate(ctx.em, WebhookDelivery, { endpointId: endpoint.id }, [{ id: 'desc' }], args);
  },

  /** Returns the secret once; it signs every delivery and is never shown again. */
  async create(ctx: RequestContext, input: CreateWebhookEndpointInput): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    checkUrl(input.url);
    const unit = await findVisible(ctx, Grid, input.unitId);
    if (unit.level === GridLevel.VILLAGE) throw new BadInputError('An endpoint belongs to a city, county or township', [{ field: 'unitId', message: 'village level' }]);
    const secret = newSecret();
    const endpoint = Object.assign(new WebhookEndpoint(), {
      ...unit.scope,
      unitId: unit.id,
      name: input.name,
      url: input.url,
      secret,
      eventTypes: [...new Set(input.eventTypes ?? [])],
      createdById: ctx.principal?.accountId ?? null,
    });
    assertCan(ctx, 'create', endpoint);
    await ctx.em.persistAndFlush(endpoint);
    return { endpoint, secret };
  },

  async update(ctx: RequestContext, input: UpdateWebhookEndpointInput): Promise<WebhookEndpoint> {
    const endpoint = await findVisible(ctx, WebhookEndpoint, input.id);
    assertCan(ctx, 'update', endpoint);
    assertVersion(endpoint, input.version, 'webhook endpoint');
    if (input.url !== undefined) checkUrl(input.url);
    Object.assign(endpoint, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.eventTypes !== undefined ? { eventTypes: [...new Set(input.eventTypes)] } : {}),
    });
    if (input.enabled === true && !endpoint.enabled) Object.assign(endpoint, { enabled: true, failingSince: null, disabledAt: null, disabledReason: null });
    if (input.enabled === false && endpoint.enabled) Object.assign(endpoint, { enabled: false, disabledAt: ctx.clock.now(), disabledReason: 'Disabled by an administrator' });
    await ctx.em.flush();
    // Re-enabled: what waited is sent now, in order.
    if (endpoint.enabled) await queueDrain(ctx.em, endpoint.id);
    return endpoint;
  },

  /** Sends an event, or the events of a window, to the endpoint again: same body, same webhook-id. */
  async replay(ctx: RequestContext, input: ReplayWebhookDeliveriesInput): Promise<number> {
    const endpoint = await findVisible(ctx, WebhookEndpoint, input.endpointId);
    assertCan(ctx, 'update', endpoint);
    const messageId = input.eventId === undefined ? undefined : parseWebhookEventId(input.eventId);
    if (messageId === null) throw new BadInputError('Not an event id', [{ field: 'eventId', message: 'expected evt_<number>' }]);
    if (messageId === undefined && !input.from && !input.to) throw new BadInputError('Name an event or a time window', [{ field: 'eventId', message: 'missing' }]);
    if (input.from && input.to && input.from >= input.to) throw new BadInputError('The window is empty', [{ field: 'to', message: 'not after from' }]);
    const replayed = await markForReplay(ctx.em, endpoint.id, { messageId, from: input.from, to: input.to });
    if (replayed) await queueDrain(ctx.em, endpoint.id);
    return replayed;
  },
};
