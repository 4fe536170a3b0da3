import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { Requires } from '../../auth/requires';
import type { RequestContext } from '../../context/request-context';
import { DischargeOutlet } from './outlet.entity';
import { CreateOutletInput, UpdateOutletInput } from './outlet.inputs';
import { outletService } from './outlet.service';
import { PollutionSource } from './source.entity';

@Resolver(() => DischargeOutlet)
export class OutletResolver {
  @Mutation(() => DischargeOutlet, { description: '新建排放口 (DA001 废气, DW001 废水)' })
  @Requires('create', 'DischargeOutlet')
  createOutlet(@Ctx() ctx: RequestContext, @Arg('input', () => CreateOutletInput) input: CreateOutletInput) {
    return outletService.create(ctx, input);
  }

  @Mutation(() => DischargeOutlet, { description: '修改排放口 (version: 读取时的版本)' })
  @Requires('update', 'DischargeOutlet')
  updateOutlet(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdateOutletInput) input: UpdateOutletInput,
  ) {
    return outletService.update(ctx, id, version, input);
  }

  @Mutation(() => ID, { description: '删除误录的排放口; 返回其 ID' })
  @Requires('deactivate', 'DischargeOutlet')
  deleteOutlet(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return outletService.remove(ctx, id);
  }
}

@Resolver(() => PollutionSource)
export class SourceOutletsResolver {
  @FieldResolver(() => [DischargeOutlet], { description: '排放口, 按编码排序' })
  outlets(@Ctx() ctx: RequestContext, @Root() source: PollutionSource) {
    return outletService.onSource(ctx, source);
  }
}
