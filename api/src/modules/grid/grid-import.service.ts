import { subject } from '@casl/ability';
import { GridKind, GridLevel } from '../../common/enums';
import { BadInputError, ForbiddenError } from '../../common/errors';
import type { RequestContext } from '../../context/request-context';
import { readImportTable } from '../../common/import-table';
import { gridCodeProblem, levelBelow } from '@gridwatch/domain';
import { archiveState, stateChanged, type GridState } from './grid-history';
import { GridImportProblems, mapColumns, readGridRow, type GridImportProblem, type GridRow } from './grid-import.table';
import { rescopeSubtree } from './grid-rescope.sql';
import { Grid } from './grid.entity';
import { allocateGridIds, refreshPlatformFlags, takenGridCodes } from './grid.sql';

export interface GridImportResult {
  dryRun: boolean;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: GridImportProblem[];
}

export const GRID_IMPORT_MAX_ROWS = 20_000;

const levels = Object.values(GridLevel);
const depth = (level: GridLevel): number => levels.indexOf(level);

/** A parent as a line sees it: a grid on file (in the territory) or another line of the file. */
interface ParentRef {
  code: string;
  level: GridLevel;
  kind: GridKind;
  /** The grid on file, or the planned one of the parent's line (null when that line is wrong). */
  grid: Grid | null;
}

interface Planned {
  row: GridRow;
  grid: Grid;
  parent: ParentRef | null;
  /** For an existing grid: its state before, the history entry a change writes. */
  before: GridState | null;
  moves: boolean;
  /** Whether the line changes anything (a new grid always does). */
  changed: boolean;
}

/**
 * Imports a grid division table (方案附件1, the statistical division table, or the console's
 * upload) as the caller: every line is checked against the file and the caller's territory in
 * one pass, and every problem of every line is reported (line, column, code, reason). When any
 * line is wrong, or on a dry run, nothing is written. A grid is found by its code, or by its
 * former code (原编码) when it is recoded; a rename, recode or move keeps the earlier state in
 * the grid's history.
 */
export const gridImportService = {
  async import(ctx: RequestContext, file: Buffer, dryRun: boolean): Promise<GridImportResult> {
    if (!ctx.ability.can('create', 'Grid') && !ctx.ability.can('update', 'Grid')) {
      throw new ForbiddenError('Your role may not import grid divisions');
    }
    const table = await readImportTable(file);
    if (table.rows.length > GRID_IMPORT_MAX_ROWS) {
      throw new BadInputError(`At most ${GRID_IMPORT_MAX_ROWS} rows per file: split it`, [{ field: 'file', message: 'too many rows' }]);
    }
    const problems = new GridImportProblems();
    const result: GridImportResult = { dryRun, rows: table.rows.length, inserted: 0, updated: 0, unchanged: 0, errors: problems.list };
    const found = mapColumns(table, problems);
    if (problems.list.length) return result;
    const rows = table.rows.flatMap(({ line, cells }) => readGridRow(line, cells, found, table.headers, problems) ?? []);
    const plan = await planRows(ctx, rows, problems);
    problems.list.sort((a, b) => a.line - b.line);
    if (problems.list.length || dryRun) {
      // The planned changes stay unflushed: drop them, so no later flush can write them.
      ctx.em.clear();
      if (problems.list.length) return result;
    } else {
      await write(ctx, plan);
    }
    const inserted = plan.filter((p) => !p.before).length;
    return Object.assign(result, { inserted, updated: plan.length - inserted, unchanged: rows.length - plan.length });
  },
};

async function planRows(ctx: RequestContext, rows: GridRow[], problems: GridImportProblems): Promise<Planned[]> {
  const codes = new Set(rows.flatMap((r) => [r.code, r.parentCode ?? [], r.formerCode ?? []].flat()));
  const stored = new Map((await ctx.em.find(Grid, { code: { $in: [...codes] } })).map((g) => [g.code, g]));
  // The present parents of the grids the file names, for their history entries.
  const byId = new Map([...stored.values()].map((g) => [g.id, g]));
  const missing = [...stored.values()].flatMap((g) => (g.parentId != null && !byId.has(g.parentId) ? [g.parentId] : []));
  for (const g of missing.length ? await ctx.em.find(Grid, { id: { $in: missing } }) : []) byId.set(g.id, g);
  const taken = await takenGridCodes(ctx.em, rows.map((r) => r.code).filter((c) => !stored.has(c)));

  // A code twice in the file: every later line is a problem; the first one is checked as usual.
  const lines = new Map<string, GridRow>();
  const checked: GridRow[] = [];
  for (const row of rows) {
    const first = lines.get(row.code);
    if (first) problems.add(row.line, row.header('code'), 'DUPLICATE', `${row.code} is also on line ${first.line}`, [row.code]);
    else {
      lines.set(row.code, row);
      checked.push(row);
    }
  }

  // Parents before children: a line's parent may be a new grid of an earlier line.
  const planned = new Map<string, Planned | null>();
  const plan: Planned[] = [];
  for (const row of [...checked].sort((a, b) => depth(a.level) - depth(b.level) || a.line - b.line)) {
    const before = problems.list.length;
    // A line is about the grid holding its code, else the one holding its former code (a
    // recode; a second run of the same file finds the grid by its new code).
    const current = stored.get(row.code);
    const former = row.formerCode ? stored.get(row.formerCode) : undefined;
    const existing = current ?? former ?? null;
    if (row.formerCode && !existing) problems.add(row.line, row.header('formerCode'), 'UNKNOWN_GRID', `No grid ${row.formerCode} in your territory`, [row.formerCode]);
    const takenBy = (current && former && current !== former) || (!current && taken.has(row.code));
    if (existing && existing.level !== row.level) problems.add(row.line, row.header('level'), 'WRONG_LEVEL', `The grid is a ${existing.level} grid: a grid keeps its level`);
    const kind = row.kind ?? existing?.kind ?? (row.code.length > 12 ? GridKind.URBAN_MANAGEMENT : GridKind.ADMINISTRATIVE);
    const parent = parentOf(row, lines, planned, stored);
    // The caller's own unit has its parent above the territory: an exported file names it or
    // leaves it empty. It cannot be moved from here, so its parent column is taken as it stands.
    const parentAbove = !parent && row.level !== GridLevel.CITY && !!existing && existing.id === ctx.principal?.unitId;
    if (!row.parentCode && row.level !== GridLevel.CITY && !parentAbove) {
      problems.add(row.line, row.header('parentCode'), 'BAD_FORMAT', 'Every grid below the city has a parent');
    }
    if (row.parentCode && !parent && !parentAbove) {
      problems.add(row.line, row.header('parentCode'), 'UNKNOWN_PARENT', `No grid ${row.parentCode} in the file or in your territory`, [row.parentCode]);
    }
    if (parent && levelBelow(parent.level) !== row.level) {
      problems.add(row.line, row.header('level'), 'WRONG_LEVEL', `A ${row.level} grid cannot sit under the ${parent.level} grid ${parent.code}`, [parent.code]);
    }
    const codeProblem = parent ? gridCodeProblem(parent, row.code, kind) : null;
    if (codeProblem) problems.add(row.line, row.header('code'), 'CODE_RULE', `${row.code} ${codeProblem}`, [row.code]);
    // Last, and only for an otherwise valid line: a code in use outside the territory is the
    // one thing a county could learn of another's grids, and only of codes it may itself use.
    if (takenBy && problems.list.length === before) problems.add(row.line, row.header('code'), 'CODE_TAKEN', `The code ${row.code} is in use`, [row.code]);
    if (problems.list.length > before || (row.parentCode && !parent?.grid && !parentAbove)) {
      // A line whose parent line is wrong is not planned either (that line says why).
      planned.set(row.code, null);
      continue;
    }
    const item = existing ? planUpdate(ctx, row, kind, existing, parent, byId, problems) : planInsert(ctx, row, kind, parent, problems);
    planned.set(row.code, item);
    if (item?.changed) plan.push(item);
  }
  return plan;
}

function parentOf(row: GridRow, lines: Map<string, GridRow>, planned: Map<string, Planned | null>, stored: Map<string, Grid>): ParentRef | null {
  if (!row.parentCode) return null;
  const onFile = stored.get(row.parentCode);
  const line = lines.get(row.parentCode);
  if (line && depth(line.level) < depth(row.level)) {
    const kind = line.kind ?? onFile?.kind ?? (line.code.length > 12 ? GridKind.URBAN_MANAGEMENT : GridKind.ADMINISTRATIVE);
    return { code: line.code, level: line.level, kind, grid: planned.get(line.code)?.grid ?? null };
  }
  return onFile ? { code: onFile.code, level: onFile.level, kind: onFile.kind, grid: onFile } : null;
}

/** The settings a line changes without a history entry: kind, illustrative, the platform setting. */
function flagsChange(row: GridRow, grid: Grid): boolean {
  return (
    (row.kind !== null && row.kind !== grid.kind) ||
    (row.illustrative !== null && row.illustrative !== grid.illustrative) ||
    (row.hasPlatform !== undefined && row.hasPlatform !== (grid.hasPlatformSet ?? null))
  );
}

function planInsert(ctx: RequestContext, row: GridRow, kind: GridKind, parent: ParentRef | null, problems: GridImportProblems): Planned | null {
  const up = parent?.grid ?? null;
  // Scope columns as far as known now; a new county's or township's own id comes at the write.
  const grid = Object.assign(new Grid(), {
    code: row.code,
    name: row.name,
    level: row.level,
    kind,
    parentId: up?.id ?? null,
    cityId: up?.cityId ?? null,
    countyId: row.level === GridLevel.COUNTY ? null : (up?.countyId ?? null),
    townshipId: row.level === GridLevel.VILLAGE ? (up?.townshipId ?? null) : null,
    illustrative: row.illustrative ?? false,
    hasPlatformSet: row.hasPlatform ?? null,
    validFrom: ctx.clock.now(),
  });
  if (!ctx.ability.can('create', grid)) {
    problems.add(row.line, null, 'NOT_PERMITTED', `Your role may not create a ${row.level} grid here`, [row.code]);
    return null;
  }
  return { row, grid, parent, before: null, moves: false, changed: true };
}

function planUpdate(
  ctx: RequestContext,
  row: GridRow,
  kind: GridKind,
  grid: Grid,
  parent: ParentRef | null,
  byId: Map<number, Grid>,
  problems: GridImportProblems,
): Planned | null {
  const oldParent = grid.parentId != null ? byId.get(grid.parentId) : undefined;
  const before: GridState = { code: grid.code, name: grid.name, parentCode: oldParent?.code ?? null };
  const moves = (parent?.code ?? null) !== before.parentCode;
  const changed = stateChanged(before, { code: row.code, name: row.name, parentCode: parent?.code ?? null }) || flagsChange(row, grid);
  const item: Planned = { row, grid, parent, before, moves, changed };
  if (!changed) return item;
  const up = parent?.grid;
  const after = subject('Grid', {
    ...grid,
    cityId: up?.cityId ?? grid.cityId,
    countyId: grid.level === GridLevel.COUNTY ? grid.countyId : (up?.countyId ?? grid.countyId),
    townshipId: grid.level === GridLevel.VILLAGE ? (up?.townshipId ?? grid.townshipId) : grid.townshipId,
  });
  // Field by field, as updateGrid does: a township may rename its villages, not recode or move them.
  const fields = [
    ['code', row.code !== grid.code],
    ['name', row.name !== grid.name],
    ['parentId', moves],
    ['kind', row.kind !== null && row.kind !== grid.kind],
    ['illustrative', row.illustrative !== null && row.illustrative !== grid.illustrative],
    ['hasPlatform', row.hasPlatform !== undefined && row.hasPlatform !== (grid.hasPlatformSet ?? null)],
  ].flatMap(([field, changes]) => (changes ? [field as string] : []));
  const refused = fields.filter((field) => !ctx.ability.can('update', grid, field));
  if (refused.length || !ctx.ability.can('update', after)) {
    const what = refused.length ? ` (${refused.join(', ')})` : '';
    problems.add(row.line, null, 'NOT_PERMITTED', `Your role may not change the grid ${before.code}${what}`, [before.code]);
    return null;
  }
  return item;
}

/** Inserts (ids taken first, parents before children), updates with their history, then the platform flags. */
async function write(ctx: RequestContext, plan: Planned[]): Promise<void> {
  const em = ctx.em;
  const inserts = plan.filter((p) => !p.before);
  const ids = await allocateGridIds(em, inserts.length);
  inserts.forEach((p, i) => (p.grid.id = ids[i]));
  for (const { grid, parent } of inserts) {
    const up = parent?.grid ?? null;
    grid.parentId = up?.id ?? null;
    grid.cityId = up?.cityId ?? grid.id;
    grid.countyId = grid.level === GridLevel.COUNTY ? grid.id : (up?.countyId ?? null);
    grid.townshipId = grid.level === GridLevel.TOWNSHIP ? grid.id : grid.level === GridLevel.VILLAGE ? (up?.townshipId ?? null) : null;
    em.persist(grid);
  }
  // New grids first: a grid may move under one of them.
  await em.flush();
  const counties = new Set<number>();
  const tops: number[] = [];
  for (const item of plan) {
    const { grid, row, parent } = item;
    const up = parent?.grid ?? null;
    if (item.before) {
      if (item.moves && up) await rescopeSubtree(ctx, em, grid, up);
      if (stateChanged(item.before, { code: row.code, name: row.name, parentCode: parent?.code ?? null })) archiveState(ctx, em, grid, item.before);
      Object.assign(grid, { code: row.code, name: row.name });
      if (row.kind) grid.kind = row.kind;
      if (row.illustrative !== null) grid.illustrative = row.illustrative;
      if (row.hasPlatform !== undefined) grid.hasPlatformSet = row.hasPlatform;
    }
    if (grid.countyId != null) counties.add(grid.countyId);
    else tops.push(grid.id);
  }
  await em.flush();
  await refreshPlatformFlags(em, [...counties], tops);
}
