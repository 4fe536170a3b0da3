import { creditCodeOfSource, isValidCreditCode, isValidSourceCode } from '@gridwatch/seeds';
import { permittedFieldsOf } from '@casl/ability/extra';
import { subject } from '@casl/ability';
import { BadInputError, ForbiddenError, type ErrorCode } from '../../common/errors';
import { fromGlobalId } from '../../common/global-id';
import type { RequestContext } from '../../context/request-context';
import { Grid } from '../grid/grid.entity';
import { SOURCE_STATUS, SOURCE_TYPE, SUPERVISION_LEVEL, type EnumLabels } from '../export/enum-labels';
import { sourceColumns } from '../export/lists/sources.export';
import { SourceChangeAction } from './source-change.entity';
import { PollutionSource } from './source.entity';
import { SourceStatus } from './source.enums';
import { archivedFields, record, snapshot, type ArchivedField } from './source.service';
import { readImportTable, type ImportTable } from './source-import.parse';
import { parseOutlets, planOutlets, writeOutlets, type OutletCell, type OutletPlan } from './source-import.outlets';
import { unusableCodeMessage } from './source-codes';
import { sourceCodesTaken } from './source.sql';

export interface ImportProblem {
  /** The line in the file (the header is line 1). */
  line: number;
  /** The column's header as written in the file (or as expected, when missing). */
  column: string | null;
  code: ErrorCode;
  message: string;
}

export interface SourceImportResult {
  dryRun: boolean;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: ImportProblem[];
}

export const IMPORT_MAX_ROWS = 20_000;

/** What a file may set: the export's columns that are part of the archive (names, counties and times are read-only). */
const importable = ['id', 'name', 'creditCode', 'sourceCode', 'type', 'industry', 'supervisionLevel', 'status', 'gridCode', 'address', 'lng', 'lat', 'outlets'] as const;
type ImportKey = (typeof importable)[number];
const required: ImportKey[] = ['name', 'type', 'supervisionLevel', 'gridCode'];

type Values = Partial<Record<ArchivedField, unknown>>;

interface Row {
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
  sourceColumns
    .filter((c): c is typeof c & { key: ImportKey } => (importable as readonly string[]).includes(c.key))
    .flatMap((c) => [c.zh, c.en, c.key].map((h) => [h.trim().toLowerCase(), c.key] as const)),
);
const headerOf = (key: ImportKey): string => sourceColumns.find((c) => c.key === key)?.zh ?? key;

/** Enum cells may hold the Chinese or English label or the value itself. */
function enumReader<E extends string>(labels: EnumLabels<E>): (text: string) => E | undefined {
  const byText = new Map<string, E>();
  for (const value of Object.keys(labels.zh) as E[]) {
    for (const text of [value, labels.zh[value], labels.en[value]]) byText.set(text.toLowerCase(), value);
  }
  return (text) => byText.get(text.toLowerCase());
}
const readers = { type: enumReader(SOURCE_TYPE), supervisionLevel: enumReader(SUPERVISION_LEVEL), status: enumReader(SOURCE_STATUS) };

class RowProblems {
  readonly list: ImportProblem[] = [];
  add(line: number, column: string | null, code: ErrorCode, message: string): void {
    this.list.push({ line, column, code, message });
  }
}

/** Maps the header row; unknown columns are ignored, a missing required one stops the import. */
function mapHeaders(table: ImportTable, problems: RowProblems): Map<ImportKey, number> {
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

function readRow(line: number, cells: string[], columns: Map<ImportKey, number>, headers: string[], problems: RowProblems): Row | null {
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

/** The field names CASL rules use for the archived fields (a location is one field). */
const ruleField = (field: ArchivedField): string => (field === 'lng' || field === 'lat' ? 'location' : field);

export const sourceImportService = {
  /**
   * Reads a file of sources and inserts or updates them by source code (else by credit code
   * when the row has no source code and one source has it, else by the export's 编号, else by
   * grid and name among sources without a code); listed outlets are added or renamed. Every row is checked first, as
   * the caller: when any row is wrong, or on a dry run, nothing is written.
   */
  async import(ctx: RequestContext, file: Buffer, dryRun: boolean): Promise<SourceImportResult> {
    if (!ctx.ability.can('create', 'PollutionSource') && !ctx.ability.can('update', 'PollutionSource')) {
      throw new ForbiddenError('Your role may not import sources');
    }
    const table = await readImportTable(file);
    const problems = new RowProblems();
    const result = { dryRun, rows: table.rows.length, inserted: 0, updated: 0, unchanged: 0, errors: problems.list };
    if (table.rows.length > IMPORT_MAX_ROWS) {
      throw new BadInputError(`At most ${IMPORT_MAX_ROWS} rows per file: split it`, [{ field: 'file', message: 'too many rows' }]);
    }
    const columns = mapHeaders(table, problems);
    if (problems.list.length) return result;
    const rows = table.rows.flatMap(({ line, cells }) => readRow(line, cells, columns, table.headers, problems) ?? []);
    const plan = await planRows(ctx, rows, columns, table.headers, problems);
    problems.list.sort((a, b) => a.line - b.line);
    if (problems.list.length || dryRun) {
      // The planned changes stay unflushed: drop them, so no later flush can write them.
      ctx.em.clear();
      if (problems.list.length) return result;
    } else {
      await write(ctx, plan);
    }
    const updated = plan.updates.length + plan.outletOnly;
    return Object.assign(result, { inserted: plan.inserts.length, updated, unchanged: rows.length - plan.inserts.length - updated });
  },
};

interface Plan {
  inserts: PollutionSource[];
  updates: { source: PollutionSource; changes: Record<string, [unknown, unknown]> }[];
  outlets: OutletPlan;
  /** Rows whose only change is to outlets: counted as updated. */
  outletOnly: number;
}

async function planRows(ctx: RequestContext, rows: Row[], columns: Map<ImportKey, number>, headers: string[], problems: RowProblems): Promise<Plan> {
  const column = (key: ImportKey): string => headers[columns.get(key) ?? -1] ?? headerOf(key);
  const grids = new Map((await ctx.em.find(Grid, { code: { $in: [...new Set(rows.map((r) => r.gridCode))] } })).map((g) => [g.code, g]));
  const siteCodes = [...new Set(rows.flatMap((r) => r.sourceCode ?? []))];
  const bySite = new Map((siteCodes.length ? await ctx.em.find(PollutionSource, { sourceCode: { $in: siteCodes } }) : []).map((s) => [s.sourceCode, s]));
  const takenElsewhere = await sourceCodesTaken(ctx.em, siteCodes.filter((code) => !bySite.has(code)));
  // A credit code may name several sites of one unit: it matches a row only without a source code.
  const creditCodes = [...new Set(rows.flatMap((r) => (r.sourceCode ? [] : (r.creditCode ?? []))))];
  const byCredit = new Map<string, PollutionSource[]>();
  for (const s of creditCodes.length ? await ctx.em.find(PollutionSource, { creditCode: { $in: creditCodes } }) : []) byCredit.set(s.creditCode!, [...(byCredit.get(s.creditCode!) ?? []), s]);
  const byId = new Map((await ctx.em.find(PollutionSource, { id: { $in: rows.flatMap((r) => r.id ?? []) } })).map((s) => [s.id, s]));
  const unnamed = rows.filter((r) => !r.creditCode && !r.sourceCode && r.id == null);
  const byName = new Map<string, PollutionSource[]>();
  const namedAlike = unnamed.length
    ? await ctx.em.find(PollutionSource, {
        creditCode: null,
        sourceCode: null,
        gridId: { $in: unnamed.flatMap((r) => grids.get(r.gridCode)?.id ?? []) },
        name: { $in: unnamed.map((r) => String(r.values.name)) },
      })
    : [];
  for (const s of namedAlike) byName.set(`${s.gridId}|${s.name}`, [...(byName.get(`${s.gridId}|${s.name}`) ?? []), s]);

  const plan: Plan = { inserts: [], updates: [], outlets: { add: [], rename: [] }, outletOnly: 0 };
  const matched: { row: Row; source: PollutionSource; isNew: boolean }[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const grid = grids.get(row.gridCode);
    if (!grid) {
      problems.add(row.line, column('gridCode'), 'NOT_FOUND', `No grid ${row.gridCode} in your territory`);
      continue;
    }
    const site = row.sourceCode ? bySite.get(row.sourceCode) : undefined;
    // Taken outside the territory: the same answer as for a code that is not valid at all.
    if (row.sourceCode && !site && takenElsewhere.has(row.sourceCode)) {
      problems.add(row.line, column('sourceCode'), 'BAD_USER_INPUT', unusableCodeMessage('sourceCode', row.sourceCode));
      continue;
    }
    const sameUnit = !row.sourceCode && row.creditCode && row.id == null ? (byCredit.get(row.creditCode) ?? []) : [];
    const named = !row.creditCode && !row.sourceCode && row.id == null ? (byName.get(`${grid.id}|${String(row.values.name)}`) ?? []) : [];
    if (sameUnit.length > 1 || named.length > 1) {
      const which = sameUnit.length > 1 ? `${sameUnit.length} sources have the credit code ${row.creditCode}` : `${named.length} sources without a code are named so on grid ${grid.code}`;
      problems.add(row.line, column(sameUnit.length > 1 ? 'creditCode' : 'name'), 'CONFLICT', `${which}: give the 污染源编码 or the 编号`);
      continue;
    }
    if (row.id != null && !byId.has(row.id)) {
      problems.add(row.line, column('id'), 'NOT_FOUND', 'No such source in your territory');
      continue;
    }
    const found = site ?? sameUnit[0];
    if (found && row.id != null && found.id !== row.id) {
      problems.add(row.line, column('id'), 'CONFLICT', `The code ${row.sourceCode ?? row.creditCode} belongs to another source than this 编号`);
      continue;
    }
    const existing = found ?? (row.id != null ? byId.get(row.id) : named[0]);
    const key = existing ? `source:${existing.id}` : row.sourceCode ? `site:${row.sourceCode}` : row.creditCode ? `code:${row.creditCode}` : `name:${grid.id}|${String(row.values.name)}`;
    const earlier = seen.get(key);
    if (earlier) {
      problems.add(row.line, null, 'CONFLICT', `Line ${earlier} is about the same source`);
      continue;
    }
    seen.set(key, row.line);
    const source = existing ? planUpdate(ctx, row, grid, existing, plan, problems, column('creditCode')) : planInsert(ctx, row, grid, plan, problems);
    if (source && row.outlets) matched.push({ row, source, isNew: !existing });
  }
  const outletsChanged = await planOutlets(ctx, matched, column('outlets'), plan.outlets, problems);
  plan.outletOnly = [...outletsChanged].filter((s) => !plan.inserts.includes(s) && !plan.updates.some((u) => u.source === s)).length;
  return plan;
}

function planInsert(ctx: RequestContext, row: Row, grid: Grid, plan: Plan, problems: RowProblems): PollutionSource | null {
  const source = Object.assign(new PollutionSource(), { ...grid.scope, gridId: grid.id, industry: null, address: null, lng: null, lat: null, sourceCode: null }, row.values);
  source.creditCode = row.creditCode;
  // Like createSource: whoever may not register an active source reports a pending one.
  source.status ??= ctx.ability.can('create', subject('PollutionSource', { ...source, status: SourceStatus.ACTIVE })) ? SourceStatus.ACTIVE : SourceStatus.PENDING;
  if (!ctx.ability.can('create', source)) {
    problems.add(row.line, null, 'FORBIDDEN', `Your role may not register this source on grid ${grid.code}`);
    return null;
  }
  plan.inserts.push(source);
  return source;
}

function planUpdate(ctx: RequestContext, row: Row, grid: Grid, source: PollutionSource, plan: Plan, problems: RowProblems, creditColumn: string): PollutionSource | null {
  const before = snapshot(source);
  const after: Record<ArchivedField, unknown> = { ...before, ...row.values, gridId: grid.id };
  const changed = archivedFields.filter((f) => before[f] !== after[f]);
  if (!changed.length) return source;
  if (after.sourceCode && creditCodeOfSource(String(after.sourceCode)) !== (after.creditCode ?? null)) {
    problems.add(row.line, creditColumn, 'BAD_USER_INPUT', `The credit code ${String(after.creditCode ?? '(none)')} is not the one inside the source code ${String(after.sourceCode)}`);
    return null;
  }
  const permitted = permittedFieldsOf(ctx.ability, 'update', source, { fieldsFrom: (rule) => rule.fields ?? changed.map(ruleField) });
  const refused = [...new Set(changed.map(ruleField))].filter((f) => !permitted.includes(f));
  const moved = subject('PollutionSource', { ...grid.scope, ...after });
  if (!ctx.ability.can('update', source) || refused.length || !ctx.ability.can('update', moved)) {
    problems.add(row.line, null, 'FORBIDDEN', refused.length ? `Your role may not change ${refused.join(', ')} here` : 'Your role may not change this source');
    return null;
  }
  Object.assign(source, grid.scope, after);
  plan.updates.push({ source, changes: Object.fromEntries(changed.map((f) => [f, [before[f], after[f]]])) });
  return source;
}

/** One flush for the rows, one for their history and outlets, in the request's transaction. */
async function write(ctx: RequestContext, plan: Plan): Promise<void> {
  ctx.em.persist(plan.inserts);
  await ctx.em.flush();
  for (const source of plan.inserts) {
    record(ctx, ctx.em, source, SourceChangeAction.CREATED, Object.fromEntries(Object.entries(snapshot(source)).map(([k, v]) => [k, [null, v]])));
  }
  for (const { source, changes } of plan.updates) record(ctx, ctx.em, source, SourceChangeAction.UPDATED, changes);
  await writeOutlets(ctx, plan.outlets, plan.updates.filter((u) => 'gridId' in u.changes).map((u) => u.source));
  await ctx.em.flush();
}
