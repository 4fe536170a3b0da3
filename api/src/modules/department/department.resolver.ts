import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Requires } from '../../auth/requires';
import { ConnectionArgs, ConnectionType } from '../../common/connection';
import { loadVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { CaseCategory } from './case-category.entity';
import { Grid } from '../grid/grid.entity';
import { Department } from './department.entity';
import { CreateDepartmentInput, DepartmentFilter, UpdateDepartmentInput } from './department.inputs';
import { departmentService } from './department.service';

const DepartmentConnection = ConnectionType(Department, 'Department');

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => Department, { nullable: true, description: '按 ID 查部门 (辖区外或不存在: 空值加 NOT_FOUND)' })
  @Requires('read', 'Department')
  department(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Department> {
    return departmentService.byId(ctx, id);
  }

  @Query(() => DepartmentConnection, { description: '责任主体部门列表' })
  @Requires('read', 'Department')
  departments(
    @Ctx() ctx: RequestContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => DepartmentFilter, { nullable: true }) filter?: DepartmentFilter,
  ) {
    return departmentService.list(ctx, filter, page);
  }

  @FieldResolver(() => Grid, { nullable: true, description: '所属单位' })
  unit(@Ctx() ctx: RequestContext, @Root() department: Department): Promise<Grid | null> {
    return loadVisible(ctx, Grid, department.unitId);
  }

  @FieldResolver(() => Boolean, { description: '有在用账号 (否: 派遣给它的案件无人能受理)' })
  staffed(@Ctx() ctx: RequestContext, @Root() department: Department): Promise<boolean> {
    return departmentService.staffed(ctx, department);
  }

  @FieldResolver(() => [CaseCategory], { description: '部门自有的类别清单 (参考); 派遣建议以法定职责矩阵 (duties) 为准' })
  categories(@Ctx() ctx: RequestContext, @Root() department: Department): Promise<CaseCategory[]> {
    return departmentService.categories(ctx, department);
  }

  @Mutation(() => Department)
  @Requires('create', 'Department')
  createDepartment(@Ctx() ctx: RequestContext, @Arg('input', () => CreateDepartmentInput) input: CreateDepartmentInput) {
    return departmentService.create(ctx, input);
  }

  @Mutation(() => Department)
  @Requires('update', 'Department')
  updateDepartment(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateDepartmentInput) input: UpdateDepartmentInput,
  ) {
    return departmentService.update(ctx, id, input);
  }

  @Mutation(() => Department)
  @Requires('deactivate', 'Department')
  deactivateDepartment(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return departmentService.deactivate(ctx, id);
  }
}
