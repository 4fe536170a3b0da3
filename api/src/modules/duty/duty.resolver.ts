import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Requires } from '../../auth/requires';
import { GridLevel } from '../../common/enums';
import type { RequestContext } from '../../context/request-context';
import { SetDutyCellInput } from './duty.inputs';
import { dutyService } from './duty.service';
import { DutyCell } from './duty.types';

@Resolver(() => DutyCell)
export class DutyResolver {
  @Query(() => [DutyCell], { description: '法定职责矩阵: 每个在用案件类别 × 市、县区、乡镇街道三级' })
  @Requires('read', 'DutyAssignment')
  dutyMatrix(@Ctx() ctx: RequestContext): Promise<DutyCell[]> {
    return dutyService.matrix(ctx);
  }

  @Query(() => [DutyCell], { description: '法定职责矩阵的缺口: 没有牵头部门的格 (应为空)' })
  @Requires('read', 'DutyAssignment')
  dutyMatrixGaps(@Ctx() ctx: RequestContext): Promise<DutyCell[]> {
    return dutyService.gaps(ctx);
  }

  @Mutation(() => DutyCell, { description: '设置法定职责矩阵的一格 (市级)' })
  @Requires('update', 'DutyAssignment')
  setDutyCell(@Ctx() ctx: RequestContext, @Arg('input', () => SetDutyCellInput) input: SetDutyCellInput): Promise<DutyCell> {
    return dutyService.setCell(ctx, input);
  }

  @Mutation(() => DutyCell, { description: '清空法定职责矩阵的一格 (市级); 清空后列入缺口' })
  @Requires('update', 'DutyAssignment')
  clearDutyCell(
    @Ctx() ctx: RequestContext,
    @Arg('categoryId', () => ID) categoryId: string,
    @Arg('level', () => GridLevel) level: GridLevel,
  ): Promise<DutyCell> {
    return dutyService.clearCell(ctx, categoryId, level);
  }
}
