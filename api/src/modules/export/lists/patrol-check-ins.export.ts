import { GridWorker } from '../../person/grid-worker.entity';
import type { PatrolCheckIn } from '../../patrol/patrol-check-in.entity';
import { PatrolCheckInFilter } from '../../patrol/patrol.inputs';
import { patrolService } from '../../patrol/patrol.service';
import { loadVisible } from '../../../data/records';
import { gridColumn, idColumn, unitColumns } from '../export-columns';
import { defineExport } from '../export-list';

export const patrolCheckInsExport = defineExport<PatrolCheckIn, PatrolCheckInFilter>({
  name: 'patrol-check-ins',
  zh: '巡查签到记录',
  en: 'Patrol check-ins',
  subject: 'PatrolCheckIn',
  filter: { type: PatrolCheckInFilter, name: 'PatrolCheckInFilter' },
  page: (ctx, filter, _order, page) => patrolService.checkIns(ctx, filter, page),
  columns: [
    { key: 'at', zh: '签到时间', en: 'At', type: 'datetime', value: (c) => c.at },
    { key: 'gridWorker', zh: '环保网格员', en: 'Grid worker', value: async (c, ctx) => (await loadVisible(ctx, GridWorker, c.gridWorkerId))?.name ?? null },
    gridColumn('gridCode', '网格编码', 'Grid code', (c) => c.gridId, 'code'),
    gridColumn('grid', '网格', 'Grid', (c) => c.gridId, 'name'),
    ...unitColumns<PatrolCheckIn>(),
    { key: 'lng', zh: '经度', en: 'Longitude', type: 'number', value: (c) => c.lng },
    { key: 'lat', zh: '纬度', en: 'Latitude', type: 'number', value: (c) => c.lat },
    { key: 'outsideBoundary', zh: '网格界外', en: 'Outside boundary', type: 'boolean', value: (c) => c.outsideBoundary },
    { key: 'notes', zh: '备注', en: 'Notes', value: (c) => c.notes ?? null },
    idColumn(),
  ],
});
