import { GRID_CODE } from '@gridwatch/domain';
import { GridKind, GridLevel } from '../../common/enums';
import type { ErrorCode } from '../../common/errors';
import { textProblem } from '../../common/text-rules';
import { GRID_KIND, GRID_LEVEL } from '../../common/enum-labels';
import type { ImportTable } from '../../common/import-table';

/**
 * Why a line of a grid division table was refused: a stable key for programs and the console,
 * beside the API's generic error code.
 */
export type GridImportReason =
  | 'MISSING_COLUMN'
  | 'BAD_FORMAT'
  | 'DUPLICATE'
  | 'UNKNOWN_PARENT'
  | 'WRONG_LEVEL'
  | 'CODE_RULE'
  | 'CODE_TAKEN'
  | 'UNKNOWN_GRID'
  | 'NOT_PERMITTED';

export interface GridImportProblem {
  /** The line in the file (the header is line 1). */
  line: number;
  /** The column's header as written in the file (or the expected one when missing); null for the whole line. */
  column: string | null;
  code: ErrorCode;
  reason: GridImportReason;
  message: string;
  /** The codes or cell values the problem is about, for a console that explains it in its own words. */
  values: string[];
}

const errorCodeOf: Record<GridImportReason, ErrorCode> = {
  MISSING_COLUMN: 'BAD_USER_INPUT',
  BAD_FORMAT: 'BAD_USER_INPUT',
  DUPLICATE: 'CONFLICT',
  UNKNOWN_PARENT: 'NOT_FOUND',
  WRONG_LEVEL: 'BAD_USER_INPUT',
  CODE_RULE: 'BAD_USER_INPUT',
  CODE_TAKEN: 'CONFLICT',
  UNKNOWN_GRID: 'NOT_FOUND',
  NOT_PERMITTED: 'FORBIDDEN',
};

/** The problems of one file, every one of them, in line order at the end. */
export class GridImportProblems {
  readonly list: GridImportProblem[] = [];
  add(line: number, column: string | null, reason: GridImportReason, message: string, values: (string | null | undefined)[] = []): void {
    this.list.push({ line, column, code: errorCodeOf[reason], reason, message, values: values.filter((v): v is string => Boolean(v)) });
  }
}

/** A line of the table, read and checked on its own. */
export interface GridRow {
  line: number;
  code: string;
  name: string;
  level: GridLevel;
  kind: GridKind | null;
  parentCode: string | null;
  illustrative: boolean | null;
  /** The explicit platform setting: undefined when the column is absent, null to inherit. */
  hasPlatform: boolean | null | undefined;
  /** The grid's code before this line (a recode); the grid is found by it. */
  formerCode: string | null;
  /** Header of each column, for problems found later. */
  header: (key: ColumnKey) => string;
}

/** Columns and the header texts (Chinese, English, key; any case) that name them. */
const columns = {
  code: ['网格编码', '编码', 'Code'],
  name: ['名称', 'Name'],
  level: ['层级', 'Level'],
  parentCode: ['上级网格编码', '上级编码', 'Parent code', 'parent_code'],
  kind: ['网格类型', 'Kind'],
  illustrative: ['示意划分', 'Illustrative'],
  // Not the export's 数字化城管平台 (the effective value): a re-imported export sets nothing.
  hasPlatform: ['平台设置', 'Platform setting', 'has_platform'],
  formerCode: ['原编码', 'Former code', 'former_code'],
} as const;
export type ColumnKey = keyof typeof columns;
const required: ColumnKey[] = ['code', 'name', 'level', 'parentCode'];

const headerKey = new Map<string, ColumnKey>(
  (Object.entries(columns) as [ColumnKey, readonly string[]][]).flatMap(([key, names]) => [key, ...names].map((n) => [n.toLowerCase(), key] as const)),
);


function enumReader<E extends string>(labels: { zh: Record<E, string>; en: Record<E, string> }): (text: string) => E | undefined {
  const byText = new Map<string, E>();
  for (const value of Object.keys(labels.zh) as E[]) for (const text of [value, labels.zh[value], labels.en[value]]) byText.set(text.toLowerCase(), value);
  return (text) => byText.get(text.toLowerCase());
}
const readLevel = enumReader(GRID_LEVEL);
const readKind = enumReader(GRID_KIND);
const yes = new Set(['true', '1', 'yes', 'y', '是']);
const no = new Set(['false', '0', 'no', 'n', '否']);

/** Maps the header row; a missing required column is a problem of line 1. */
export function mapColumns(table: ImportTable, problems: GridImportProblems): Map<ColumnKey, number> {
  const found = new Map<ColumnKey, number>();
  table.headers.forEach((text, index) => {
    const key = headerKey.get(text.trim().toLowerCase());
    if (!key) return;
    if (found.has(key)) problems.add(1, text, 'BAD_FORMAT', `The column ${columns[key][0]} appears twice`);
    found.set(key, index);
  });
  for (const key of required) if (!found.has(key)) problems.add(1, columns[key][0], 'MISSING_COLUMN', `The column ${columns[key][0]} is missing`);
  return found;
}

/**
 * Reads one line; every cell's problem is reported, not only the first. A line with a format
 * problem is still returned when its code and level are readable, so that the checks against
 * its parent run in the same pass.
 */
export function readGridRow(line: number, cells: string[], found: Map<ColumnKey, number>, headers: string[], problems: GridImportProblems): GridRow | null {
  const header = (key: ColumnKey): string => headers[found.get(key) ?? -1] ?? columns[key][0];
  const text = (key: ColumnKey): string | undefined => {
    const index = found.get(key);
    return index == null ? undefined : (cells[index] ?? '').trim();
  };
  const fail = (key: ColumnKey, message: string): null => (problems.add(line, header(key), 'BAD_FORMAT', message, [text(key)]), null);

  const code = text('code') ?? '';
  const codeOk = GRID_CODE.test(code) || fail('code', `${code || '(empty)'}: a grid code has 12 digits, or 14 (CJ/T 213) or 20 (CJ/T 349) for an urban management grid`) !== null;
  const name = text('name') ?? '';
  const nameProblem = !name || name.length > 100 ? 'A name has 1 to 100 characters' : textProblem(name);
  if (nameProblem) fail('name', nameProblem);
  const levelText = text('level') ?? '';
  const level = readLevel(levelText) ?? fail('level', `Unknown level: ${levelText || '(empty)'}`);
  const kindText = text('kind');
  const kind = kindText ? (readKind(kindText) ?? fail('kind', `Unknown kind: ${kindText}`)) : null;
  const parentCode = text('parentCode') || null;
  if (parentCode && !GRID_CODE.test(parentCode)) fail('parentCode', `${parentCode}: not a grid code`);
  // A grid below the city without a parent is checked with the territory (grid-import.service.ts).
  if (level === GridLevel.CITY && parentCode !== null) fail('parentCode', 'A city grid has no parent');
  const flag = (key: 'illustrative' | 'hasPlatform'): boolean | null | undefined => {
    const value = text(key);
    if (value === undefined) return undefined;
    if (value === '') return null;
    if (yes.has(value.toLowerCase())) return true;
    if (no.has(value.toLowerCase())) return false;
    return fail(key, `Not yes or no: ${value}`) ?? undefined;
  };
  const illustrative = flag('illustrative');
  const hasPlatform = flag('hasPlatform');
  const formerCode = text('formerCode') || null;
  if (formerCode && !GRID_CODE.test(formerCode)) fail('formerCode', `${formerCode}: not a grid code`);
  if (!codeOk || !level) return null;
  return { line, code, name, level, kind, parentCode, illustrative: illustrative ?? null, hasPlatform, formerCode: formerCode === code ? null : formerCode, header };
}
