import type { PollutionSource } from '../../source/source.entity';
import { SourceFilter, type SourceOrder } from '../../source/source.inputs';
import { sourceService } from '../../source/source.service';
import { outletService } from '../../source/outlet.service';
import { formatOutlets } from '../../source/source-import.outlets';
import { SOURCE_STATUS, SOURCE_TYPE, SUPERVISION_LEVEL } from '../enum-labels';
import { gridColumn, idColumn, unitColumns } from '../export-columns';
import { defineExport, type ExportColumn } from '../export-list';

/** The archive's columns; the source import reads files with these headers (Chinese, English or key). */
export const sourceColumns: ExportColumn<PollutionSource>[] = [
  { key: 'name', zh: '名称', en: 'Name', value: (s) => s.name },
  { key: 'creditCode', zh: '统一社会信用代码', en: 'Credit code', value: (s) => s.creditCode },
  { key: 'sourceCode', zh: '污染源编码', en: 'Source code', value: (s) => s.sourceCode },
  { key: 'type', zh: '类型', en: 'Type', type: SOURCE_TYPE, value: (s) => s.type },
  { key: 'industry', zh: '行业', en: 'Industry', value: (s) => s.industry },
  { key: 'supervisionLevel', zh: '监管等级', en: 'Supervision level', type: SUPERVISION_LEVEL, value: (s) => s.supervisionLevel },
  { key: 'status', zh: '状态', en: 'Status', type: SOURCE_STATUS, value: (s) => s.status },
  gridColumn('gridCode', '网格编码', 'Grid code', (s) => s.gridId, 'code'),
  gridColumn('gridName', '所在网格', 'Grid', (s) => s.gridId, 'name'),
  ...unitColumns<PollutionSource>(),
  { key: 'address', zh: '地址', en: 'Address', value: (s) => s.address },
  { key: 'lng', zh: '经度', en: 'Longitude', type: 'number', value: (s) => s.lng },
  { key: 'lat', zh: '纬度', en: 'Latitude', type: 'number', value: (s) => s.lat },
  // 排放口 as the import reads them back: "DA001 锅炉废气; DW001 生产废水".
  { key: 'outlets', zh: '排放口', en: 'Outlets', value: async (s, ctx) => formatOutlets(await outletService.onSource(ctx, s)) },
  { key: 'updatedAt', zh: '更新时间', en: 'Updated at', type: 'datetime', value: (s) => s.updatedAt },
  idColumn(),
];

export const sourcesExport = defineExport<PollutionSource, SourceFilter, SourceOrder>({
  name: 'sources',
  zh: '污染源档案',
  en: 'Pollution sources',
  subject: 'PollutionSource',
  filter: { type: SourceFilter, name: 'SourceFilter' },
  order: { name: 'SourceOrder' },
  page: (ctx, filter, order, page) => sourceService.list(ctx, filter, order, page),
  columns: sourceColumns,
});
