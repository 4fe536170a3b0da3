import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Requires } from '../../auth/requires';
import { ConnectionArgs, ConnectionType } from '../../common/connection';
import { loadChildren, loadVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Grid } from '../grid/grid.entity';
import { GridWorker } from '../person/grid-worker.entity';
import { Officer } from '../person/officer.entity';
import { TrainingAttendance, TrainingCourse, TrainingSession } from './training.entity';
import { TrainingAttendanceInput, TrainingCourseFilter, TrainingCourseInput, TrainingSessionFilter, TrainingSessionInput } from './training.inputs';
import { trainingService } from './training.service';

const TrainingCourseConnection = ConnectionType(TrainingCourse, 'TrainingCourse');
const TrainingSessionConnection = ConnectionType(TrainingSession, 'TrainingSession');

@Resolver(() => TrainingCourse)
export class TrainingCourseResolver {
  @Query(() => TrainingCourse, { description: '按 ID 查培训课程' })
  @Requires('read', 'TrainingCourse')
  trainingCourse(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<TrainingCourse> {
    return trainingService.course(ctx, id);
  }

  @Query(() => TrainingCourseConnection, { description: '培训课程 (本单位及上级、下级组织的), 新建的在前' })
  @Requires('read', 'TrainingCourse')
  trainingCourses(
    @Ctx() ctx: RequestContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => TrainingCourseFilter, { nullable: true }) filter?: TrainingCourseFilter,
  ) {
    return trainingService.courses(ctx, filter, page);
  }

  @Mutation(() => TrainingCourse, { description: '新建培训课程 (组织单位为本单位: 市, 县区或乡镇街道管理员)' })
  @Requires('create', 'TrainingCourse')
  createTrainingCourse(@Ctx() ctx: RequestContext, @Arg('input', () => TrainingCourseInput) input: TrainingCourseInput) {
    return trainingService.createCourse(ctx, input);
  }

  @Mutation(() => TrainingCourse, { description: '修改或停用 (active: false) 培训课程' })
  @Requires('update', 'TrainingCourse')
  updateTrainingCourse(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => TrainingCourseInput) input: TrainingCourseInput,
    @Arg('active', () => Boolean, { defaultValue: true, description: '否: 停用' }) active: boolean,
  ) {
    return trainingService.updateCourse(ctx, id, version, input, active);
  }

  @FieldResolver(() => Grid, { nullable: true, description: '组织单位' })
  unit(@Ctx() ctx: RequestContext, @Root() course: TrainingCourse): Promise<Grid | null> {
    return loadVisible(ctx, Grid, course.unitId);
  }

  @FieldResolver(() => [TrainingSession], { description: '期次 (可见的)' })
  sessions(@Ctx() ctx: RequestContext, @Root() course: TrainingCourse): Promise<TrainingSession[]> {
    return loadChildren(ctx, TrainingSession, 'courseId', course.id);
  }
}

@Resolver(() => TrainingSession)
export class TrainingSessionResolver {
  @Query(() => TrainingSession, { description: '按 ID 查培训期次' })
  @Requires('read', 'TrainingSession')
  trainingSession(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<TrainingSession> {
    return trainingService.session(ctx, id);
  }

  @Query(() => TrainingSessionConnection, { description: '培训期次 (本单位及上级、下级组织的), 日期晚的在前' })
  @Requires('read', 'TrainingSession')
  trainingSessions(
    @Ctx() ctx: RequestContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => TrainingSessionFilter, { nullable: true }) filter?: TrainingSessionFilter,
  ) {
    return trainingService.sessions(ctx, filter, page);
  }

  @Mutation(() => TrainingSession, { description: '新建培训期次 (本单位组织的课程)' })
  @Requires('create', 'TrainingSession')
  createTrainingSession(@Ctx() ctx: RequestContext, @Arg('input', () => TrainingSessionInput) input: TrainingSessionInput) {
    return trainingService.createSession(ctx, input);
  }

  @Mutation(() => TrainingSession, { description: '修改培训期次' })
  @Requires('update', 'TrainingSession')
  updateTrainingSession(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => TrainingSessionInput) input: TrainingSessionInput,
  ) {
    return trainingService.updateSession(ctx, id, version, input);
  }

  @Mutation(() => TrainingSession, { description: '登记参训 (组织单位管理员; 本辖区人员; 已登记的不重复)' })
  @Requires('create', 'TrainingAttendance')
  recordTrainingAttendance(@Ctx() ctx: RequestContext, @Arg('input', () => TrainingAttendanceInput) input: TrainingAttendanceInput) {
    return trainingService.recordAttendance(ctx, input);
  }

  @Mutation(() => TrainingSession, { description: '撤销一条参训记录 (组织单位管理员)' })
  @Requires('deactivate', 'TrainingAttendance')
  removeTrainingAttendance(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return trainingService.removeAttendance(ctx, id);
  }

  @FieldResolver(() => TrainingCourse, { nullable: true, description: '课程' })
  course(@Ctx() ctx: RequestContext, @Root() session: TrainingSession): Promise<TrainingCourse | null> {
    return loadVisible(ctx, TrainingCourse, session.courseId);
  }

  @FieldResolver(() => Grid, { nullable: true, description: '组织单位' })
  unit(@Ctx() ctx: RequestContext, @Root() session: TrainingSession): Promise<Grid | null> {
    return loadVisible(ctx, Grid, session.unitId);
  }

  @FieldResolver(() => [TrainingAttendance], { description: '参训记录 (本辖区可见的人员)' })
  attendance(@Ctx() ctx: RequestContext, @Root() session: TrainingSession): Promise<TrainingAttendance[]> {
    return loadChildren(ctx, TrainingAttendance, 'sessionId', session.id);
  }
}

@Resolver(() => TrainingAttendance)
export class TrainingAttendanceResolver {
  @FieldResolver(() => Officer, { nullable: true, description: '执法人员' })
  officer(@Ctx() ctx: RequestContext, @Root() row: TrainingAttendance): Promise<Officer | null> {
    return loadVisible(ctx, Officer, row.officerId);
  }

  @FieldResolver(() => GridWorker, { nullable: true, description: '环保网格员' })
  gridWorker(@Ctx() ctx: RequestContext, @Root() row: TrainingAttendance): Promise<GridWorker | null> {
    return loadVisible(ctx, GridWorker, row.gridWorkerId);
  }
}
