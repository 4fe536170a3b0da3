import type { PollutionSource } from '../../source/source.entity';
import { SourceFilter, type SourceOrder } from '../../source/source.inputs';
import { sourceService } from '../../source/source.service';
import { outletService } from '../../source/outlet.service';
import { formatOutlets } from '../../source/source-import.outlets';
import { SOURCE_HEADERS } from '../../source/source.headers';
import { SOURCE_STATUS, SOURCE_TYPE, SUPERVISION_LEVEL } from '../enum-labels';
import { gridColumn, idColumn, unitColumns } from '../export-columns';
import { defineExport, type ExportColumn } from '../export-list';

/** The archive's columns; their headers (source/source.headers.ts) are the ones the source import reads. */
export const sourceColumns: ExportColumn<PollutionSource>[] = [
  { key: 'name', ...SOURCE_HEADERS.name, value: (s) => s.name },
  { key: 'creditCode', ...SOURCE_HEADERS.creditCode, value: (s) => s.creditCode },
  { key: 'sourceCode', ...SOURCE_HEADERS.sourceCode, value: (s) => s.sourceCode },
  { key: 'type', ...SOURCE_HEADERS.type, type: SOURCE_TYPE, value: (s) => s.type },
  { key: 'industry', ...SOURCE_HEADERS.industry, value: (s) => s.industry },
  { key: 'supervisionLevel', ...SOURCE_HEADERS.supervisionLevel, type: SUPERVISION_LEVEL, value: (s) => s.supervisionLevel },
  { key: 'status', ...SOURCE_HEADERS.status, type: SOURCE_STATUS, value: (s) => s.status },
  gridColumn('gridCode', SOURCE_HEADERS.gridCode.zh, SOURCE_HEADERS.gridCode.en, (s) => s.gridId, 'code'),
  gridColumn('gridName', '所在网格', 'Grid', (s) => s.gridId, 'name'),
  ...unitColumns<PollutionSource>(),
  { key: 'address', ...SOURCE_HEADERS.address, value: (s) => s.address },
  { key: 'lng', ...SOURCE_HEADERS.lng, type: 'number', value: (s) => s.lng },
  { key: 'lat', ...SOURCE_HEADERS.lat, type: 'number', value: (s) => s.lat },
  { key: 'outlets', ...SOURCE_HEADERS.outlets, value: async (s, ctx) => formatOutlets(await outletService.onSource(ctx, s)) },
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
