import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, type ClassType } from 'type-graphql';
import { Requires } from '../../auth/requires';
import { ConnectionArgs, ConnectionType } from '../../common/connection';
import { loadVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Grid } from '../grid/grid.entity';
import { GridWorker } from './grid-worker.entity';
import { Officer } from './officer.entity';
import {
  CreateGridWorkerInput,
  CreateOfficerInput,
  PersonFilter,
  UpdateGridWorkerInput,
  UpdateOfficerInput,
} from './person.inputs';
import { gridWorkerService, officerService, personService } from './person.service';

interface Names {
  one: string;
  many: string;
  label: string;
}

/** Officers and grid workers get the same queries and mutations, generated from one definition. */
function personResolver<T extends Officer | GridWorker, C extends object, U extends object>(
  entity: ClassType<T>,
  subject: 'Officer' | 'GridWorker',
  service: ReturnType<typeof personService<T>>,
  createInput: ClassType<C>,
  updateInput: ClassType<U>,
  names: Names,
) {
  const PersonConnection = ConnectionType(entity, subject);

  @Resolver(() => entity)
  class PersonResolver {
    @Query(() => entity, { nullable: true, name: names.one, description: names.label })
    @Requires('read', subject)
    one(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<T> {
      return service.byId(ctx, id);
    }

    @Query(() => PersonConnection, { name: names.many, description: `${names.label}列表` })
    @Requires('read', subject)
    many(
      @Ctx() ctx: RequestContext,
      @Args(() => ConnectionArgs) page: ConnectionArgs,
      @Arg('filter', () => PersonFilter, { nullable: true }) filter?: PersonFilter,
    ) {
      return service.list(ctx, filter, page);
    }

    @FieldResolver(() => String, { nullable: true, description: '联系电话 (敏感信息, 仅管理人员可见)' })
    phone(@Ctx() ctx: RequestContext, @Root() person: T): string | null {
      return service.phone(ctx, person);
    }

    @FieldResolver(() => Grid, { nullable: true, description: '用人单位' })
    employerUnit(@Ctx() ctx: RequestContext, @Root() person: T): Promise<Grid | null> {
      return loadVisible(ctx, Grid, person.employerUnitId);
    }

    @FieldResolver(() => [Grid], { description: '负责的网格' })
    grids(@Ctx() ctx: RequestContext, @Root() person: T): Promise<Grid[]> {
      return service.grids(ctx, person);
    }

    @Mutation(() => entity, { name: `create${subject}` })
    @Requires('create', subject)
    create(@Ctx() ctx: RequestContext, @Arg('input', () => createInput) input: C): Promise<T> {
      return service.create(ctx, input as unknown as Parameters<typeof service.create>[1]);
    }

    @Mutation(() => entity, { name: `update${subject}` })
    @Requires('update', subject)
    update(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => updateInput) input: U): Promise<T> {
      return service.update(ctx, id, input as Parameters<typeof service.update>[2]);
    }

    @Mutation(() => entity, { name: `deactivate${subject}`, description: '离岗/停用' })
    @Requires('deactivate', subject)
    deactivate(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<T> {
      return service.deactivate(ctx, id);
    }
  }
  return PersonResolver;
}

export const OfficerResolver = personResolver(Officer, 'Officer', officerService, CreateOfficerInput, UpdateOfficerInput, {
  one: 'officer',
  many: 'officers',
  label: '执法人员',
});

export const GridWorkerResolver = personResolver(GridWorker, 'GridWorker', gridWorkerService, CreateGridWorkerInput, UpdateGridWorkerInput, {
  one: 'gridWorker',
  many: 'gridWorkers',
  label: '环保网格员',
});

/** Who works on a grid. */
@Resolver(() => Grid)
export class GridStaffResolver {
  @FieldResolver(() => [Officer], { description: '负责本网格的执法人员' })
  officers(@Ctx() ctx: RequestContext, @Root() grid: Grid): Promise<Officer[]> {
    return officerService.onGrid(ctx, grid);
  }

  @FieldResolver(() => [GridWorker], { description: '负责本网格的环保网格员' })
  gridWorkers(@Ctx() ctx: RequestContext, @Root() grid: Grid): Promise<GridWorker[]> {
    return gridWorkerService.onGrid(ctx, grid);
  }
}
