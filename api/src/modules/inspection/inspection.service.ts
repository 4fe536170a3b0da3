import type { FilterQuery } from '@mikro-orm/postgresql';
import { paginate, type ChildConnectionArgs, type Connection, type ConnectionArgs } from '../../common/connection';
import { BadInputError, IllegalTransitionError } from '../../common/errors';
import { fromGlobalId } from '../../common/global-id';
import { childConnection } from '../../data/nested-connection';
import { assertCan, findVisible, loadVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Account } from '../account/account.entity';
import { Case } from '../case/case.entity';
import { beijingDay } from '@gridwatch/domain';
import { Grid } from '../grid/grid.entity';
import { subtreeOf } from '../grid/grid.service';
import { PollutionSource } from '../source/source.entity';
import { SourceStatus } from '../source/source.enums';
import { InspectionFrequency } from './inspection-frequency.entity';
import { Inspection } from './inspection.entity';
import { IntervalUnit } from './inspection.enums';
import type { InspectionFilter, RecordInspectionInput, SetInspectionFrequencyInput } from './inspection.inputs';

/** Sources that exist on the ground; a report still under review, or rejected, is not inspected. */
const INSPECTABLE = new Set([SourceStatus.ACTIVE, SourceStatus.SUSPENDED, SourceStatus.CLOSED]);

/** Linked cases must be about the inspected source (or at least its grid), and visible to the caller. */
async function linkedCases(ctx: RequestContext, source: PollutionSource, ids: string[] = []): Promise<number[]> {
  const cases: Case[] = [];
  for (const id of new Set(ids)) cases.push(await findVisible(ctx, Case, id));
  const unrelated = cases.filter((c) => c.sourceId !== source.id && !(c.sourceId == null && c.gridId === source.gridId));
  if (unrelated.length) {
    throw new BadInputError(`Cases ${unrelated.map((c) => c.number).join(', ')} are not about this source`, [
      { field: 'caseIds', message: 'not about this source or its grid' },
    ]);
  }
  return cases.map((c) => c.id);
}

export const inspectionService = {
  byId: (ctx: RequestContext, id: string): Promise<Inspection> => findVisible(ctx, Inspection, id),

  async list(ctx: RequestContext, filter: InspectionFilter = {}, args: ConnectionArgs): Promise<Connection<Inspection>> {
    const where: FilterQuery<Inspection>[] = [];
    if (filter.withinId) where.push(subtreeOf<Inspection>(await findVisible(ctx, Grid, filter.withinId), 'gridId'));
    if (filter.sourceId) where.push({ sourceId: fromGlobalId('PollutionSource', filter.sourceId) });
    if (filter.result) where.push({ result: filter.result });
    if (filter.from) where.push({ inspectedOn: { $gte: filter.from } });
    if (filter.to) where.push({ inspectedOn: { $lte: filter.to } });
    return paginate(ctx.em, Inspection, { $and: where }, [{ inspectedOn: 'desc' }, { id: 'desc' }], args);
  },

  /** A source's inspections, most recently recorded first (batched over a page of sources). */
  ofSource: (ctx: RequestContext, source: PollutionSource, args: ChildConnectionArgs): Promise<Connection<Inspection>> =>
    childConnection(ctx, { entity: Inspection, subject: 'Inspection', property: 'sourceId', column: 'source_id', order: 'desc' }, source.id, args),

  async record(ctx: RequestContext, input: RecordInspectionInput): Promise<Inspection> {
    const source = await findVisible(ctx, PollutionSource, input.sourceId);
    if (!INSPECTABLE.has(source.status)) {
      throw new IllegalTransitionError(`A ${source.status} source is not inspected; confirm the report first`, {
        currentState: source.status,
        allowedActions: source.status === SourceStatus.PENDING ? ['confirmSource', 'rejectSource'] : [],
      });
    }
    const today = beijingDay(ctx.clock.now());
    if (input.inspectedOn > today) throw new BadInputError('An inspection cannot be in the future', [{ field: 'inspectedOn', message: `after ${today}` }]);
    const account = await loadVisible(ctx, Account, ctx.principal?.accountId);
    const inspection = Object.assign(new Inspection(), {
      cityId: source.cityId,
      countyId: source.countyId ?? null,
      townshipId: source.townshipId ?? null,
      sourceId: source.id,
      gridId: source.gridId,
      inspectedOn: input.inspectedOn,
      supervisionLevel: source.supervisionLevel,
      result: input.result,
      findings: input.findings.trim(),
      officerId: account?.officerId ?? null,
      inspectorName: (ctx.principal?.displayName ?? 'unknown').slice(0, 60),
      recordedById: ctx.principal?.accountId ?? null,
      recordedAt: ctx.clock.now(),
      caseIds: await linkedCases(ctx, source, input.caseIds),
    });
    assertCan(ctx, 'create', inspection);
    await ctx.em.persistAndFlush(inspection);
    return inspection;
  },

  /** The linked cases the caller may see. */
  async cases(ctx: RequestContext, inspection: Inspection): Promise<Case[]> {
    const found = await Promise.all(inspection.caseIds.map((id) => loadVisible(ctx, Case, id)));
    return found.filter((c): c is Case => c !== null);
  },

  frequencies: (ctx: RequestContext): Promise<InspectionFrequency[]> => ctx.em.find(InspectionFrequency, {}, { orderBy: { id: 'asc' } }),

  /** The city changes how often a level is inspected; overdue lists follow at once. */
  async setFrequency(ctx: RequestContext, input: SetInspectionFrequencyInput): Promise<InspectionFrequency> {
    if (input.unit === IntervalUnit.MONTH && input.every > 24) {
      throw new BadInputError('At most every 24 months', [{ field: 'every', message: 'months: 1-24' }]);
    }
    const existing = await ctx.em.findOne(InspectionFrequency, { supervisionLevel: input.supervisionLevel });
    const row = existing ?? Object.assign(new InspectionFrequency(), { supervisionLevel: input.supervisionLevel });
    Object.assign(row, { every: input.every, unit: input.unit });
    assertCan(ctx, existing ? 'update' : 'create', row);
    await ctx.em.persistAndFlush(row);
    return row;
  },
};
