import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { CaseLogData } from '../generator/case-log';
import type { CaseDay } from '../generator/cases';
import { copyChunks } from '../generator/copy-text';
import { buildDataset } from '../generator/dataset';
import { withoutColumn } from './copy';
import type { CaseSpoolRequest, SpooledCases } from './case-spool';

// A worker of case-spool.ts: its runs of days of the case table, each to a file, with their cases' log.
const request = workerData as CaseSpoolRequest;
const count = request.dataset.spec.cases;
// The log the case pass records into (each case at its id); this thread's runs are read back from it.
const log: CaseLogData = {
  grid: new Int32Array(count),
  reportedAt: new Float64Array(count),
  reportedBy: new Int32Array(count),
  origin: new Uint8Array(count),
  urgency: new Uint8Array(count),
  category: new Int32Array(count),
};
const range: CaseDay = { from: 0, to: 0 };
const tables = buildDataset({ ...request.dataset, caseRange: range, caseLog: log });
let cases = tables.find((t) => t.table === 'case');
if (!cases) throw new Error('the dataset has no case table');
for (const column of request.without) cases = withoutColumn(cases, column);
for (const run of request.runs) {
  range.from = run.from;
  range.to = run.to;
  const file = path.join(request.dir, `case-${run.from}.copy`);
  const fd = openSync(file, 'w');
  let rows = 0;
  try {
    for (const chunk of copyChunks(cases.rows(), (n) => (rows = n))) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  const part: CaseLogData = {
    grid: log.grid.slice(run.from, run.to),
    reportedAt: log.reportedAt.slice(run.from, run.to),
    reportedBy: log.reportedBy.slice(run.from, run.to),
    origin: log.origin.slice(run.from, run.to),
    urgency: log.urgency.slice(run.from, run.to),
    category: log.category.slice(run.from, run.to),
  };
  const message: SpooledCases = { ...run, rows, file, log: part };
  parentPort?.postMessage(message, Object.values(part).map((a: { buffer: ArrayBuffer }) => a.buffer));
}
