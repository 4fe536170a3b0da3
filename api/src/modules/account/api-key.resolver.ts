import { Arg, Args, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Requires } from '../../auth/requires';
import { ConnectionArgs, ConnectionType } from '../../common/connection';
import type { RequestContext } from '../../context/request-context';
import { CreateApiKeyInput } from './account.inputs';
import { ApiKey } from './api-key.entity';
import { apiKeyService } from './api-key.service';

@ObjectType('CreatedApiKey')
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey!: ApiKey;

  @Field(() => String, { description: '完整密钥, 只显示这一次: Authorization: Bearer <key>' })
  key!: string;
}

const ApiKeyConnection = ConnectionType(ApiKey, 'ApiKey');

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => ApiKeyConnection, { description: '接口密钥 (本辖区内)' })
  @Requires('read', 'ApiKey')
  apiKeys(@Ctx() ctx: RequestContext, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return apiKeyService.list(ctx, page);
  }

  @Mutation(() => CreatedApiKey, { description: '新建接口密钥' })
  @Requires('create', 'ApiKey')
  createApiKey(@Ctx() ctx: RequestContext, @Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput): Promise<CreatedApiKey> {
    return apiKeyService.create(ctx, input);
  }

  @Mutation(() => ApiKey, { description: '吊销接口密钥' })
  @Requires('deactivate', 'ApiKey')
  revokeApiKey(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<ApiKey> {
    return apiKeyService.revoke(ctx, id);
  }
}
