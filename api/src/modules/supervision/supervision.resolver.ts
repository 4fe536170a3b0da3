import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { loadChildren } from '../../common/records';
import type { RequestContext } from '../../context/request-context';
import { Case } from '../case/case.entity';
import { CaseAlert } from './case-alert.entity';

@Resolver(() => Case)
export class CaseAlertsResolver {
  @FieldResolver(() => [CaseAlert], { description: '催办、督办、通报记录' })
  alerts(@Ctx() ctx: RequestContext, @Root() kase: Case): Promise<CaseAlert[]> {
    return loadChildren(ctx, CaseAlert, 'caseId', kase.id);
  }
}
