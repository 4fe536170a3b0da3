import { closeSync, openSync, writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { copyChunks } from '../generator/copy-text';
import { buildDataset } from '../generator/dataset';
import { withoutColumn } from './copy';
import { chainedEvents } from './event-chain';
import type { EventSpoolRequest, SpooledTable } from './event-spool';

// The worker of event-spool.ts: the same dataset, its event table replayed from the case log.
const request = workerData as EventSpoolRequest;
const tables = buildDataset({ ...request.dataset, caseLog: request.caseLog });
let events = tables.find((t) => t.table === 'case_event');
if (!events) throw new Error('the dataset has no case_event table');
for (const column of request.without) events = withoutColumn(events, column);
const data = request.chainTx === null ? events : chainedEvents(events, request.chainTx);
const fd = openSync(request.file, 'w');
let rows = 0;
try {
  for (const chunk of copyChunks(data.rows(), (n) => (rows = n))) writeSync(fd, chunk);
} finally {
  closeSync(fd);
}
parentPort?.postMessage({ table: data.table, columns: [...data.columns], rows } satisfies Omit<SpooledTable, 'file'>);
