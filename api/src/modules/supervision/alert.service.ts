import type { FilterQuery } from '@mikro-orm/postgresql';
import { type Connection, type ConnectionArgs, paginate } from '../../common/connection';
import { GridLevel } from '../../common/enums';
import { BadInputError } from '../../common/errors';
import { fromGlobalId, fromGlobalIds, toGlobalId } from '../../common/global-id';
import { assertCan, findVisible, findVisibleById } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Grid } from '../grid/grid.entity';
import { CaseStatus } from '../case/case.enums';
import { CaseAlert } from './case-alert.entity';
import { lateCases, type NoticeColumn } from './late-case-notice.sql';
import type { AcknowledgeAlertInput, AlertFilter } from './supervision.inputs';
import { markRead, readBy, readTimes } from './supervision.sql';
import type { LateCaseNotice } from './supervision.types';

export const MAX_MARKED = 100;
const MAX_NOTICE_DAYS = 366;

const NOTICE_COLUMN: Record<GridLevel, NoticeColumn> = {
  [GridLevel.CITY]: 'city_id',
  [GridLevel.COUNTY]: 'county_id',
  [GridLevel.TOWNSHIP]: 'township_id',
  [GridLevel.VILLAGE]: 'handling_unit_id',
};

/** Read state is a person's: an API key has none. */
function accountOf(ctx: RequestContext, field: string): number {
  const id = ctx.principal?.accountId;
  if (id == null) throw new BadInputError('Read state belongs to a signed-in person', [{ field, message: 'needs a person' }]);
  return id;
}

function where(ctx: RequestContext, filter: AlertFilter): FilterQuery<CaseAlert> {
  const conditions: FilterQuery<CaseAlert>[] = [];
  if (filter.kind?.length) conditions.push({ kind: { $in: filter.kind } });
  if (filter.subject?.length) conditions.push({ subjectKind: { $in: filter.subject } });
  if (filter.acknowledged != null) conditions.push({ acknowledgedAt: filter.acknowledged ? { $ne: null } : null });
  if (filter.unitId) conditions.push({ handlingUnitId: fromGlobalId('Grid', filter.unitId) });
  if (filter.read != null) conditions.push({ [readBy(accountOf(ctx, 'filter.read'), filter.read)]: [] } as FilterQuery<CaseAlert>);
  return conditions.length ? { $and: conditions } : {};
}

/** The alert inbox (催办/督办/通报 on cases, tasks and audit recommendations) and the 通报 notice. */
export const alertService = {
  async list(ctx: RequestContext, filter: AlertFilter = {}, page: ConnectionArgs): Promise<Connection<CaseAlert>> {
    const listed = await paginate(ctx.em, CaseAlert, where(ctx, filter), [{ at: 'desc' }, { id: 'desc' }], page);
    // A raw condition (the read filter) is spent by the statement that uses it: the count builds its own.
    return Object.defineProperty(listed, 'totalCount', { get: () => ctx.em.count(CaseAlert, where(ctx, filter)) });
  },

  /** The badge: alerts the caller sees and has not read (the filter narrows it, as in the list). */
  unreadCount(ctx: RequestContext, filter: AlertFilter = {}): Promise<number> {
    return ctx.em.count(CaseAlert, where(ctx, { ...filter, read: false }));
  },

  /** When the caller read the alert, batched over a page. */
  readAt(ctx: RequestContext, alert: CaseAlert): Promise<Date | null> {
    const account = ctx.principal?.accountId;
    if (account == null) return Promise.resolve(null);
    const loader = ctx.loaders.get<number, Date | null>(`CaseAlert.readAt`, async (ids) => {
      const times = await readTimes(ctx, ids, account);
      return ids.map((id) => times.get(id) ?? null);
    });
    return loader.load(alert.id);
  },

  /** Marks visible alerts read for the caller; already read ones keep their first time. */
  async markRead(ctx: RequestContext, ids: string[]): Promise<CaseAlert[]> {
    const account = accountOf(ctx, 'ids');
    if (ids.length > MAX_MARKED) throw new BadInputError(`At most ${MAX_MARKED} alerts at once`, [{ field: 'ids', message: `1-${MAX_MARKED}` }]);
    const alerts = await ctx.em.find(CaseAlert, { id: { $in: fromGlobalIds('CaseAlert', ids) } });
    for (const alert of alerts) assertCan(ctx, 'update', alert);
    await markRead(ctx, alerts.map((a) => a.id), account, ctx.clock.now());
    return alerts;
  },

  /** 签收: once per alert, for its unit; acknowledging again changes nothing. The acknowledger has read it. */
  async acknowledge(ctx: RequestContext, input: AcknowledgeAlertInput): Promise<CaseAlert> {
    const account = accountOf(ctx, 'id');
    const alert = await findVisible(ctx, CaseAlert, input.id);
    assertCan(ctx, 'update', alert);
    if (!alert.acknowledgedAt) {
      Object.assign(alert, { acknowledgedAt: ctx.clock.now(), acknowledgedById: account, acknowledgementNote: input.note?.trim() || null });
      await ctx.em.flush();
    }
    await markRead(ctx, [alert.id], account, ctx.clock.now());
    return alert;
  },

  /** 通报: the case deadlines missed in [from, to) within a unit (default: the caller's own). */
  async lateCaseNotice(ctx: RequestContext, from: Date, to: Date, unitId?: string): Promise<LateCaseNotice> {
    if (!(from < to)) throw new BadInputError('from must be before to', [{ field: 'to', message: 'after from' }]);
    if (to.getTime() - from.getTime() > MAX_NOTICE_DAYS * 86_400_000) throw new BadInputError(`At most ${MAX_NOTICE_DAYS} days`, [{ field: 'to', message: `within ${MAX_NOTICE_DAYS} days of from` }]);
    const unit = unitId ? await findVisible(ctx, Grid, unitId) : await findVisibleById(ctx, Grid, ctx.principal!.unitId);
    const now = ctx.clock.now();
    const rows = await lateCases(ctx.em, NOTICE_COLUMN[unit.level], unit.id, from, to, now);
    return {
      unitId: toGlobalId('Grid', unit.id),
      unitName: unit.name,
      from,
      to,
      generatedAt: now,
      rows: rows.map((r) => ({
        caseId: toGlobalId('Case', r.case_id),
        caseNumber: r.case_number,
        unitId: r.unit_id == null ? null : toGlobalId('Grid', r.unit_id),
        unitCode: r.unit_code,
        unitName: r.unit_name,
        step: (r.step as CaseStatus | null) ?? null,
        dueAt: r.due_at,
        daysLate: r.days_late,
        leadDepartment: r.lead_department,
        stillOpen: r.still_open,
      })),
    };
  },
};
