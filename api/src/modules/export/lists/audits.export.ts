import type { RequestContext } from '../../../context/request-context';
import type { Audit } from '../../audit/audit.entity';
import { AuditFilter } from '../../audit/audit.inputs';
import { auditService } from '../../audit/audit.service';
import { AUDIT_FINDING, AUDIT_STATUS, GRID_LEVEL } from '../enum-labels';
import { gridColumn, idColumn } from '../export-columns';
import { defineExport, type ExportColumn } from '../export-list';
import { auditCounts, type AuditCounts } from './audits.sql';

/** Sample findings and recommendations per audit: one statement per batch (rows the caller may read). */
function countsOf(ctx: RequestContext, audit: Audit): Promise<AuditCounts> {
  const loader = ctx.loaders.get<number, AuditCounts>('Audit.exportCounts', async (ids) => {
    const rows = await auditCounts(ctx, ids);
    const byId = new Map(rows.map(({ id, ...counts }) => [id, counts]));
    return ids.map((id) => byId.get(id)!);
  });
  return loader.load(audit.id);
}

const count = (key: keyof AuditCounts, zh: string, en: string): ExportColumn<Audit> => ({
  key,
  zh,
  en,
  type: 'number',
  value: async (a, ctx) => (await countsOf(ctx, a))[key],
});

/** Audits of lower units (督查/稽查) with the counts of their findings and recommendations. */
export const auditsExport = defineExport<Audit, AuditFilter>({
  name: 'audits',
  zh: '督查',
  en: 'Audits',
  subject: 'Audit',
  filter: { type: AuditFilter, name: 'AuditFilter' },
  page: (ctx, filter, _order, page) => auditService.list(ctx, filter, page),
  columns: [
    { key: 'title', zh: '名称', en: 'Title', value: (a) => a.title },
    gridColumn('auditorUnit', '督查单位', 'Auditor', (a) => a.auditorUnitId, 'name'),
    gridColumn('auditedUnitCode', '被督查单位编码', 'Audited unit code', (a) => a.auditedUnitId, 'code'),
    gridColumn('auditedUnit', '被督查单位', 'Audited unit', (a) => a.auditedUnitId, 'name'),
    { key: 'auditedLevel', zh: '被督查单位层级', en: 'Audited level', type: GRID_LEVEL, value: (a) => a.auditedLevel },
    { key: 'periodFrom', zh: '期间起', en: 'Period from', type: 'datetime', value: (a) => a.periodFrom },
    { key: 'periodTo', zh: '期间止', en: 'Period to', type: 'datetime', value: (a) => a.periodTo },
    { key: 'status', zh: '状态', en: 'Status', type: AUDIT_STATUS, value: (a) => a.status },
    { key: 'finding', zh: '总体结论', en: 'Finding', type: AUDIT_FINDING, value: (a) => a.finding },
    count('samples', '抽查要素数', 'Samples'),
    count('scored', '已评分', 'Scored'),
    count('meets', '符合要求', 'Meets'),
    count('attention', '需关注', 'Attention'),
    count('improvementNeeded', '需整改', 'Improvement needed'),
    count('recommendations', '整改意见数', 'Recommendations'),
    count('closedRecommendations', '已销号', 'Closed recommendations'),
    { key: 'summary', zh: '督查意见', en: 'Summary', value: (a) => a.summary },
    { key: 'createdAt', zh: '创建时间', en: 'Created at', type: 'datetime', value: (a) => a.createdAt },
    { key: 'closedAt', zh: '结束时间', en: 'Closed at', type: 'datetime', value: (a) => a.closedAt },
    idColumn(),
  ],
});
