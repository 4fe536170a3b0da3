import type { Grid } from '../../grid/grid.entity';
import { GridFilter, type GridOrder } from '../../grid/grid.inputs';
import { gridService } from '../../grid/grid.service';
import { GRID_KIND, GRID_LEVEL } from '../enum-labels';
import { gridColumn, idColumn, unitColumns } from '../export-columns';
import { defineExport } from '../export-list';

export const gridsExport = defineExport<Grid, GridFilter, GridOrder>({
  name: 'grids',
  zh: '网格',
  en: 'Grids',
  subject: 'Grid',
  filter: { type: GridFilter, name: 'GridFilter' },
  order: { name: 'GridOrder' },
  page: (ctx, filter, order, page) => gridService.list(ctx, filter, order, page),
  columns: [
    { key: 'code', zh: '网格编码', en: 'Code', value: (g) => g.code },
    { key: 'name', zh: '名称', en: 'Name', value: (g) => g.name },
    { key: 'level', zh: '层级', en: 'Level', type: GRID_LEVEL, value: (g) => g.level },
    { key: 'kind', zh: '网格类型', en: 'Kind', type: GRID_KIND, value: (g) => g.kind },
    gridColumn('parentCode', '上级网格编码', 'Parent code', (g) => g.parentId, 'code'),
    gridColumn('parentName', '上级网格', 'Parent', (g) => g.parentId, 'name'),
    ...unitColumns<Grid>(),
    { key: 'active', zh: '在用', en: 'Active', type: 'boolean', value: (g) => g.active },
    { key: 'hasPlatform', zh: '数字化城管平台', en: 'Digital platform', type: 'boolean', value: (g) => g.hasPlatform },
    { key: 'illustrative', zh: '示意划分', en: 'Illustrative', type: 'boolean', value: (g) => g.illustrative },
    { key: 'centroidLng', zh: '中心点经度', en: 'Centroid longitude', type: 'number', value: (g) => g.centroidLng },
    { key: 'centroidLat', zh: '中心点纬度', en: 'Centroid latitude', type: 'number', value: (g) => g.centroidLat },
    idColumn(),
  ],
});
