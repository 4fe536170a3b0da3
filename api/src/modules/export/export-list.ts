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

/** What one exportable list declares: its columns, its GraphQL filter input and how to page it. */
export interface ExportListDefinition<T extends object, F extends object, O extends string> {
  /** The URL name: /export/<name>.csv */
  name: string;
  zh: string;
  en: string;
  /** Exporting needs `read` on this subject, like the list query. */
  subject: SubjectType;
  /** The list query's filter input: the export accepts the same JSON. */
  filter: { type: ClassType<F>; name: string };
  /** The list query's order enum, when it has one. */
  order?: { name: string };
  /** One keyset page of the list query, within the caller's scope. */
  page(ctx: RequestContext, filter: F, order: O | undefined, page: { first: number; after?: string }): Promise<Connection<T>>;
  columns: ExportColumn<T>[];
}

export interface ColumnInfo {
  key: string;
  zh: string;
  en: string;
  type: ColumnType;
}

/** A registered list with its types erased; the route validates filter and order before calling `batches`. */
export interface ExportList {
  name: string;
  zh: string;
  en: string;
  subject: SubjectType;
  filterType: ClassType<object>;
  filterTypeName: string;
  orderTypeName: string | null;
  columns: ColumnInfo[];
  batches(ctx: RequestContext, filter: object, order: string | undefined): AsyncGenerator<CellValue[][]>;
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

export function defineExport<T extends object, F extends object, O extends string = never>(def: ExportListDefinition<T, F, O>): ExportList {
  return {
    name: def.name,
    zh: def.zh,
    en: def.en,
    subject: def.subject,
    filterType: def.filter.type,
    filterTypeName: def.filter.name,
    orderTypeName: def.order?.name ?? null,
    columns: def.columns.map(({ key, zh, en, type }) => ({ key, zh, en, type: type ?? 'text' })),
    async *batches(ctx, filter, order) {
      let after: string | undefined;
      for (;;) {
        // filter and order were coerced through the GraphQL input types named above.
        const page = await def.page(ctx, filter as F, order as O | undefined, { first: EXPORT_BATCH, after });
        yield await cells(ctx, def.columns, page.nodes);
        if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
        after = page.pageInfo.endCursor;
        // Forget the batch: the identity map and loader caches would otherwise grow with the export.
        ctx.em.clear();
        ctx.loaders = new Loaders();
      }
    },
  };
}
