import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Public, Requires } from '../../auth/requires';
import { ConnectionArgs, ConnectionType } from '../../common/connection';
import type { RequestContext } from '../../context/request-context';
import { CaseEvent } from '../case/case-event.entity';
import { ChainCheckpoint } from './chain-checkpoint.entity';
import { ChainSigningKey } from './chain-signing-key.entity';
import { chainService } from './chain.service';
import { ArchivedEventRun } from './chain.types';

const CheckpointConnection = ConnectionType(ChainCheckpoint, 'ChainCheckpoint');

@Resolver(() => ChainCheckpoint)
export class ChainResolver {
  @Query(() => CheckpointConnection, { description: '哈希链签名检查点 (可读取其流转记录者可见)' })
  @Requires('read', 'ChainCheckpoint')
  chainCheckpoints(
    @Ctx() ctx: RequestContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('county', () => ID, { nullable: true, description: '县区网格' }) county?: string,
  ) {
    return chainService.list(ctx, county ?? null, page);
  }

  @Query(() => [ArchivedEventRun], { description: '已归档月份的哈希链区段 (可读取检查点者可见): 第三方核验时衔接保留的事件' })
  @Requires('read', 'ChainCheckpoint')
  archivedEventRuns(@Ctx() ctx: RequestContext, @Arg('county', () => ID, { nullable: true, description: '县区网格' }) county?: string): Promise<ArchivedEventRun[]> {
    return chainService.archivedRuns(ctx, county ?? null);
  }

  @Query(() => [ChainSigningKey], { description: '检查点签名公钥 (公开, 无需登录)' })
  @Public()
  chainSigningKeys(@Ctx() ctx: RequestContext): Promise<ChainSigningKey[]> {
    return ctx.em.find(ChainSigningKey, {}, { orderBy: { id: 'asc' } });
  }

  @Mutation(() => Boolean, { description: '立即生成检查点 (排入任务队列); false: 本系统未运行任务队列' })
  @Requires('create', 'ChainCheckpoint')
  requestChainCheckpoints(@Ctx() ctx: RequestContext): Promise<boolean> {
    return chainService.request(ctx);
  }
}

/** The text each event's hash is computed from, so a third party can recompute it. */
@Resolver(() => CaseEvent)
export class CaseEventDigestResolver {
  @FieldResolver(() => String, { nullable: true, description: '哈希原文: hash = SHA-256(本字段的 UTF-8 字节)' })
  digestInput(@Ctx() ctx: RequestContext, @Root() event: CaseEvent): Promise<string | null> {
    return chainService.digestText(ctx, event.id);
  }
}
