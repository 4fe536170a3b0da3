import type { FilterQuery } from '@mikro-orm/postgresql';
import { paginate, type Connection, type ConnectionArgs } from '../../common/connection';
import { GridLevel } from '../../common/enums';
import { BadInputError } from '../../common/errors';
import { fromGlobalId } from '../../common/global-id';
import { assertCan, assertVersion, findVisible, findVisibleById } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Grid } from '../grid/grid.entity';
import { GridWorker } from '../person/grid-worker.entity';
import { Officer } from '../person/officer.entity';
import type { Person } from '../person/person.entity';
import { TrainingAttendance, TrainingCourse, TrainingSession } from './training.entity';
import type { TrainingAttendanceInput, TrainingCourseFilter, TrainingCourseInput, TrainingSessionFilter, TrainingSessionInput } from './training.inputs';

/** Courses are organised at city, county or township level (分级), never by a village. */
const ORGANISING_LEVELS = new Set<GridLevel>([GridLevel.CITY, GridLevel.COUNTY, GridLevel.TOWNSHIP]);

/** The caller's own unit, which organises what it creates. */
async function organisingUnit(ctx: RequestContext): Promise<Grid> {
  const unit = await findVisibleById(ctx, Grid, ctx.principal?.unitId ?? 0);
  if (!ORGANISING_LEVELS.has(unit.level)) throw new BadInputError('Training is organised at city, county or township level', [{ field: 'unit', message: 'not an organising level' }]);
  return unit;
}

/** Today in Beijing, yyyy-mm-dd, by the injected clock. */
function today(ctx: RequestContext): string {
  return new Date(ctx.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function applyCourse(course: TrainingCourse, input: TrainingCourseInput): void {
  const title = input.title.trim();
  if (title.length < 2) throw new BadInputError('A course needs a title', [{ field: 'title', message: 'blank' }]);
  Object.assign(course, { title, topic: input.topic, audience: input.audience });
}

async function applySession(ctx: RequestContext, session: TrainingSession, input: TrainingSessionInput): Promise<void> {
  const course = await findVisible(ctx, TrainingCourse, input.courseId);
  // A session belongs to a course of the same organiser: its rules are the course's.
  if (course.unitId !== session.unitId) throw new BadInputError('The course is organised by another unit', [{ field: 'courseId', message: 'another unit\'s course' }]);
  const place = input.place.trim();
  if (place.length < 2) throw new BadInputError('A session needs a place', [{ field: 'place', message: 'blank' }]);
  Object.assign(session, { courseId: course.id, heldOn: input.heldOn, place, hours: input.hours ?? session.hours });
}

type PersonKind = 'officer' | 'gridWorker';

export const trainingService = {
  course: (ctx: RequestContext, id: string): Promise<TrainingCourse> => findVisible(ctx, TrainingCourse, id),
  session: (ctx: RequestContext, id: string): Promise<TrainingSession> => findVisible(ctx, TrainingSession, id),

  courses(ctx: RequestContext, filter: TrainingCourseFilter = {}, args: ConnectionArgs): Promise<Connection<TrainingCourse>> {
    const where: FilterQuery<TrainingCourse> = { active: true };
    if (filter.level) where.level = filter.level;
    if (filter.topic) where.topic = filter.topic;
    return paginate(ctx.em, TrainingCourse, where, [{ id: 'desc' }], args);
  },

  sessions(ctx: RequestContext, filter: TrainingSessionFilter = {}, args: ConnectionArgs): Promise<Connection<TrainingSession>> {
    const where: FilterQuery<TrainingSession>[] = [];
    if (filter.courseId) where.push({ courseId: fromGlobalId('TrainingCourse', filter.courseId) });
    if (filter.from) where.push({ heldOn: { $gte: filter.from } });
    if (filter.to) where.push({ heldOn: { $lte: filter.to } });
    return paginate(ctx.em, TrainingSession, { $and: where }, [{ heldOn: 'desc' }, { id: 'desc' }], args);
  },

  async createCourse(ctx: RequestContext, input: TrainingCourseInput): Promise<TrainingCourse> {
    const unit = await organisingUnit(ctx);
    const course = Object.assign(new TrainingCourse(), { ...unit.scope, unitId: unit.id, level: unit.level, createdById: ctx.principal?.accountId ?? null });
    assertCan(ctx, 'create', course);
    applyCourse(course, input);
    await ctx.em.persistAndFlush(course);
    return course;
  },

  async updateCourse(ctx: RequestContext, id: string, version: number, input: TrainingCourseInput, active: boolean): Promise<TrainingCourse> {
    const course = await findVisible(ctx, TrainingCourse, id);
    assertCan(ctx, 'update', course);
    assertVersion(course, version, 'course');
    applyCourse(course, input);
    course.active = active;
    await ctx.em.flush();
    return course;
  },

  async createSession(ctx: RequestContext, input: TrainingSessionInput): Promise<TrainingSession> {
    const unit = await organisingUnit(ctx);
    const session = Object.assign(new TrainingSession(), { ...unit.scope, unitId: unit.id, createdById: ctx.principal?.accountId ?? null });
    assertCan(ctx, 'create', session);
    await applySession(ctx, session, input);
    await ctx.em.persistAndFlush(session);
    return session;
  },

  async updateSession(ctx: RequestContext, id: string, version: number, input: TrainingSessionInput): Promise<TrainingSession> {
    const session = await findVisible(ctx, TrainingSession, id);
    assertCan(ctx, 'update', session);
    assertVersion(session, version, 'session');
    await applySession(ctx, session, input);
    await ctx.em.flush();
    return session;
  },

  /**
   * Records who attended (idempotent: a person already recorded is kept once). Each person is
   * loaded through the scoped manager, so one outside the caller's territory is NOT_FOUND;
   * a session not yet held cannot have attendance.
   */
  async recordAttendance(ctx: RequestContext, input: TrainingAttendanceInput): Promise<TrainingSession> {
    const session = await findVisible(ctx, TrainingSession, input.sessionId);
    assertCan(ctx, 'update', session);
    if (session.heldOn > today(ctx)) throw new BadInputError('The session has not been held yet', [{ field: 'sessionId', message: 'in the future' }]);
    const people: [PersonKind, Person][] = [
      ...(await Promise.all([...new Set(input.officerIds ?? [])].map(async (id) => ['officer', await findVisible(ctx, Officer, id)] as [PersonKind, Person]))),
      ...(await Promise.all([...new Set(input.gridWorkerIds ?? [])].map(async (id) => ['gridWorker', await findVisible(ctx, GridWorker, id)] as [PersonKind, Person]))),
    ];
    if (!people.length) throw new BadInputError('Name at least one attendee', [{ field: 'officerIds', message: 'empty' }]);
    const existing = await ctx.em.find(TrainingAttendance, { sessionId: session.id });
    const recorded = new Set(existing.map((a) => (a.officerId ? `officer:${a.officerId}` : `gridWorker:${a.gridWorkerId}`)));
    for (const [kind, person] of people) {
      if (recorded.has(`${kind}:${person.id}`)) continue;
      const attendance = Object.assign(new TrainingAttendance(), {
        cityId: person.cityId,
        countyId: person.countyId ?? null,
        townshipId: person.townshipId ?? null,
        attendeeUnitId: person.employerUnitId,
        sessionId: session.id,
        sessionUnitId: session.unitId,
        officerId: kind === 'officer' ? person.id : null,
        gridWorkerId: kind === 'gridWorker' ? person.id : null,
        recordedAt: ctx.clock.now(),
        recordedById: ctx.principal?.accountId ?? null,
      });
      assertCan(ctx, 'create', attendance);
      ctx.em.persist(attendance);
    }
    await ctx.em.flush();
    return session;
  },

  async removeAttendance(ctx: RequestContext, id: string): Promise<TrainingSession> {
    const attendance = await findVisible(ctx, TrainingAttendance, id);
    assertCan(ctx, 'deactivate', attendance);
    const session = await findVisibleById(ctx, TrainingSession, attendance.sessionId);
    await ctx.em.removeAndFlush(attendance);
    return session;
  },
};
