import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../../common/errors';
import { fromGlobalId, toGlobalId } from '../../common/global-id';
import { assertCan, findVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Grid } from '../grid/grid.entity';
import { SCOPE_FILTER } from '../../auth/scope-filter';
import { AssessmentIndicator } from './assessment-indicator.entity';
import { Assessment } from './assessment.entity';
import type { AssessmentSubjectType } from './assessment.enums';
import { checkVariables, parseFormula, type ParsedFormula } from './assessment-formula';
import type { AssessmentDrillDownInput, AssessmentInput, DefineIndicatorInput } from './assessment.inputs';
import { isMeasure, MEASURE_CODES, measureSubjects, readableSnapshotSubjects, recordsBehind, subjectReadable, unitColumn, type MeasureScope } from './assessment-measures.sql';
import { readableRowSql } from './assessment-row-scope';
import type { BehindKind } from './assessment-families.sql';
import { periodRange } from './assessment-period';
import { appliesTo, indicatorOf, rowsOf, snapshotIndicator, SUBJECT_ID_TYPE, type AssessmentSnapshot } from './assessment-snapshot';
import { toRow, type AssessmentDrillDown, type AssessmentRowData, type AssessmentTable } from './assessment.types';

export const DEFAULT_RANK_BY = 'COMPOSITE';

async function scopeOf(ctx: RequestContext, input: AssessmentInput): Promise<{ scope: MeasureScope; unit: Grid }> {
  const unit = await findVisible(ctx, Grid, input.unitId);
  if (!unitColumn(unit.level)) throw new BadInputError('Assessments are made for a city, county or township', [{ field: 'unitId', message: 'a village is no assessing unit' }]);
  return { unit, scope: { ...periodRange(input.period), unitId: unit.id, unitLevel: unit.level, subjectType: input.subjectType } };
}

function forbidUnreadable(subjectType: AssessmentSubjectType, count: number, readable: Set<string>): void {
  if (count && !readable.size) throw new ForbiddenError(`Your role may not read the assessment of ${subjectType} here`);
}

function byCodes(indicators: { code: string }[], rankBy: string): void {
  if (!indicators.some((i) => i.code === rankBy)) throw new BadInputError(`No indicator ${rankBy} to rank by`, [{ field: 'rankBy', message: 'unknown indicator' }]);
}

const idsOf = (subjectType: AssessmentSubjectType, ids: Iterable<number>): Set<string> => new Set([...ids].map((id) => toGlobalId(SUBJECT_ID_TYPE[subjectType], id)));

/**
 * Every subject of the unit measured from the record with the given indicator versions; ranks
 * are among all of them, and `readable` (the caller's row rules, in SQL) says which it may see.
 */
async function measure(ctx: RequestContext, input: AssessmentInput, indicators: AssessmentIndicator[], rankBy: string): Promise<{ snapshot: AssessmentSnapshot; readable: Set<string>; unit: Grid }> {
  byCodes(indicators, rankBy);
  const { scope, unit } = await scopeOf(ctx, input);
  const all = await measureSubjects(ctx.em, scope, readableRowSql(ctx.ability, scope.subjectType));
  const readable = idsOf(input.subjectType, all.filter((s) => s.readable).map((s) => s.id));
  forbidUnreadable(input.subjectType, all.length, readable);
  const subjects = all.map(({ id, name, code, scope: subjectScope, measures }) => ({ id, name, code: code ?? '', scope: subjectScope, measures }));
  return { snapshot: { rankBy, indicators: indicators.map(snapshotIndicator), subjects }, readable, unit };
}

/** A table of the rows given (readable ones only, when a set is given). */
function tableOf(input: AssessmentInput, snapshot: AssessmentSnapshot, rows: AssessmentRowData[], readable: Set<string> | null, published: Assessment | null): AssessmentTable {
  const applicable = snapshot.indicators.filter((i) => appliesTo(i, input.subjectType));
  const codes = applicable.map((i) => i.code);
  const { from, to } = periodRange(input.period);
  return {
    period: input.period,
    from,
    to,
    subjectType: input.subjectType,
    unitId: input.unitId,
    rankBy: snapshot.rankBy,
    indicators: applicable.map(indicatorOf),
    rows: rows.filter((row) => !readable || readable.has(row.subjectId)).map((row) => toRow(row, codes, MEASURE_CODES)),
    publishedId: published?.globalId ?? null,
    publishedAt: published?.publishedAt ?? null,
  };
}

const inputOf = (published: Assessment): AssessmentInput => ({ period: published.period, subjectType: published.subjectType, unitId: toGlobalId('Grid', published.unitId) });

/**
 * The publication of a unit's period, if any. The Assessment read rule is not the question here:
 * the rows are shown by the AssessmentRow rule (readableSnapshotSubjects); row-level security
 * still bounds the read to the caller's territory.
 */
function publicationOf(ctx: RequestContext, unit: Grid, input: AssessmentInput): Promise<Assessment | null> {
  return ctx.em.findOne(Assessment, { unitId: unit.id, period: input.period, subjectType: input.subjectType }, { filters: { [SCOPE_FILTER]: false } });
}

async function currentIndicators(ctx: RequestContext): Promise<AssessmentIndicator[]> {
  return ctx.em.find(AssessmentIndicator, { supersededAt: null }, { orderBy: { position: 'asc', code: 'asc' } });
}

/** The legacy path, for publications made before snapshots: the record with the versions they name. */
async function recomputeWithoutSnapshot(ctx: RequestContext, published: Assessment): Promise<AssessmentTable> {
  const indicators = await ctx.em.find(AssessmentIndicator, { id: { $in: published.indicatorIds } }, { orderBy: { position: 'asc', code: 'asc' } });
  const input = inputOf(published);
  const { snapshot, readable } = await measure(ctx, input, indicators, published.rankBy);
  return tableOf(input, snapshot, rowsOf(snapshot, input.subjectType), readable, null);
}

export const assessmentService = {
  indicators(ctx: RequestContext, history: boolean): Promise<AssessmentIndicator[]> {
    return ctx.em.find(AssessmentIndicator, history ? {} : { supersededAt: null }, { orderBy: { position: 'asc', code: 'asc', version: 'asc' } });
  },

  /** A new indicator, or a new version of an existing one (the old version stays, superseded). */
  async defineIndicator(ctx: RequestContext, input: DefineIndicatorInput): Promise<AssessmentIndicator> {
    const current = await currentIndicators(ctx);
    const previous = current.find((i) => i.code === input.code) ?? null;
    const parsed = parseFormula(input.formula);
    if (isMeasure(input.code)) throw new BadInputError('An indicator code cannot be a measure name', [{ field: 'code', message: 'is a base measure' }]);
    checkVariables(parsed, new Set(current.map((i) => i.code).filter((code) => code !== input.code)));
    assertNoCycle(input.code, parsed, current);
    const sample = sampleRule(input, previous);
    const indicator = Object.assign(new AssessmentIndicator(), {
      code: input.code,
      version: (previous?.version ?? 0) + 1,
      name: input.name,
      description: input.description,
      formula: input.formula,
      unit: input.unit,
      subjectTypes: [...new Set(input.subjectTypes)],
      ...sample,
      position: input.position ?? previous?.position ?? Math.max(0, ...current.map((i) => i.position)) + 10,
      createdById: ctx.principal?.accountId ?? null,
      createdAt: ctx.clock.now(),
    });
    assertCan(ctx, 'create', indicator);
    if (previous) previous.supersededAt = ctx.clock.now();
    ctx.em.persist(indicator);
    await ctx.em.flush();
    return indicator;
  },

  /** Live from the record with today's indicators; a published period from its snapshot. */
  async table(ctx: RequestContext, input: AssessmentInput): Promise<AssessmentTable> {
    const { unit } = await scopeOf(ctx, input);
    const published = await publicationOf(ctx, unit, input);
    if (published?.snapshot) {
      const snapshot = { ...published.snapshot, rankBy: input.rankBy ?? published.snapshot.rankBy };
      byCodes(snapshot.indicators, snapshot.rankBy);
      const readableSql = readableRowSql(ctx.ability, input.subjectType);
      const readable = idsOf(input.subjectType, await readableSnapshotSubjects(ctx.em, snapshot.subjects, readableSql));
      forbidUnreadable(input.subjectType, snapshot.subjects.length, readable);
      return tableOf(input, snapshot, rowsOf(snapshot, input.subjectType), readable, published);
    }
    const { snapshot, readable } = await measure(ctx, input, await currentIndicators(ctx), input.rankBy ?? DEFAULT_RANK_BY);
    return tableOf(input, snapshot, rowsOf(snapshot, input.subjectType), readable, null);
  },

  /** The records (cases, patrol plans, grids, sources, check-ins) behind one figure of a subject the caller may see. */
  async drillDown(ctx: RequestContext, input: AssessmentDrillDownInput): Promise<AssessmentDrillDown> {
    if (!isMeasure(input.measure)) throw new BadInputError(`No base measure ${input.measure}`, [{ field: 'measure', message: `one of ${MEASURE_CODES.join(', ')}` }]);
    const { scope } = await scopeOf(ctx, input);
    const subjectId = fromGlobalId(SUBJECT_ID_TYPE[input.subjectType], input.subjectId);
    if (!(await subjectReadable(ctx.em, scope, subjectId, readableRowSql(ctx.ability, scope.subjectType)))) throw new NotFoundError(SUBJECT_ID_TYPE[input.subjectType], input.subjectId);
    const behind = await recordsBehind(ctx.em, scope, subjectId, input.measure);
    const ids = (kind: BehindKind) => (behind.get(kind) ?? []).map((id) => toGlobalId(kind, id));
    const caseIds = ids('Case');
    return { measure: input.measure, caseCount: caseIds.length, caseIds, patrolPlanIds: ids('PatrolPlan'), gridIds: ids('Grid'), sourceIds: ids('PollutionSource'), checkInIds: ids('PatrolCheckIn') };
  },

  /**
   * Freezes a period that has ended (by the clock): the snapshot (measured counts, indicator
   * versions with formulas and sample rules) and the figures computed from it. One publication
   * per unit, period and subject type.
   */
  async publish(ctx: RequestContext, input: AssessmentInput): Promise<Assessment> {
    const { to } = periodRange(input.period);
    if (ctx.clock.now() < to) {
      throw new BadInputError(`The period ${input.period} has not ended: it can be published from ${to.toISOString()}`, [{ field: 'period', message: 'not ended' }]);
    }
    const indicators = await currentIndicators(ctx);
    const { snapshot, unit } = await measure(ctx, input, indicators, input.rankBy ?? DEFAULT_RANK_BY);
    const published = Object.assign(new Assessment(), {
      ...unit.scope,
      unitId: unit.id,
      period: input.period,
      subjectType: input.subjectType,
      rankBy: snapshot.rankBy,
      indicatorIds: indicators.map((i) => i.id),
      snapshot,
      rows: rowsOf(snapshot, input.subjectType),
      publishedAt: ctx.clock.now(),
      publishedById: ctx.principal?.accountId ?? null,
    });
    assertCan(ctx, 'create', published);
    try {
      await ctx.em.persist(published).flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new ConflictError(`The ${input.subjectType} assessment of ${input.period} is already published for this unit`);
      throw error;
    }
    return published;
  },

  published(ctx: RequestContext): Promise<Assessment[]> {
    return ctx.em.find(Assessment, {}, { orderBy: { publishedAt: 'desc', id: 'desc' }, limit: 100 });
  },

  async publishedById(ctx: RequestContext, id: string): Promise<Assessment> {
    return findVisible(ctx, Assessment, id);
  },

  /** The stored figures of a publication, as a table. */
  async publishedTable(ctx: RequestContext, published: Assessment): Promise<AssessmentTable> {
    const input = inputOf(published);
    if (published.snapshot) return tableOf(input, published.snapshot, published.rows, null, published);
    const indicators = await ctx.em.find(AssessmentIndicator, { id: { $in: published.indicatorIds } }, { orderBy: { position: 'asc', code: 'asc' } });
    const legacy = { rankBy: published.rankBy, indicators: indicators.map(snapshotIndicator), subjects: [] };
    return tableOf(input, legacy, published.rows, null, published);
  },

  /**
   * Recomputes a publication's figures from its snapshot, which nothing later changes: they must
   * equal the published ones. A publication made before snapshots is recomputed from the record.
   */
  async recompute(ctx: RequestContext, id: string): Promise<AssessmentTable> {
    const published = await findVisible(ctx, Assessment, id);
    if (!published.snapshot) return recomputeWithoutSnapshot(ctx, published);
    return tableOf(inputOf(published), published.snapshot, rowsOf(published.snapshot, published.subjectType), null, published);
  },
};

/** The minimum-sample rule of a new version: as given (0 = none), else the previous version's. */
function sampleRule(input: DefineIndicatorInput, previous: AssessmentIndicator | null): { sampleMeasure: string | null; minSample: number | null } {
  if (input.minSample == null && input.sampleMeasure == null) return { sampleMeasure: previous?.sampleMeasure ?? null, minSample: previous?.minSample ?? null };
  if (input.minSample === 0) return { sampleMeasure: null, minSample: null };
  if (input.minSample == null || input.sampleMeasure == null) throw new BadInputError('A minimum sample names a measure and a count', [{ field: input.minSample == null ? 'minSample' : 'sampleMeasure', message: 'give both' }]);
  if (!isMeasure(input.sampleMeasure)) throw new BadInputError(`No base measure ${input.sampleMeasure}`, [{ field: 'sampleMeasure', message: 'unknown measure' }]);
  return { sampleMeasure: input.sampleMeasure, minSample: input.minSample };
}

/** An indicator must not read itself through others. */
function assertNoCycle(code: string, parsed: ParsedFormula, current: AssessmentIndicator[]): void {
  const formulas = new Map(current.map((i) => [i.code, parseFormula(i.formula).variables]));
  formulas.set(code, parsed.variables);
  const visit = (name: string, path: string[]): void => {
    if (path.includes(name)) throw new BadInputError(`Circular formula: ${[...path, name].join(' → ')}`, [{ field: 'formula', message: 'circular' }]);
    for (const next of formulas.get(name) ?? []) if (formulas.has(next)) visit(next, [...path, name]);
  };
  visit(code, []);
}
