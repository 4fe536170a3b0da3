/**
 * The audits export's hand-written SQL: the counts of findings and recommendations of a batch
 * of audits. The audit ids are those of the page the caller read through the scoped audit
 * list; the samples and recommendations are counted in the request's transaction, where
 * row-level security bounds them (samples follow their audit, recommendations carry the
 * audited unit's scope).
 */
import type { RequestContext } from '../../../context/request-context';
import { pgArray } from '../../patrol/patrol.sql';

export interface AuditCounts {
  samples: number;
  scored: number;
  meets: number;
  attention: number;
  improvementNeeded: number;
  recommendations: number;
  closedRecommendations: number;
}

/** Sample findings and recommendations per audit: one statement for the batch. */
export function auditCounts(ctx: RequestContext, auditIds: readonly number[]): Promise<({ id: number } & AuditCounts)[]> {
  return ctx.em.execute<({ id: number } & AuditCounts)[]>(
    `select a.id,
              (select count(*)::int from audit_sample s where s.audit_id = a.id) as samples,
              (select count(s.score)::int from audit_sample s where s.audit_id = a.id) as scored,
              (select count(*)::int from audit_sample s where s.audit_id = a.id and s.finding = 'MEETS') as meets,
              (select count(*)::int from audit_sample s where s.audit_id = a.id and s.finding = 'ATTENTION') as attention,
              (select count(*)::int from audit_sample s where s.audit_id = a.id and s.finding = 'IMPROVEMENT_NEEDED') as "improvementNeeded",
              (select count(*)::int from audit_recommendation r where r.audit_id = a.id) as recommendations,
              (select count(*)::int from audit_recommendation r where r.audit_id = a.id and r.status = 'CLOSED') as "closedRecommendations"
         from unnest(?::int[]) as a(id)`,
    [pgArray(auditIds)],
  );
}
