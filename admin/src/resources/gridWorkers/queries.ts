import { personSpec } from '../../common/person/personSpec';

export const gridWorkerSpec = personSpec('gridWorkers', 'gridWorker', 'GridWorker', 'employment');
