import { columns, recordRoots, type ReadCatalog } from '../../data/read-model';
import { PollutionSource } from './source.entity';
import { SourceFilter, type SourceOrder } from './source.inputs';
import { sourceService } from './source.service';

/** What the read compiler answers of pollution sources in SQL. */
export const sourceReads: ReadCatalog = {
  models: [
    {
      type: 'PollutionSource',
      entity: PollutionSource,
      subject: 'PollutionSource',
      fields: {
        id: { kind: 'globalId' },
        ...columns('name', 'creditCode', 'type', 'industry', 'address', 'status', 'supervisionLevel', 'version'),
        location: { kind: 'point', lng: 'lng', lat: 'lat' },
        grid: { kind: 'parent', type: 'Grid', property: 'gridId' },
        cases: { kind: 'children', type: 'Case', property: 'sourceId', order: 'desc' },
      },
    },
  ],
  roots: recordRoots<SourceFilter, SourceOrder>('PollutionSource', { byId: 'source', list: 'sources' }, SourceFilter, sourceService.listQuery),
};
