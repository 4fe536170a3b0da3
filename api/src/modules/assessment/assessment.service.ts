import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../../common/errors';
import { fromGlobalId, toGlobalId } from '../../common/global-id';
import { assertCan, findVisible } from '../../common/records';
import type { RequestContext } from '../../context/request-context';
import { Grid } from '../grid/grid.entity';
import { AssessmentIndicator } from './assessment-indicator.entity';
import { Assessment } from './assessment.entity';
import { AssessmentSubjectType } from './assessment.enums';
import { checkVariables, evaluate, parseFormula, type ParsedFormula } from './assessment-formula';
import type { AssessmentDrillDownInput, AssessmentInput, DefineIndicatorInput } from './assessment.inputs';
import { isMeasure, MEASURE_CODES, measureSubjects, recordsBehind, subjectReadable, unitColumn, type MeasureScope, type SubjectMeasures } from './assessment-measures.sql';
import { readableRowSql } from './assessment-row-scope';
import type { BehindKind } from './assessment-families.sql';
import { periodRange } from './assessment-period';
import { toRow, type AssessmentDrillDown, type AssessmentRowData, type AssessmentTable } from './assessment.types';

export const DEFAULT_RANK_BY = 'COMPOSITE';

/** The global-id type of each kind of subject. */
const SUBJECT_ID_TYPE: Record<AssessmentSubjectType, string> = {
  GRID_WORKER: 'GridWorker',
  OFFICER: 'Officer',
  GRID: 'Grid',
  TOWNSHIP: 'Grid',
  COUNTY: 'Grid',
  DEPARTMENT: 'Department',
};

/** Indicator values of one subject; formulas may read earlier-evaluated indicators (no cycles, checked on definition). */
function indicatorValues(indicators: AssessmentIndicator[], measures: Record<string, number>): Record<string, number | null> {
  const parsed = new Map(indicators.map((i) => [i.code, parseFormula(i.formula)]));
  const values: Record<string, number | null> = {};
  const resolve = (code: string, seen: Set<string>): number | null => {
    if (code in values) return values[code];
    const formula = parsed.get(code)!;
    const scope: Record<string, number | null> = {};
    for (const name of formula.variables) {
      if (isMeasure(name)) scope[name] = measures[name];
      else if (parsed.has(name) && !seen.has(name)) scope[name] = resolve(name, new Set([...seen, code]));
      else scope[name] = null;
    }
    return (values[code] = evaluate(formula, scope));
  };
  for (const indicator of indicators) resolve(indicator.code, new Set());
  return values;
}

/** Competition ranking (1, 2, 2, 4) by one indicator, highest first; rows without a value are unranked. */
function rank(rows: AssessmentRowData[], by: string): void {
  const sorted = rows.filter((r) => r.values[by] != null).sort((a, b) => b.values[by]! - a.values[by]!);
  sorted.forEach((row, index) => {
    row.rank = index > 0 && sorted[index - 1].values[by] === row.values[by] ? sorted[index - 1].rank : index + 1;
  });
}

async function scopeOf(ctx: RequestContext, input: AssessmentInput): Promise<{ scope: MeasureScope; unit: Grid }> {
  const unit = await findVisible(ctx, Grid, input.unitId);
  if (!unitColumn(unit.level)) throw new BadInputError('Assessments are made for a city, county or township', [{ field: 'unitId', message: 'a village is no assessing unit' }]);
  return { unit, scope: { ...periodRange(input.period), unitId: unit.id, unitLevel: unit.level, subjectType: input.subjectType } };
}

/** Every subject of the unit (ranks are over all of them), each marked readable or not by the caller's rules in SQL. */
async function subjectsOf(ctx: RequestContext, scope: MeasureScope): Promise<SubjectMeasures[]> {
  const all = await measureSubjects(ctx.em, scope, readableRowSql(ctx.ability, scope.subjectType));
  if (all.length && !all.some((s) => s.readable)) throw new ForbiddenError(`Your role may not read the assessment of ${scope.subjectType} here`);
  return all;
}

function byCodes(indicators: AssessmentIndicator[], rankBy: string): void {
  if (!indicators.some((i) => i.code === rankBy)) throw new BadInputError(`No indicator ${rankBy} to rank by`, [{ field: 'rankBy', message: 'unknown indicator' }]);
}

async function compute(ctx: RequestContext, input: AssessmentInput, indicators: AssessmentIndicator[], rankBy: string): Promise<{ table: AssessmentTable; rows: AssessmentRowData[]; unit: Grid }> {
  byCodes(indicators, rankBy);
  const { scope, unit } = await scopeOf(ctx, input);
  const all = await subjectsOf(ctx, scope);
  const idType = SUBJECT_ID_TYPE[input.subjectType];
  const rows: AssessmentRowData[] = all.map((s) => ({
    subjectId: toGlobalId(idType, s.id),
    subjectName: s.name,
    rank: null,
    values: indicatorValues(indicators, s.measures),
    measures: s.measures,
  }));
  // Ranks are among every subject of the unit, then the caller sees the rows it may.
  rank(rows, rankBy);
  const readable = new Set(rows.filter((_, index) => all[index].readable));
  // Ranked rows first, in rank order (the sort is stable: ties and the unranked stay in id order).
  rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  const shown = rows.filter((row) => readable.has(row));
  const applicable = indicators.filter((i) => i.subjectTypes.includes(input.subjectType));
  const table = tableOf(input, scope, applicable, rankBy, shown);
  return { table, rows, unit };
}

function tableOf(input: AssessmentInput, scope: { from: Date; to: Date }, indicators: AssessmentIndicator[], rankBy: string, rows: AssessmentRowData[]): AssessmentTable {
  const codes = indicators.map((i) => i.code);
  return {
    period: input.period,
    from: scope.from,
    to: scope.to,
    subjectType: input.subjectType,
    unitId: input.unitId,
    rankBy,
    indicators,
    rows: rows.map((row) => toRow(row, codes, MEASURE_CODES)),
    publishedId: null,
  };
}

async function currentIndicators(ctx: RequestContext): Promise<AssessmentIndicator[]> {
  return ctx.em.find(AssessmentIndicator, { supersededAt: null }, { orderBy: { position: 'asc', code: 'asc' } });
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
    const indicator = Object.assign(new AssessmentIndicator(), {
      code: input.code,
      version: (previous?.version ?? 0) + 1,
      name: input.name,
      description: input.description,
      formula: input.formula,
      unit: input.unit,
      subjectTypes: [...new Set(input.subjectTypes)],
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

  async table(ctx: RequestContext, input: AssessmentInput): Promise<AssessmentTable> {
    return (await compute(ctx, input, await currentIndicators(ctx), input.rankBy ?? DEFAULT_RANK_BY)).table;
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

  /** Stores the figures and the indicator versions; one publication per unit, period and subject type. */
  async publish(ctx: RequestContext, input: AssessmentInput): Promise<Assessment> {
    const indicators = await currentIndicators(ctx);
    const rankBy = input.rankBy ?? DEFAULT_RANK_BY;
    const { rows, unit } = await compute(ctx, input, indicators, rankBy);
    const published = Object.assign(new Assessment(), {
      ...unit.scope,
      unitId: unit.id,
      period: input.period,
      subjectType: input.subjectType,
      rankBy,
      indicatorIds: indicators.map((i) => i.id),
      rows,
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
    const indicators = await ctx.em.find(AssessmentIndicator, { id: { $in: published.indicatorIds } }, { orderBy: { position: 'asc', code: 'asc' } });
    const input = { period: published.period, subjectType: published.subjectType, unitId: toGlobalId('Grid', published.unitId) };
    const applicable = indicators.filter((i) => i.subjectTypes.includes(published.subjectType));
    const table = tableOf(input, periodRange(published.period), applicable, published.rankBy, published.rows);
    return { ...table, publishedId: toGlobalId('PublishedAssessment', published.id) };
  },

  /** Recomputes a publication from today's record with the indicator versions it used. */
  async recompute(ctx: RequestContext, id: string): Promise<AssessmentTable> {
    const published = await findVisible(ctx, Assessment, id);
    const indicators = await ctx.em.find(AssessmentIndicator, { id: { $in: published.indicatorIds } }, { orderBy: { position: 'asc', code: 'asc' } });
    const input = { period: published.period, subjectType: published.subjectType, unitId: toGlobalId('Grid', published.unitId) };
    return (await compute(ctx, input, indicators, published.rankBy)).table;
  },
};

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
