import type { GraphQLResolveInfo } from 'graphql';
import { subject } from '@casl/ability';
import type { EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import { paginate, type ChildConnectionArgs, type Connection, type ConnectionArgs } from '../../common/connection';
import { childConnection } from '../../data/nested-connection';
import { BadInputError, ConflictError, IllegalTransitionError } from '../../common/errors';
import { assertCan, assertPermittedFields, assertVersion, findVisible, likeEscape } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import type { ListQuery } from '../../data/read-model';
import { Grid } from '../grid/grid.entity';
import { subtreeOf } from '../grid/grid.service';
import { PollutionSourceChange, SourceChangeAction } from './source-change.entity';
import { PollutionSource } from './source.entity';
import { REVIEW_STATES, SourceStatus, type SupervisionLevel } from './source.enums';
import { SourceOrder, type CreateSourceInput, type SourceFilter, type UpdateSourceInput } from './source.inputs';
import { applyCodes, unusableCode } from './source-codes';
import { sourceCodesTaken } from './source.sql';

const orderings: Record<SourceOrder, QueryOrderMap<PollutionSource>[]> = {
  [SourceOrder.ID_ASC]: [{ id: 'asc' }],
  [SourceOrder.NAME_ASC]: [{ name: 'asc' }, { id: 'asc' }],
  [SourceOrder.UPDATED_DESC]: [{ updatedAt: 'desc' }, { id: 'desc' }],
};

/** The archived fields: what a change history entry can mention. */
export const archivedFields = ['name', 'creditCode', 'sourceCode', 'type', 'industry', 'address', 'lng', 'lat', 'gridId', 'supervisionLevel', 'status'] as const;
export type ArchivedField = (typeof archivedFields)[number];

export function snapshot(source: PollutionSource): Record<ArchivedField, unknown> {
  return Object.fromEntries(archivedFields.map((f) => [f, source[f] ?? null])) as Record<ArchivedField, unknown>;
}

/** Appends a history entry; it is written by the same flush (one transaction) as the change itself. */
export function record(
  ctx: RequestContext,
  em: EntityManager,
  source: PollutionSource,
  action: SourceChangeAction,
  changes: Record<string, [unknown, unknown]>,
  reason: string | null = null,
): void {
  const p = ctx.principal;
  em.persist(
    Object.assign(new PollutionSourceChange(), {
      sourceId: source.id,
      accountId: p?.accountId ?? null,
      actorName: p ? p.displayName.slice(0, 60) : null,
      actorRole: p?.role ?? null,
      at: ctx.clock.now(),
      action,
      changes,
      reason,
    }),
  );
}

function diff(before: Record<ArchivedField, unknown>, after: Record<ArchivedField, unknown>): Record<string, [unknown, unknown]> {
  return Object.fromEntries(archivedFields.filter((f) => before[f] !== after[f]).map((f) => [f, [before[f], after[f]] as [unknown, unknown]]));
}

/** A pending report is decided by confirmSource/rejectSource, never by an edit of its status. */
function assertNoReviewByEdit(source: PollutionSource, status: SourceStatus | undefined): void {
  if (status === undefined || status === source.status) return;
  if (REVIEW_STATES.has(status) || REVIEW_STATES.has(source.status)) {
    throw new IllegalTransitionError(`A source cannot be moved from ${source.status} to ${status} by an edit`, {
      currentState: source.status,
      allowedActions: source.status === SourceStatus.PENDING ? ['confirmSource', 'rejectSource'] : [],
    });
  }
}

/** The decision on a grid worker's report: the record through the scoped em, the version, the state. */
async function loadForReview(ctx: RequestContext, id: string, version: number): Promise<PollutionSource> {
  const source = await findVisible(ctx, PollutionSource, id);
  assertCan(ctx, 'confirm', source);
  assertVersion(source, version, 'source');
  if (source.status !== SourceStatus.PENDING) {
    throw new IllegalTransitionError(`Only a pending source can be confirmed or rejected; this one is ${source.status}`, {
      currentState: source.status,
      allowedActions: [],
    });
  }
  return source;
}

/**
 * A source code names one site nationwide: taken by a source the caller sees is a CONFLICT it
 * can look up; taken outside its territory is refused exactly like an invalid code
 * (source-codes.ts). A credit code may repeat: one unit, several sites.
 */
async function assertCodeFree(ctx: RequestContext, source: PollutionSource, before: unknown): Promise<void> {
  const code = source.sourceCode;
  if (!code || code === before || !(await sourceCodesTaken(ctx.em, [code])).has(code)) return;
  const visible = await ctx.em.findOne(PollutionSource, { sourceCode: code });
  if (!visible || visible.id === source.id) throw unusableCode('sourceCode');
  throw new ConflictError(`${code} is already the source code of ${visible.globalId}`, { field: 'sourceCode' });
}

function fieldsOf(input: UpdateSourceInput | CreateSourceInput): Partial<PollutionSource> {
  const { location, ...rest } = input;
  if ('gridId' in rest) delete (rest as Partial<CreateSourceInput>).gridId;
  const fields: Partial<PollutionSource> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  if (location) Object.assign(fields, { lng: location.lng, lat: location.lat });
  return fields;
}

export const sourceService = {
  byId: (ctx: RequestContext, id: string): Promise<PollutionSource> => findVisible(ctx, PollutionSource, id),

  /** The list's filter and keyset order: the resolvers' page and the compiled read (data/read-compiler.ts) share it. */
  async listQuery(ctx: RequestContext, filter: SourceFilter = {}, order = SourceOrder.ID_ASC): Promise<ListQuery<PollutionSource>> {
    const where: FilterQuery<PollutionSource>[] = [];
    if (filter.withinId) where.push(subtreeOf<PollutionSource>(await findVisible(ctx, Grid, filter.withinId), 'gridId'));
    if (filter.supervisionLevel) where.push({ supervisionLevel: filter.supervisionLevel });
    if (filter.type) where.push({ type: filter.type });
    if (filter.status) where.push({ status: filter.status });
    if (filter.industry) where.push({ industry: filter.industry });
    if (filter.search) {
      const text = likeEscape(filter.search.trim());
      where.push({ $or: [{ name: { $ilike: `%${text}%` } }, { creditCode: text.toUpperCase() }, { sourceCode: text }] });
    }
    return { where: { $and: where }, orderBy: orderings[order] };
  },

  async list(ctx: RequestContext, filter: SourceFilter = {}, order = SourceOrder.ID_ASC, args: ConnectionArgs, info?: GraphQLResolveInfo): Promise<Connection<PollutionSource>> {
    const query = await sourceService.listQuery(ctx, filter, order);
    return paginate(ctx.em, PollutionSource, query.where, query.orderBy, args, { info });
  },

  onGrid: (ctx: RequestContext, grid: Grid, args: ChildConnectionArgs, info?: GraphQLResolveInfo): Promise<Connection<PollutionSource>> =>
    childConnection(ctx, { entity: PollutionSource, subject: 'PollutionSource', property: 'gridId', column: 'grid_id', order: 'asc' }, grid.id, args, { info }),

  /** The change history, newest first; visible to whoever sees the source. */
  history: (ctx: RequestContext, source: PollutionSource, args: ChildConnectionArgs): Promise<Connection<PollutionSourceChange>> =>
    childConnection(ctx, { entity: PollutionSourceChange, property: 'sourceId', column: 'source_id', order: 'desc' }, source.id, args),

  async create(ctx: RequestContext, input: CreateSourceInput): Promise<PollutionSource> {
    const grid = await findVisible(ctx, Grid, input.gridId);
    if (input.status === SourceStatus.REJECTED) {
      throw new BadInputError('A new source cannot start rejected', [{ field: 'status', message: 'REJECTED is set by rejectSource' }]);
    }
    const source = Object.assign(new PollutionSource(), { ...grid.scope, gridId: grid.id }, fieldsOf(input));
    applyCodes(source, input);
    await assertCodeFree(ctx, source, null);
    // Whoever may not register an active source (a grid worker) reports a pending one.
    source.status =
      input.status ?? (ctx.ability.can('create', subject('PollutionSource', { ...source, status: SourceStatus.ACTIVE })) ? SourceStatus.ACTIVE : SourceStatus.PENDING);
    assertCan(ctx, 'create', source);
    await ctx.em.transactional(async (em) => {
      em.persist(source);
      await em.flush();
      record(ctx, em, source, SourceChangeAction.CREATED, Object.fromEntries(Object.entries(snapshot(source)).map(([k, v]) => [k, [null, v]])));
    });
    return source;
  },

  /** An edit of the version the caller saw: a stale version is a CONFLICT and nothing is written. */
  async update(ctx: RequestContext, id: string, version: number, input: UpdateSourceInput): Promise<PollutionSource> {
    const source = await findVisible(ctx, PollutionSource, id);
    assertCan(ctx, 'update', source);
    assertVersion(source, version, 'source');
    assertPermittedFields(ctx, 'update', source, input);
    assertNoReviewByEdit(source, input.status);
    const before = snapshot(source);
    Object.assign(source, fieldsOf(input));
    applyCodes(source, input);
    await assertCodeFree(ctx, source, before.sourceCode);
    assertCan(ctx, 'update', source);
    const changes = diff(before, snapshot(source));
    if (Object.keys(changes).length) record(ctx, ctx.em, source, SourceChangeAction.UPDATED, changes);
    await ctx.em.flush();
    return source;
  },

  async deactivate(ctx: RequestContext, id: string): Promise<PollutionSource> {
    const source = await findVisible(ctx, PollutionSource, id);
    assertCan(ctx, 'deactivate', source);
    assertNoReviewByEdit(source, SourceStatus.CLOSED);
    if (source.status !== SourceStatus.CLOSED) {
      const previous = source.status;
      source.status = SourceStatus.CLOSED;
      record(ctx, ctx.em, source, SourceChangeAction.DEACTIVATED, { status: [previous, SourceStatus.CLOSED] });
      await ctx.em.flush();
    }
    return source;
  },

  /** 确认: a township or county confirms a grid worker's report; it becomes an active source, possibly at another level. */
  async confirm(ctx: RequestContext, id: string, version: number, supervisionLevel?: SupervisionLevel): Promise<PollutionSource> {
    const source = await loadForReview(ctx, id, version);
    const before = snapshot(source);
    source.status = SourceStatus.ACTIVE;
    if (supervisionLevel) source.supervisionLevel = supervisionLevel;
    assertCan(ctx, 'confirm', source);
    record(ctx, ctx.em, source, SourceChangeAction.CONFIRMED, diff(before, snapshot(source)));
    await ctx.em.flush();
    return source;
  },

  /** 不予确认: the report was wrong (no such site, already on file); the record stays, with the reason. */
  async reject(ctx: RequestContext, id: string, version: number, reason: string): Promise<PollutionSource> {
    const source = await loadForReview(ctx, id, version);
    const text = reason.trim();
    if (text.length < 2 || text.length > 500) {
      throw new BadInputError('Give the reason for rejecting the report (2-500 characters)', [{ field: 'reason', message: 'length 2-500' }]);
    }
    source.status = SourceStatus.REJECTED;
    record(ctx, ctx.em, source, SourceChangeAction.REJECTED, { status: [SourceStatus.PENDING, SourceStatus.REJECTED] }, text);
    await ctx.em.flush();
    return source;
  },

  /** 待确认: the reports waiting for a decision, oldest first. */
  pending: (ctx: RequestContext, withinId: string | undefined, args: ConnectionArgs): Promise<Connection<PollutionSource>> =>
    sourceService.list(ctx, { withinId, status: SourceStatus.PENDING }, SourceOrder.ID_ASC, args),
};
