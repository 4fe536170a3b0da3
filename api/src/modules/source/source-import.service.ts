import { creditCodeOfSource } from '@gridwatch/domain';
import { permittedFieldsOf } from '@casl/ability/extra';
import { subject } from '@casl/ability';
import { BadInputError, ForbiddenError } from '../../common/errors';
import type { RequestContext } from '../../context/request-context';
import { Grid } from '../grid/grid.entity';
import { SourceChangeAction } from './source-change.entity';
import { PollutionSource } from './source.entity';
import { SourceStatus } from './source.enums';
import { archivedFields, record, snapshot, type ArchivedField } from './source.service';
import { readImportTable } from '../../common/import-table';
import { planOutlets, writeOutlets, type OutletPlan } from './source-import.outlets';
import { headerOf, mapHeaders, readRow, RowProblems, type ImportKey, type ImportProblem, type Row } from './source-import.rows';
import { unusableCodeMessage } from './source-codes';
import { sourceCodesTaken } from './source.sql';

export type { ImportProblem } from './source-import.rows';

export interface SourceImportResult {
  dryRun: boolean;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: ImportProblem[];
}

export const IMPORT_MAX_ROWS = 20_000;

/** The field names CASL rules use for the archived fields (a location is one field). */
const ruleField = (field: ArchivedField): string => (field === 'lng' || field === 'lat' ? 'location' : field);

export const sourceImportService = {
  /**
   * Reads a file of sources and inserts or updates them by source code (else by credit code
   * when the row has no source code and one source has it, else by the export's 系统标识 (its id), else by
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

  const plan: Plan = { inserts: [], updates: [], outlets: { add: [], rename: [], history: new Map() }, outletOnly: 0 };
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
      problems.add(row.line, column(sameUnit.length > 1 ? 'creditCode' : 'name'), 'CONFLICT', `${which}: give the 污染源编码 or the 系统标识`);
      continue;
    }
    if (row.id != null && !byId.has(row.id)) {
      problems.add(row.line, column('id'), 'NOT_FOUND', 'No such source in your territory');
      continue;
    }
    const found = site ?? sameUnit[0];
    if (found && row.id != null && found.id !== row.id) {
      problems.add(row.line, column('id'), 'CONFLICT', `The code ${row.sourceCode ?? row.creditCode} belongs to another source than this 系统标识`);
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
  await planOutlets(ctx, matched, column('outlets'), plan.outlets, problems);
  plan.outletOnly = [...plan.outlets.history.keys()].filter((s) => !plan.inserts.includes(s) && !plan.updates.some((u) => u.source === s)).length;
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
  // Outlets are part of the archive: their change goes into the source's history entry.
  const outlets = (source: PollutionSource): Record<string, [unknown, unknown]> => {
    const change = plan.outlets.history.get(source);
    plan.outlets.history.delete(source);
    return change ? { outlets: change } : {};
  };
  for (const source of plan.inserts) {
    const created = Object.fromEntries(Object.entries(snapshot(source)).map(([k, v]) => [k, [null, v] as [unknown, unknown]]));
    record(ctx, ctx.em, source, SourceChangeAction.CREATED, { ...created, ...outlets(source) });
  }
  for (const { source, changes } of plan.updates) record(ctx, ctx.em, source, SourceChangeAction.UPDATED, { ...changes, ...outlets(source) });
  for (const [source, change] of plan.outlets.history) record(ctx, ctx.em, source, SourceChangeAction.UPDATED, { outlets: change });
  await writeOutlets(ctx, plan.outlets, plan.updates.filter((u) => 'gridId' in u.changes).map((u) => u.source));
  await ctx.em.flush();
}
