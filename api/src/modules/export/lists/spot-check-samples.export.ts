import { loadVisible } from '../../../data/records';
import { Case } from '../../case/case.entity';
import { Officer } from '../../person/officer.entity';
import { PollutionSource } from '../../source/source.entity';
import type { SpotCheckItem } from '../../spot-check/spot-check-item.entity';
import { SpotCheckCampaign } from '../../spot-check/spot-check.entity';
import { SpotCheckItemFilter } from '../../spot-check/spot-check.inputs';
import { spotCheckService } from '../../spot-check/spot-check.service';
import { SPOT_CHECK_RESULT } from '../enum-labels';
import { gridColumn, idColumn, unitColumns } from '../export-columns';
import { defineExport, type ExportColumn } from '../export-list';

const source = (key: string, zh: string, en: string, field: 'name' | 'creditCode'): ExportColumn<SpotCheckItem> => ({
  key,
  zh,
  en,
  value: async (i, ctx) => (await loadVisible(ctx, PollutionSource, i.sourceId))?.[field] ?? null,
});

/** The sampled sources of campaigns (filter by campaign) with their inspectors and results. */
export const spotCheckSamplesExport = defineExport<SpotCheckItem, SpotCheckItemFilter>({
  name: 'spot-check-samples',
  zh: '双随机抽查对象及结果',
  en: 'Spot-check samples',
  subject: 'SpotCheckItem',
  filter: { type: SpotCheckItemFilter, name: 'SpotCheckItemFilter' },
  page: (ctx, filter, _order, page) => spotCheckService.listItems(ctx, filter, page),
  columns: [
    { key: 'campaign', zh: '抽查任务', en: 'Campaign', value: async (i, ctx) => (await loadVisible(ctx, SpotCheckCampaign, i.campaign.id))?.title ?? null },
    { key: 'drawNo', zh: '抽取序号', en: 'Draw', type: 'number', value: (i) => i.drawNo },
    { key: 'position', zh: '抽中顺序', en: 'Position', type: 'number', value: (i) => i.position + 1 },
    { key: 'stratum', zh: '所在层', en: 'Stratum', value: (i) => i.stratum },
    source('source', '污染源', 'Source', 'name'),
    source('creditCode', '统一社会信用代码', 'Credit code', 'creditCode'),
    gridColumn('gridCode', '网格编码', 'Grid code', (i) => i.gridId, 'code'),
    ...unitColumns<SpotCheckItem>(),
    {
      key: 'inspectors',
      zh: '检查人员',
      en: 'Inspectors',
      value: async (i, ctx) => (await Promise.all(i.inspectorIds.map((id) => loadVisible(ctx, Officer, id)))).map((o) => o?.name ?? '').filter(Boolean).join('、'),
    },
    { key: 'result', zh: '检查结果', en: 'Result', type: SPOT_CHECK_RESULT, value: (i) => i.result },
    { key: 'notes', zh: '检查情况', en: 'Notes', value: (i) => i.notes },
    { key: 'checkedAt', zh: '检查时间', en: 'Checked at', type: 'datetime', value: (i) => i.checkedAt },
    { key: 'caseNumber', zh: '案件编号', en: 'Case number', value: async (i, ctx) => (await loadVisible(ctx, Case, i.caseId))?.number ?? null },
    { key: 'superseded', zh: '已被重新抽取取代', en: 'Superseded', type: 'boolean', value: (i) => i.superseded },
    idColumn(),
  ],
});
