import type { FilterQuery } from '@mikro-orm/postgresql';
import { paginate, type Connection, type ConnectionArgs } from '../../common/connection';
import { BadInputError, ForbiddenError, IllegalTransitionError } from '../../common/errors';
import { fromGlobalId } from '../../common/global-id';
import { assertCan, findVisible, findVisibleById } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { beijingDay } from '@gridwatch/domain';
import { Grid } from '../grid/grid.entity';
import { newSeed } from '../spot-check/random-draw';
import { AUDIT_ALGORITHM, auditPopulation, drawAudit, kinds, populationHash } from './audit-sampling';
import { Audit, AuditRecommendation, AuditSample } from './audit.entity';
import { AuditElementKind, AuditStatus, RecommendationStatus } from './audit.enums';
import type { AuditFilter, AuditRecommendationFilter, CreateAuditInput, IssueAuditFindingsInput, ScoreAuditSampleInput } from './audit.inputs';

export const today = (ctx: RequestContext): string => beijingDay(ctx.clock.now());

function illegal(status: string, message: string, allowedActions: string[] = []): IllegalTransitionError {
  return new IllegalTransitionError(message, { currentState: status, allowedActions });
}

export interface AuditReplay {
  audit: Audit;
  hashMatches: boolean;
  matches: boolean;
  elements: [AuditElementKind, number][];
}

export const auditService = {
  byId: (ctx: RequestContext, id: string): Promise<Audit> => findVisible(ctx, Audit, id),

  async list(ctx: RequestContext, filter: AuditFilter, args: ConnectionArgs): Promise<Connection<Audit>> {
    return paginate(ctx.em, Audit, filter.status ? { status: filter.status } : {}, [{ id: 'desc' }], args);
  },

  /** Draws the sample of the audited unit's records in the period (seeded, replayable). */
  async create(ctx: RequestContext, input: CreateAuditInput): Promise<Audit> {
    const unit = await findVisible(ctx, Grid, input.auditedUnitId);
    if (input.periodTo <= input.periodFrom) throw new BadInputError('The period ends before it starts', [{ field: 'periodTo', message: 'must be after periodFrom' }]);
    if (input.caseFileCount + input.patrolRecordCount === 0) throw new BadInputError('Sample at least one element', [{ field: 'caseFileCount', message: 'nothing to sample' }]);
    const audit = Object.assign(new Audit(), {
      ...unit.scope,
      title: input.title,
      auditorUnitId: ctx.principal?.unitId,
      auditedUnitId: unit.id,
      auditedLevel: unit.level,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      sampleSizes: { [AuditElementKind.CASE_FILE]: input.caseFileCount, [AuditElementKind.PATROL_RECORD]: input.patrolRecordCount },
      seed: input.seed ?? newSeed(),
      algorithm: AUDIT_ALGORITHM,
      status: AuditStatus.SAMPLED,
      createdById: ctx.principal?.accountId ?? null,
    });
    // Only the level above audits: the city a county, a county one of its townships.
    assertCan(ctx, 'create', audit);
    const population = await auditPopulation(ctx, unit, { from: input.periodFrom, to: input.periodTo });
    if (!kinds.some((kind) => population[kind].length && audit.sampleSizes[kind])) {
      throw new BadInputError('The unit has no records to sample in the period', [{ field: 'periodFrom', message: 'empty population' }]);
    }
    Object.assign(audit, { population, snapshotHash: populationHash(population), outcome: drawAudit(audit.seed, population, audit.sampleSizes) });
    ctx.em.persist(audit);
    await ctx.em.flush();
    audit.outcome.forEach(([kind, elementId], position) =>
      ctx.em.persist(Object.assign(new AuditSample(), { ...unit.scope, auditId: audit.id, kind, elementId, position })),
    );
    await ctx.em.flush();
    return audit;
  },

  replay(audit: Audit): AuditReplay {
    const hashMatches = populationHash(audit.population) === audit.snapshotHash;
    const elements = drawAudit(audit.seed, audit.population, audit.sampleSizes);
    return { audit, hashMatches, elements, matches: hashMatches && JSON.stringify(elements) === JSON.stringify(audit.outcome) };
  },

  samples: (ctx: RequestContext, audit: Audit): Promise<AuditSample[]> => ctx.em.find(AuditSample, { auditId: audit.id }, { orderBy: { position: 'asc' } }),

  recommendationsOf: (ctx: RequestContext, audit: Audit): Promise<AuditRecommendation[]> =>
    ctx.em.find(AuditRecommendation, { auditId: audit.id }, { orderBy: { id: 'asc' } }),

  async score(ctx: RequestContext, input: ScoreAuditSampleInput): Promise<AuditSample> {
    const sample = await findVisible(ctx, AuditSample, input.sampleId);
    const audit = await findVisibleById(ctx, Audit, sample.auditId);
    assertCan(ctx, 'update', audit);
    if (audit.status !== AuditStatus.SAMPLED) throw illegal(audit.status, 'Findings are issued: scores are final');
    Object.assign(sample, { score: input.score, finding: input.finding, note: input.note ?? null, scoredById: ctx.principal?.accountId ?? null });
    await ctx.em.flush();
    return sample;
  },

  async issueFindings(ctx: RequestContext, input: IssueAuditFindingsInput): Promise<Audit> {
    const audit = await findVisible(ctx, Audit, input.auditId);
    assertCan(ctx, 'update', audit);
    if (audit.status !== AuditStatus.SAMPLED) throw illegal(audit.status, 'Findings are already issued');
    const unscored = await ctx.em.count(AuditSample, { auditId: audit.id, score: null });
    if (unscored) throw illegal(audit.status, `${unscored} sampled element(s) are not scored yet`, ['scoreAuditSample']);
    const day = today(ctx);
    const past = input.recommendations.findIndex((r) => r.dueOn < day || Number.isNaN(Date.parse(r.dueOn)));
    if (past >= 0) throw new BadInputError('A due date is invalid or in the past', [{ field: `recommendations.${past}.dueOn`, message: `must be a date from ${day}` }]);
    const now = ctx.clock.now();
    for (const r of input.recommendations) {
      ctx.em.persist(
        Object.assign(new AuditRecommendation(), {
          cityId: audit.cityId,
          countyId: audit.countyId ?? null,
          townshipId: audit.townshipId ?? null,
          auditId: audit.id,
          auditorUnitId: audit.auditorUnitId,
          auditedUnitId: audit.auditedUnitId,
          text: r.text,
          dueOn: r.dueOn,
          status: RecommendationStatus.OPEN,
        }),
      );
    }
    Object.assign(audit, {
      finding: input.finding,
      summary: input.summary,
      findingsIssuedAt: now,
      status: input.recommendations.length ? AuditStatus.FINDINGS_ISSUED : AuditStatus.CLOSED,
      closedAt: input.recommendations.length ? null : now,
    });
    await ctx.em.flush();
    return audit;
  },

  /** The audited unit's answer (整改反馈); it may answer again until the auditor closes it. */
  async respond(ctx: RequestContext, id: string, response: string): Promise<AuditRecommendation> {
    const rec = await findVisible(ctx, AuditRecommendation, id);
    if (!ctx.ability.can('update', rec, 'response') || ctx.principal?.unitId !== rec.auditedUnitId) {
      throw new ForbiddenError('Only the audited unit responds to its recommendations');
    }
    if (rec.status === RecommendationStatus.CLOSED) throw illegal(rec.status, 'The recommendation is closed');
    Object.assign(rec, { response, respondedAt: ctx.clock.now(), status: RecommendationStatus.RESPONDED });
    await ctx.em.flush();
    return rec;
  },

  /** The auditor verifies the response and closes the recommendation (销号); the last one closes the audit. */
  async close(ctx: RequestContext, id: string, note: string): Promise<AuditRecommendation> {
    const rec = await findVisible(ctx, AuditRecommendation, id);
    assertCan(ctx, 'update', rec);
    if (ctx.principal?.unitId !== rec.auditorUnitId) throw new ForbiddenError('Only the auditor closes a recommendation');
    if (rec.status !== RecommendationStatus.RESPONDED) throw illegal(rec.status, 'Only a responded recommendation can be closed', rec.status === RecommendationStatus.OPEN ? ['respondToAuditRecommendation'] : []);
    const now = ctx.clock.now();
    Object.assign(rec, { status: RecommendationStatus.CLOSED, closingNote: note, closedAt: now });
    await ctx.em.flush();
    const open = await ctx.em.count(AuditRecommendation, { auditId: rec.auditId, status: { $ne: RecommendationStatus.CLOSED } });
    if (!open) {
      const audit = await findVisibleById(ctx, Audit, rec.auditId);
      Object.assign(audit, { status: AuditStatus.CLOSED, closedAt: now });
      await ctx.em.flush();
    }
    return rec;
  },

  recommendations(ctx: RequestContext, filter: AuditRecommendationFilter = {}, args: ConnectionArgs): Promise<Connection<AuditRecommendation>> {
    const where: FilterQuery<AuditRecommendation>[] = [];
    if (filter.auditId) where.push({ auditId: fromGlobalId('Audit', filter.auditId) });
    if (filter.status) where.push({ status: filter.status });
    if (filter.overdue != null) {
      const late: FilterQuery<AuditRecommendation> = { status: { $ne: RecommendationStatus.CLOSED }, dueOn: { $lt: today(ctx) } };
      where.push(filter.overdue ? late : { $not: late });
    }
    return paginate(ctx.em, AuditRecommendation, { $and: where }, [{ dueOn: 'asc' }, { id: 'asc' }], args);
  },
};
