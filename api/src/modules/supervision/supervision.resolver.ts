import { Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Requires } from '../../auth/requires';
import { loadChildren } from '../../common/records';
import type { RequestContext } from '../../context/request-context';
import { Case } from '../case/case.entity';
import { CaseAlert } from './case-alert.entity';
import { sweepOnDemand } from './deadline-sweep.service';
import { SweepResult } from './supervision.types';

@Resolver(() => Case)
export class CaseAlertsResolver {
  @FieldResolver(() => [CaseAlert], { description: '催办、督办、通报记录' })
  alerts(@Ctx() ctx: RequestContext, @Root() kase: Case): Promise<CaseAlert[]> {
    return loadChildren(ctx, CaseAlert, 'caseId', kase.id);
  }
}

@Resolver()
export class DeadlineSweepResolver {
  @Mutation(() => SweepResult, { description: '立即执行时限巡检 (催办、督办、通报、无平台超时自动上报), 与定时巡检不重复' })
  @Requires('create', 'CaseAlert')
  runDeadlineSweep(@Ctx() ctx: RequestContext): Promise<SweepResult> {
    return sweepOnDemand(ctx);
  }
}
