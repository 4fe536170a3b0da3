import { loadVisible } from '../../../data/records';
import { Audit, type AuditRecommendation } from '../../audit/audit.entity';
import { AuditRecommendationFilter } from '../../audit/audit.inputs';
import { auditService } from '../../audit/audit.service';
import { RECOMMENDATION_STATUS } from '../enum-labels';
import { gridColumn, idColumn } from '../export-columns';
import { defineExport } from '../export-list';

/** Audit recommendations (整改意见) and how far they are from closure. */
export const auditRecommendationsExport = defineExport<AuditRecommendation, AuditRecommendationFilter>({
  name: 'audit-recommendations',
  zh: '督查整改意见',
  en: 'Audit recommendations',
  subject: 'AuditRecommendation',
  filter: { type: AuditRecommendationFilter, name: 'AuditRecommendationFilter' },
  page: (ctx, filter, _order, page) => auditService.recommendations(ctx, filter, page),
  columns: [
    { key: 'audit', zh: '督查', en: 'Audit', value: async (r, ctx) => (await loadVisible(ctx, Audit, r.auditId))?.title ?? null },
    gridColumn('auditorUnit', '督查单位', 'Auditor', (r) => r.auditorUnitId, 'name'),
    gridColumn('auditedUnit', '被督查单位', 'Audited unit', (r) => r.auditedUnitId, 'name'),
    { key: 'text', zh: '整改意见', en: 'Recommendation', value: (r) => r.text },
    { key: 'dueOn', zh: '整改期限', en: 'Due on', value: (r) => r.dueOn },
    { key: 'status', zh: '状态', en: 'Status', type: RECOMMENDATION_STATUS, value: (r) => r.status },
    { key: 'response', zh: '整改反馈', en: 'Response', value: (r) => r.response },
    { key: 'respondedAt', zh: '反馈时间', en: 'Responded at', type: 'datetime', value: (r) => r.respondedAt },
    { key: 'closingNote', zh: '销号说明', en: 'Closing note', value: (r) => r.closingNote },
    { key: 'closedAt', zh: '销号时间', en: 'Closed at', type: 'datetime', value: (r) => r.closedAt },
    idColumn(),
  ],
});
