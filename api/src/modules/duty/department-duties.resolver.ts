import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { Department } from '../department/department.entity';
import { dutyService } from './duty.service';
import { DutyCell } from './duty.types';

// Here, not in the department's resolver: the duty matrix reads departments, so departments do not import it back.

@Resolver(() => Department)
export class DepartmentDutiesResolver {
  @FieldResolver(() => [DutyCell], { description: '法定职责: 职责矩阵中本部门职能在本级牵头或配合的格' })
  duties(@Ctx() ctx: RequestContext, @Root() department: Department): Promise<DutyCell[]> {
    return dutyService.departmentDuties(ctx, department);
  }
}
