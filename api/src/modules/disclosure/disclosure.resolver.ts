import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Public, Requires } from '../../auth/requires';
import type { RequestContext } from '../../context/request-context';
import { DisclosureSetting } from './disclosure-setting.entity';
import { SetDisclosureSettingInput } from './disclosure.inputs';
import { disclosureService } from './disclosure.service';
import { PublicCasePage, PublicOnTimeRate } from './public-case.types';

@Resolver(() => DisclosureSetting)
export class DisclosureResolver {
  @Query(() => PublicCasePage, { description: '公开的已结案件 (无需登录, 限流, 脱敏; 范围由市里设定)' })
  @Public()
  publicCases(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 20, description: '每页条数 (1-100)' }) first: number,
    @Arg('after', () => String, { nullable: true, description: '上一页的 endCursor' }) after?: string,
  ): Promise<PublicCasePage> {
    return disclosureService.cases(ctx, first, after ?? null);
  }

  @Query(() => [PublicOnTimeRate], { description: '各区县按期结案率 (公开案件范围内; 无需登录, 限流)' })
  @Public()
  publicOnTimeRates(@Ctx() ctx: RequestContext): Promise<PublicOnTimeRate[]> {
    return disclosureService.onTimeRates(ctx);
  }

  @Query(() => DisclosureSetting, { description: '信息公开设置 (市级)' })
  @Requires('read', 'DisclosureSetting')
  disclosureSetting(@Ctx() ctx: RequestContext): Promise<DisclosureSetting> {
    return disclosureService.setting(ctx);
  }

  @Mutation(() => DisclosureSetting, { description: '设置信息公开 (市环保局)' })
  @Requires('update', 'DisclosureSetting')
  setDisclosureSetting(@Ctx() ctx: RequestContext, @Arg('input', () => SetDisclosureSettingInput) input: SetDisclosureSettingInput): Promise<DisclosureSetting> {
    return disclosureService.set(ctx, input);
  }
}
