import { UniqueConstraintViolationException, type EntityManager, type FilterQuery, type QueryOrderMap } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { createHash } from 'node:crypto';
import { paginate, type ChildConnectionArgs, type Connection, type ConnectionArgs } from '../../common/connection';
import { BadInputError, ConflictError, ForbiddenError } from '../../common/errors';
import { fromGlobalId } from '../../common/global-id';
import { childConnection } from '../../data/nested-connection';
import { assertCan, findVisible, findVisibleRow, likeEscape, loadVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import type { ListQuery } from '../../data/read-model';
import { initialDeadlines } from './case-clocks';
import { DueState } from '../deadline/deadline.enums';
import { deadlineService } from '../deadline/deadline.service';
import { Grid } from '../grid/grid.entity';
import { subtreeOf } from '../grid/grid.service';
import { monthOf } from '../../common/month';
import { PollutionSource } from '../source/source.entity';
import { CaseCategory } from '../department/case-category.entity';
import { assignFirstHandler } from './case-units';
import { CaseEvent } from './case-event.entity';
import { CaseAction, CaseChannel, CaseOrigin, CaseStatus, CaseUrgency, TICKETED_CHANNELS } from './case.enums';
import { Role } from '../../common/enums';
import { Case } from './case.entity';
import { CaseOrder, type CaseFilter, type ReportCaseInput } from './case.inputs';
import { CASE_SENSITIVE_FIELDS } from './case.policy';

const orderings: Record<CaseOrder, QueryOrderMap<Case>[]> = {
  [CaseOrder.REPORTED_DESC]: [{ reportedAt: 'desc' }, { id: 'desc' }],
  [CaseOrder.REPORTED_ASC]: [{ reportedAt: 'asc' }, { id: 'asc' }],
  [CaseOrder.DUE_ASC]: [{ dueAt: 'asc' }, { id: 'asc' }],
};

/** The unique key of (channel, externalTicket), as the migration names it. */
const TICKET_KEY = 'case_channel_external_ticket_unique';

/** `<county code>-<yyyymmdd in Asia/Shanghai>-<id>`: readable on the phone and unique by construction. */
function caseNumber(countyCode: string, at: Date, id: number): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(at)
    .replaceAll('-', '');
  return `${countyCode.slice(0, 6)}-${day}-${String(id).padStart(6, '0')}`;
}

/** The ids of the units under a visible unit (not itself): where its subordinates' to-dos sit. */
async function unitsBelow(ctx: RequestContext, unitId: string): Promise<number[]> {
  const unit = await findVisible(ctx, Grid, unitId);
  const below = await ctx.em.find(Grid, { $and: [subtreeOf<Grid>(unit), { id: { $ne: unit.id } }] }, { fields: ['id'] });
  return below.length ? below.map((g) => g.id) : [0];
}

export const caseService = {
  /** The latest month, up to now, in which a case visible to the caller was reported (month screens open on it). */
  async latestMonth(ctx: RequestContext): Promise<string | null> {
    const latest = await ctx.em.findOne(Case, { reportedAt: { $lte: ctx.clock.now() } }, { orderBy: { reportedAt: 'desc' }, fields: ['reportedAt'] });
    return latest ? monthOf(latest.reportedAt).label : null;
  },

  /** The `case` query's read: unmanaged (nothing in the request changes it), the asked columns only. */
  byId: (ctx: RequestContext, id: string, info?: GraphQLResolveInfo): Promise<Case> => findVisibleRow(ctx, Case, id, info),

  /** The list's filter and keyset order: the resolvers' page and the compiled read (data/read-compiler.ts) share it. */
  async listQuery(ctx: RequestContext, filter: CaseFilter = {}, order = CaseOrder.REPORTED_DESC): Promise<ListQuery<Case>> {
    const where: FilterQuery<Case>[] = [];
    if (filter.status?.length) where.push({ status: { $in: filter.status } });
    if (filter.origin) where.push({ origin: filter.origin });
    if (filter.categoryId) where.push({ categoryId: fromGlobalId('CaseCategory', filter.categoryId) });
    if (filter.withinId) where.push(subtreeOf<Case>(await findVisible(ctx, Grid, filter.withinId), 'gridId'));
    if (filter.sourceId) where.push({ sourceId: fromGlobalId('PollutionSource', filter.sourceId) });
    if (filter.reportedFrom) where.push({ reportedAt: { $gte: filter.reportedFrom } });
    if (filter.reportedTo) where.push({ reportedAt: { $lt: filter.reportedTo } });
    if (filter.number) where.push({ number: filter.number });
    if (filter.search?.trim()) {
      const pattern = `%${likeEscape(filter.search.trim())}%`;
      where.push({ $or: [{ number: { $ilike: pattern } }, { description: { $ilike: pattern } }, { address: { $ilike: pattern } }] });
    }
    if (filter.handlingUnitId) where.push({ handlingUnitId: fromGlobalId('Grid', filter.handlingUnitId) });
    if (filter.handledBelowId) where.push({ handlingUnitId: { $in: await unitsBelow(ctx, filter.handledBelowId) } });
    if (filter.leadDepartmentId) where.push({ leadDepartmentId: fromGlobalId('Department', filter.leadDepartmentId) });
    if (filter.channel) where.push({ channel: filter.channel });
    if (filter.externalTicket) where.push({ externalTicket: filter.externalTicket });
    if (filter.reportedById) where.push({ reportedById: fromGlobalId('Account', filter.reportedById) });
    if (filter.due === DueState.OVERDUE) where.push({ dueAt: { $lt: ctx.clock.now() } });
    if (filter.due === DueState.DUE_SOON) where.push({ dueAt: { $gte: ctx.clock.now(), $lte: await deadlineService.soonBoundary(ctx) } });
    // Keyset cursors cannot carry a null: ordering by deadline lists the cases that have one.
    if (order === CaseOrder.DUE_ASC) where.push({ dueAt: { $ne: null } });
    return { where: { $and: where }, orderBy: orderings[order] };
  },

  async list(ctx: RequestContext, filter: CaseFilter = {}, order = CaseOrder.REPORTED_DESC, args: ConnectionArgs, info?: GraphQLResolveInfo): Promise<Connection<Case>> {
    const query = await caseService.listQuery(ctx, filter, order);
    return paginate(ctx.em, Case, query.where, query.orderBy, args, { info });
  },

  onGrid: (ctx: RequestContext, grid: Grid, args: ChildConnectionArgs, info?: GraphQLResolveInfo): Promise<Connection<Case>> =>
    childConnection(ctx, { entity: Case, subject: 'Case', property: 'gridId', column: 'grid_id', order: 'desc' }, grid.id, args, { info }),

  onSource: (ctx: RequestContext, source: PollutionSource, args: ChildConnectionArgs, info?: GraphQLResolveInfo): Promise<Connection<Case>> =>
    childConnection(ctx, { entity: Case, subject: 'Case', property: 'sourceId', column: 'source_id', order: 'desc' }, source.id, args, { info }),

  /** The timeline, oldest first. */
  /** A visible case shows its whole timeline (a department sees the events of the cases of its field). */
  events: (ctx: RequestContext, kase: Case, args: ChildConnectionArgs): Promise<Connection<CaseEvent>> =>
    childConnection(ctx, { entity: CaseEvent, property: 'caseId', column: 'case_id', order: 'asc' }, kase.id, args),

  /** Complainant details resolve only for roles that answer complaints (null plus an error otherwise). */
  sensitive(ctx: RequestContext, kase: Case, field: 'complainantName' | 'complainantPhone'): string | null {
    if (!CASE_SENSITIVE_FIELDS.includes(field) || !ctx.ability.can('read', kase, field)) {
      throw new ForbiddenError('Complainant details are not visible to your role');
    }
    return kase[field] ?? null;
  },

  async report(ctx: RequestContext, input: ReportCaseInput): Promise<Case> {
    const grid = await findVisible(ctx, Grid, input.gridId);
    const category = await ctx.em.findOne(CaseCategory, { id: fromGlobalId('CaseCategory', input.categoryId), active: true });
    if (!category) throw new BadInputError('Unknown case category', [{ field: 'categoryId', message: 'unknown or inactive category' }]);
    const source = input.sourceId ? await findVisible(ctx, PollutionSource, input.sourceId) : null;
    if (source && source.countyId !== grid.countyId) {
      throw new BadInputError('The source is in another county than the grid', [{ field: 'sourceId', message: 'other county' }]);
    }
    checkChannel(input);
    const county = await loadVisible(ctx, Grid, grid.countyId);
    const payloadHash = reportHash(input);
    const now = ctx.clock.now();
    const kase = Object.assign(new Case(), {
      ...grid.scope,
      gridId: grid.id,
      categoryId: category.id,
      field: category.defaultField,
      origin: input.origin,
      urgency: input.urgency ?? CaseUrgency.NORMAL,
      description: input.description,
      address: input.address ?? null,
      lng: input.location?.lng ?? null,
      lat: input.location?.lat ?? null,
      mediaUrl: input.mediaUrl ?? null,
      sourceId: source?.id ?? null,
      complainantName: input.complainantName ?? null,
      complainantPhone: input.complainantPhone ?? null,
      channel: channelOf(ctx, input),
      externalTicket: input.externalTicket ?? null,
      status: CaseStatus.REPORTED,
      reportedById: ctx.principal?.accountId ?? null,
      reportedAt: now,
      idempotencyKey: input.idempotencyKey ?? null,
      payloadHash: input.idempotencyKey ? payloadHash : null,
    });
    assertCan(ctx, 'create', kase);
    await assignFirstHandler(ctx, kase, grid);
    await initialDeadlines(ctx, kase, now);
    return reported(ctx.em.transactional(async (em) => {
      if (input.idempotencyKey) {
        const earlier = await earlierReport(em, kase.reportedById ?? null, input.idempotencyKey);
        if (earlier) {
          if (earlier.payloadHash !== payloadHash) throw new ConflictError('This idempotency key was used for another report', { field: 'idempotencyKey' });
          return earlier;
        }
      }
      // Take the id first so the case number can be written with the row.
      const [{ id }] = await em.execute<{ id: number }[]>(`select nextval('case_id_seq')::int as id`);
      Object.assign(kase, { id, number: caseNumber(county?.code ?? grid.code, now, id) });
      em.persist(kase);
      em.persist(
        Object.assign(new CaseEvent(), {
          ...grid.scope,
          caseId: id,
          gridId: grid.id,
          action: CaseAction.REPORT,
          fromStatus: null,
          toStatus: CaseStatus.REPORTED,
          actorId: ctx.principal?.accountId ?? null,
          actorRole: ctx.principal?.role ?? null,
          actorUnitId: ctx.principal?.unitId ?? null,
          at: now,
          dueAt: kase.dueAt ?? null,
        }),
      );
      return kase;
    }));
  },
};

/** A channel belongs to complaints; the hotlines' tickets carry their number (工单号), or they cannot be reconciled. */
function checkChannel(input: ReportCaseInput): void {
  if (input.channel && input.origin !== CaseOrigin.COMPLAINT) {
    throw new BadInputError('Only complaints come through a channel', [{ field: 'channel', message: 'only for origin COMPLAINT' }]);
  }
  if (input.externalTicket && !input.channel) {
    throw new BadInputError('A ticket number belongs to a channel', [{ field: 'externalTicket', message: 'name the channel' }]);
  }
  if (input.channel && TICKETED_CHANNELS.includes(input.channel) && !input.externalTicket?.trim()) {
    throw new BadInputError(`A ${input.channel} complaint carries its ticket number`, [{ field: 'externalTicket', message: 'required for this channel' }]);
  }
}

/** A complaint an integrator files through its API key came in through 第三方接口 unless it names its hotline. */
function channelOf(ctx: RequestContext, input: ReportCaseInput): CaseChannel | null {
  if (input.channel) return input.channel;
  return ctx.principal?.role === Role.API_CLIENT && input.origin === CaseOrigin.COMPLAINT ? CaseChannel.API : null;
}

/**
 * The ticket's unique key is city-wide (a hotline ticket may have been routed to another
 * county, out of the caller's sight), so the index decides; its violation rolled everything back.
 */
async function reported(insert: Promise<Case>): Promise<Case> {
  try {
    return await insert;
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException && error.message.includes(TICKET_KEY)) {
      throw new ConflictError('This ticket number is already on a case of this channel', { reason: 'DUPLICATE_TICKET', field: 'externalTicket' });
    }
    throw error;
  }
}

/** A stable digest of what was reported (key order fixed), to tell a resubmission from a reuse. */
function reportHash(input: ReportCaseInput): string {
  const { idempotencyKey: _key, ...payload } = input;
  const sorted = Object.fromEntries(Object.entries(payload).filter(([, v]) => v != null).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}

/**
 * The case an earlier request made with this key. A transaction-scoped advisory lock on the
 * key serialises concurrent resubmissions (no unique violation aborting the transaction, and
 * nothing held on the connection after commit).
 */
async function earlierReport(em: EntityManager, reporterId: number | null, key: string): Promise<Case | null> {
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`case-report:${reporterId ?? ''}:${key}`]);
  return em.findOne(Case, { reportedById: reporterId, idempotencyKey: key });
}
