import { columns, recordRoots, type ReadCatalog } from '../../data/read-model';
import { Grid } from './grid.entity';
import { GridFilter, type GridOrder } from './grid.inputs';
import { gridService } from './grid.service';

/** What the read compiler answers of grids in SQL (their sources and cases are named by type only). */
export const gridReads: ReadCatalog = {
  models: [
    {
      type: 'Grid',
      entity: Grid,
      subject: 'Grid',
      fields: {
        id: { kind: 'globalId' },
        ...columns('code', 'name', 'level', 'kind', 'active', 'hasPlatform', 'illustrative'),
        centroid: { kind: 'point', lng: 'centroidLng', lat: 'centroidLat' },
        parent: { kind: 'parent', type: 'Grid', property: 'parentId' },
        children: { kind: 'children', type: 'Grid', property: 'parentId', order: 'asc' },
        sources: { kind: 'children', type: 'PollutionSource', property: 'gridId', order: 'asc' },
        cases: { kind: 'children', type: 'Case', property: 'gridId', order: 'desc' },
      },
    },
  ],
  // A numeric search also looks for former codes (grid_history).
  roots: recordRoots<GridFilter, GridOrder>('Grid', { byId: 'grid', list: 'grids' }, GridFilter, gridService.listQuery, ['search']),
};
