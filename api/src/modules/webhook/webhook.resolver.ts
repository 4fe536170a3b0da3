import { OwnerAlert } from './owner-alert.entity';
import { Arg, Args, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Requires } from '../../auth/requires';
import { ConnectionArgs, ConnectionType } from '../../common/connection';
import type { RequestContext } from '../../context/request-context';
import { WebhookDelivery, WebhookEndpoint } from './webhook.entity';
import { CreateWebhookEndpointInput, ReplayWebhookDeliveriesInput, UpdateWebhookEndpointInput } from './webhook.inputs';
import { webhookService } from './webhook.service';

@ObjectType('CreatedWebhookEndpoint')
export class CreatedWebhookEndpoint {
  @Field(() => WebhookEndpoint)
  endpoint!: WebhookEndpoint;

  @Field(() => String, { description: '签名密钥 (whsec_..., 只显示这一次)' })
  secret!: string;
}

const WebhookEndpointConnection = ConnectionType(WebhookEndpoint, 'WebhookEndpoint');
const WebhookDeliveryConnection = ConnectionType(WebhookDelivery, 'WebhookDelivery');
const OwnerAlertConnection = ConnectionType(OwnerAlert, 'OwnerAlert');

@Resolver(() => WebhookEndpoint)
export class WebhookResolver {
  @Query(() => WebhookEndpointConnection, { description: 'Webhook 推送地址 (本辖区内)' })
  @Requires('read', 'WebhookEndpoint')
  webhookEndpoints(@Ctx() ctx: RequestContext, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return webhookService.list(ctx, page);
  }

  @Query(() => OwnerAlertConnection, { description: '系统通知 (本辖区内, 新的在前): 如推送地址连续失败被停用' })
  @Requires('read', 'OwnerAlert')
  ownerAlerts(@Ctx() ctx: RequestContext, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return webhookService.ownerAlerts(ctx, page);
  }

  @Query(() => WebhookDeliveryConnection, { description: 'Webhook 投递记录 (新的在前)' })
  @Requires('read', 'WebhookDelivery')
  webhookDeliveries(@Ctx() ctx: RequestContext, @Arg('endpointId', () => ID) endpointId: string, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return webhookService.deliveries(ctx, endpointId, page);
  }

  @Mutation(() => CreatedWebhookEndpoint, { description: '新建 Webhook 推送地址' })
  @Requires('create', 'WebhookEndpoint')
  createWebhookEndpoint(@Ctx() ctx: RequestContext, @Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput): Promise<CreatedWebhookEndpoint> {
    return webhookService.create(ctx, input);
  }

  @Mutation(() => WebhookEndpoint, { description: '修改、停用或重新启用 Webhook 推送地址' })
  @Requires('update', 'WebhookEndpoint')
  updateWebhookEndpoint(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateWebhookEndpointInput) input: UpdateWebhookEndpointInput): Promise<WebhookEndpoint> {
    return webhookService.update(ctx, input);
  }

  @Mutation(() => Int, { description: '重新投递 (同一事件 id), 返回条数' })
  @Requires('update', 'WebhookEndpoint')
  replayWebhookDeliveries(@Ctx() ctx: RequestContext, @Arg('input', () => ReplayWebhookDeliveriesInput) input: ReplayWebhookDeliveriesInput): Promise<number> {
    return webhookService.replay(ctx, input);
  }
}
