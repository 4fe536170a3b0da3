import { creditCodeOfSource, isValidCreditCode, isValidSourceCode } from '@gridwatch/domain';
import type { ErrorCode } from '../../common/errors';
import { fromGlobalId } from '../../common/global-id';
import type { EnumLabels } from '../../common/enum-labels';
import type { ImportTable } from '../../common/import-table';
import { parseOutlets, type OutletCell } from './source-import.outlets';
import { unusableCodeMessage } from './source-codes';
import { SOURCE_HEADERS } from './source.headers';
import { SOURCE_STATUS, SOURCE_TYPE, SUPERVISION_LEVEL } from './source.labels';
import type { ArchivedField } from './source.service';

/** Reading an import file's header and rows into checked values; the plan (source-import.service.ts) matches them to sources. */

export interface ImportProblem {
  /** The line in the file (the header is line 1). */
  line: number;
  /** The column's header as written in the file (or as expected, when missing). */
  column: string | null;
  code: ErrorCode;
  message: string;
}

/** What a file may set: the archive file's columns that are part of the archive (names, counties and times are read-only). */
const importable = ['id', 'name', 'creditCode', 'sourceCode', 'type', 'industry', 'supervisionLevel', 'status', 'gridCode', 'address', 'lng', 'lat', 'outlets'] as const;
export type ImportKey = (typeof importable)[number];
const required: ImportKey[] = ['name', 'type', 'supervisionLevel', 'gridCode'];

type Values = Partial<Record<ArchivedField, unknown>>;

export interface Row {
  line: number;
  id: number | null;
  creditCode: string | null;
  sourceCode: string | null;
  /** The outlets listed (added or renamed; outlets not listed stay); null without the column. */
  outlets: OutletCell[] | null;
  gridCode: string;
  /** Only the columns the file has: a missing column leaves an existing source's field as it is. */
  values: Values;
}

/** Header text (Chinese, English or key, any case) → the column it names. */
const headerIndex = new Map<string, ImportKey>(
  importable
    .flatMap((key) => [SOURCE_HEADERS[key].zh, SOURCE_HEADERS[key].en, key].map((h) => [h.trim().toLowerCase(), key] as const))
    // Files exported before the id moved to the end called it 编号 / ID.
    .concat([['编号', 'id'], ['id', 'id']]),
);
export const headerOf = (key: ImportKey): string => SOURCE_HEADERS[key].zh;

/** Enum cells may hold the Chinese or English label or the value itself. */
function enumReader<E extends string>(labels: EnumLabels<E>): (text: string) => E | undefined {
  const byText = new Map<string, E>();
  for (const value of Object.keys(labels.zh) as E[]) {
    for (const text of [value, labels.zh[value], labels.en[value]]) byText.set(text.toLowerCase(), value);
  }
  return (text) => byText.get(text.toLowerCase());
}
const readers = { type: enumReader(SOURCE_TYPE), supervisionLevel: enumReader(SUPERVISION_LEVEL), status: enumReader(SOURCE_STATUS) };

export class RowProblems {
  readonly list: ImportProblem[] = [];
  add(line: number, column: string | null, code: ErrorCode, message: string): void {
    this.list.push({ line, column, code, message });
  }
}

/** Maps the header row; unknown columns are ignored, a missing required one stops the import. */
export function mapHeaders(table: ImportTable, problems: RowProblems): Map<ImportKey, number> {
  const columns = new Map<ImportKey, number>();
  table.headers.forEach((header, index) => {
    const key = headerIndex.get(header.trim().toLowerCase());
    if (!key) return;
    if (columns.has(key)) problems.add(1, header, 'BAD_USER_INPUT', `The column ${headerOf(key)} appears twice`);
    columns.set(key, index);
  });
  for (const key of required) if (!columns.has(key)) problems.add(1, headerOf(key), 'BAD_USER_INPUT', `The column ${headerOf(key)} is missing`);
  return columns;
}

export function readRow(line: number, cells: string[], columns: Map<ImportKey, number>, headers: string[], problems: RowProblems): Row | null {
  const before = problems.list.length;
  const text = (key: ImportKey): string | undefined => {
    const index = columns.get(key);
    return index == null ? undefined : (cells[index] ?? '').trim();
  };
  const fail = (key: ImportKey, message: string, code: ErrorCode = 'BAD_USER_INPUT'): undefined => {
    problems.add(line, headers[columns.get(key) ?? -1] ?? headerOf(key), code, message);
    return undefined;
  };
  const values: Values = {};
  const optionalText = (key: 'industry' | 'address', max: number): void => {
    const value = text(key);
    if (value === undefined) return;
    if (value.length > max) fail(key, `At most ${max} characters`);
    else values[key] = value || null;
  };

  const name = text('name') ?? '';
  if (!name) fail('name', 'A name is required');
  else if (name.length > 200) fail('name', 'At most 200 characters');
  else values.name = name;

  // A bad code and one registered outside the caller's territory read the same (source-codes.ts).
  let creditCode = text('creditCode')?.toUpperCase() || null;
  if (creditCode && !isValidCreditCode(creditCode)) fail('creditCode', unusableCodeMessage('creditCode', creditCode));
  const sourceCode = text('sourceCode') || null;
  if (sourceCode && !isValidSourceCode(sourceCode)) fail('sourceCode', unusableCodeMessage('sourceCode', sourceCode));
  else if (sourceCode) {
    // The source code names the unit: an empty credit code cell takes the one inside it.
    const inside = creditCodeOfSource(sourceCode);
    if (creditCode && creditCode !== inside) fail('sourceCode', `The source code ${sourceCode} names another unit than the credit code ${creditCode}`);
    creditCode = inside;
  }
  if (columns.has('creditCode') || sourceCode) values.creditCode = creditCode;
  if (columns.has('sourceCode')) values.sourceCode = sourceCode;
  const outletsCell = text('outlets');
  const outlets = outletsCell === undefined ? null : parseOutlets(outletsCell);
  if (typeof outlets === 'string') fail('outlets', outlets);

  for (const key of ['type', 'supervisionLevel', 'status'] as const) {
    const value = text(key);
    if (!value) {
      if (key !== 'status') fail(key, `${headerOf(key)} is required`);
      continue;
    }
    const parsed = readers[key](value);
    if (parsed) values[key] = parsed;
    else fail(key, `Unknown ${headerOf(key)}: ${value}`);
  }
  optionalText('industry', 60);
  optionalText('address', 200);

  const coordinates = (['lng', 'lat'] as const).map((key) => {
    const value = text(key);
    if (!value) return value === undefined ? undefined : null;
    const number = Number(value);
    const limit = key === 'lng' ? 180 : 90;
    return Number.isFinite(number) && Math.abs(number) <= limit ? number : fail(key, `Not a ${key === 'lng' ? 'longitude' : 'latitude'}: ${value}`);
  });
  if ((coordinates[0] == null) !== (coordinates[1] == null)) {
    fail(coordinates[0] == null ? 'lng' : 'lat', 'Give both longitude and latitude, or neither');
  } else if (coordinates[0] !== undefined) {
    values.lng = coordinates[0];
    values.lat = coordinates[1];
  }

  const gridCode = text('gridCode') ?? '';
  if (!gridCode) fail('gridCode', 'A grid code is required');

  const globalId = text('id');
  let id: number | null = null;
  if (globalId) {
    try {
      id = fromGlobalId('PollutionSource', globalId);
    } catch {
      fail('id', `No source ${globalId}`, 'NOT_FOUND');
    }
  }
  return problems.list.length > before || typeof outlets === 'string' ? null : { line, id, creditCode, sourceCode, outlets, gridCode, values };
}
