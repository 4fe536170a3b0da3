import type { ClassType } from 'type-graphql';
import type { SubjectType } from '../../auth/ability';
import type { Connection } from '../../common/connection';
import { Loaders } from '../../context/loaders';
import type { RequestContext } from '../../context/request-context';
import type { EnumLabels } from './enum-labels';

export type CellValue = string | number | boolean | Date | null | undefined;

/** How a cell is written: text as is, numbers as numbers, instants in Asia/Shanghai, enum values translated. */
export type ColumnType = 'text' | 'number' | 'datetime' | 'boolean' | EnumLabels;

export interface ExportColumn<T> {
  /** Stable machine name (the English header's camelCase), also accepted as a header by imports. */
  key: string;
  zh: string;
  en: string;
  type?: ColumnType;
  /** May load related rows through ctx.loaders: every row of a batch shares one statement. */
  value(row: T, ctx: RequestContext): CellValue | Promise<CellValue>;
}

/** What every exportable list declares: its names, who reads it, its filter input and its columns. */
interface ListDescription<T extends object, F extends object> {
  /** The URL name: /export/<name>.csv */
  name: string;
  zh: string;
  en: string;
  /** Exporting needs `read` on this subject, like the list query. */
  subject: SubjectType;
  /** The list query's filter input: the export accepts the same JSON. */
  filter: { type: ClassType<F>; name: string };
  columns: ExportColumn<T>[];
}

/** A list query exported page by page. */
export interface ExportListDefinition<T extends object, F extends object, O extends string> extends ListDescription<T, F> {
  /** The list query's order enum, when it has one. */
  order?: { name: string };
  /** One keyset page of the list query, within the caller's scope. */
  page(ctx: RequestContext, filter: F, order: O | undefined, page: { first: number; after?: string }): Promise<Connection<T>>;
}

export interface ColumnInfo {
  key: string;
  zh: string;
  en: string;
  type: ColumnType;
}

/** What an opened export writes: its columns (fixed, or from the data) and its rows in batches. */
export interface ExportRows {
  columns: ColumnInfo[];
  batches: AsyncIterable<CellValue[][]>;
}

/** A registered list with its types erased; the route validates filter and order before calling `open`. */
export interface ExportList {
  name: string;
  zh: string;
  en: string;
  subject: SubjectType;
  filterType: ClassType<object>;
  filterTypeName: string;
  orderTypeName: string | null;
  /** The columns every file of the list has (a table export adds its data's columns after them). */
  columns: ColumnInfo[];
  /** Runs the first batch before returning: what fails there is answered before any byte is sent. */
  open(ctx: RequestContext, filter: object, order: string | undefined): Promise<ExportRows>;
}

const columnInfo = <T>({ key, zh, en, type }: ExportColumn<T>): ColumnInfo => ({ key, zh, en, type: type ?? 'text' });

/** Yields `first`, then the rest of `rest`. */
async function* prepend<T>(first: IteratorResult<T, void>, rest: AsyncGenerator<T, void>): AsyncGenerator<T, void> {
  if (first.done) return;
  yield first.value;
  yield* rest;
}

/** Rows per keyset page: large enough to amortise the round trip, small enough to keep memory flat. */
export const EXPORT_BATCH = 1000;

/**
 * Column by column: the rows' lookups of one column form one loader batch, and the request's
 * single connection never gets a second statement while one is running.
 */
async function cells<T>(ctx: RequestContext, columns: ExportColumn<T>[], rows: T[]): Promise<CellValue[][]> {
  const table = rows.map(() => new Array<CellValue>(columns.length));
  for (const [c, column] of columns.entries()) {
    const values = await Promise.all(rows.map((row) => column.value(row, ctx)));
    values.forEach((value, r) => (table[r][c] = value));
  }
  return table;
}

/** What `exportLists` tells about a list, whatever kind it is. */
function described<T extends object, F extends object>(def: ListDescription<T, F>): Pick<ExportList, 'name' | 'zh' | 'en' | 'subject' | 'filterType' | 'filterTypeName' | 'columns'> {
  return { name: def.name, zh: def.zh, en: def.en, subject: def.subject, filterType: def.filter.type, filterTypeName: def.filter.name, columns: def.columns.map(columnInfo) };
}

/** The list query's keyset pages, one batch each, until the last. */
async function* keysetBatches<T extends object, F extends object, O extends string>(
  def: ExportListDefinition<T, F, O>,
  ctx: RequestContext,
  filter: F,
  order: O | undefined,
): AsyncGenerator<CellValue[][], void> {
  let after: string | undefined;
  for (;;) {
    const page = await def.page(ctx, filter, order, { first: EXPORT_BATCH, after });
    yield await cells(ctx, def.columns, page.nodes);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
    after = page.pageInfo.endCursor;
    // Forget the batch: the identity map and loader caches would otherwise grow with the export.
    ctx.em.clear();
    ctx.loaders = new Loaders();
  }
}

export function defineExport<T extends object, F extends object, O extends string = never>(def: ExportListDefinition<T, F, O>): ExportList {
  return {
    ...described(def),
    orderTypeName: def.order?.name ?? null,
    async open(ctx, filter, order) {
      // filter and order were coerced through the GraphQL input types named above.
      const batches = keysetBatches(def, ctx, filter as F, order as O | undefined);
      return { columns: def.columns.map(columnInfo), batches: prepend(await batches.next(), batches) };
    },
  };
}

/**
 * A list that is one computed table rather than a keyset-paged query (the KPI table): its
 * columns may come from the data, and its rows are computed at once, bounded by what the
 * table covers (a unit's subjects), then written in batches.
 */
export interface TableExportDefinition<T extends object, F extends object> extends ListDescription<T, F> {
  /** `columns` are those every file has (what `exportLists` describes); the table adds its own after them. */
  table(ctx: RequestContext, filter: F): Promise<{ rows: T[]; columns: ExportColumn<T>[] }>;
}

export function defineTableExport<T extends object, F extends object>(def: TableExportDefinition<T, F>): ExportList {
  return {
    ...described(def),
    orderTypeName: null,
    async open(ctx, filter) {
      const { rows, columns } = await def.table(ctx, filter as F);
      const all = [...def.columns, ...columns];
      async function* batches(): AsyncGenerator<CellValue[][]> {
        for (let start = 0; start < rows.length; start += EXPORT_BATCH) yield await cells(ctx, all, rows.slice(start, start + EXPORT_BATCH));
      }
      return { columns: all.map(columnInfo), batches: batches() };
    },
  };
}
