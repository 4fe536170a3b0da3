import type { GridWorker } from '../../person/grid-worker.entity';
import { PersonFilter } from '../../person/person.inputs';
import { gridWorkerService } from '../../person/person.service';
import { EMPLOYMENT } from '../enum-labels';
import { defineExport } from '../export-list';
import { personColumns } from './person-columns';

export const gridWorkersExport = defineExport<GridWorker, PersonFilter>({
  name: 'grid-workers',
  zh: '环保网格员',
  en: 'Grid workers',
  subject: 'GridWorker',
  filter: { type: PersonFilter, name: 'PersonFilter' },
  page: (ctx, filter, _order, page) => gridWorkerService.list(ctx, filter, page),
  columns: personColumns(gridWorkerService.grids, [{ key: 'employment', zh: '用工类型', en: 'Employment', type: EMPLOYMENT, value: (w) => w.employment }]),
});
