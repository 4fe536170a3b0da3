import type { Inspection } from '../../inspection/inspection.entity';
import { InspectionFilter } from '../../inspection/inspection.inputs';
import { inspectionService } from '../../inspection/inspection.service';
import { PollutionSource } from '../../source/source.entity';
import { loadVisible } from '../../../data/records';
import { INSPECTION_RESULT, SUPERVISION_LEVEL } from '../enum-labels';
import { gridColumn, idColumn, unitColumns } from '../export-columns';
import { defineExport } from '../export-list';

export const inspectionsExport = defineExport<Inspection, InspectionFilter>({
  name: 'inspections',
  zh: '污染源检查记录',
  en: 'Inspections',
  subject: 'Inspection',
  filter: { type: InspectionFilter, name: 'InspectionFilter' },
  page: (ctx, filter, _order, page) => inspectionService.list(ctx, filter, page),
  columns: [
    { key: 'inspectedOn', zh: '检查日期', en: 'Inspected on', value: (i) => i.inspectedOn },
    { key: 'source', zh: '污染源', en: 'Source', value: async (i, ctx) => (await loadVisible(ctx, PollutionSource, i.sourceId))?.name ?? null },
    { key: 'creditCode', zh: '统一社会信用代码', en: 'Credit code', value: async (i, ctx) => (await loadVisible(ctx, PollutionSource, i.sourceId))?.creditCode ?? null },
    { key: 'supervisionLevel', zh: '监管等级', en: 'Supervision level', type: SUPERVISION_LEVEL, value: (i) => i.supervisionLevel },
    { key: 'result', zh: '检查结果', en: 'Result', type: INSPECTION_RESULT, value: (i) => i.result },
    { key: 'findings', zh: '检查情况', en: 'Findings', value: (i) => i.findings },
    { key: 'inspector', zh: '检查人', en: 'Inspector', value: (i) => i.inspectorName },
    gridColumn('gridCode', '网格编码', 'Grid code', (i) => i.gridId, 'code'),
    ...unitColumns<Inspection>(),
    { key: 'recordedAt', zh: '录入时间', en: 'Recorded at', type: 'datetime', value: (i) => i.recordedAt },
    idColumn(),
  ],
});
