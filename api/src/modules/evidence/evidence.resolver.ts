import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { Case } from '../case/case.entity';
import { CaseEvidence } from './evidence.entity';
import { evidenceService } from './evidence.service';

@Resolver(() => Case)
export class CaseEvidenceResolver {
  @FieldResolver(() => [CaseEvidence], { description: '证据材料 (上传: POST /cases/{id}/evidence?stage=...)' })
  evidence(@Ctx() ctx: RequestContext, @Root() kase: Case): Promise<CaseEvidence[]> {
    return evidenceService.list(ctx, kase);
  }
}
