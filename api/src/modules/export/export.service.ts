import { validate } from 'class-validator';
import { coerceInputValue, isEnumType, isInputObjectType, type GraphQLSchema } from 'graphql';
import type { Writable } from 'node:stream';
import { BadInputError, ForbiddenError, NotFoundError, type FieldProblem } from '../../common/errors';
import type { RequestContext } from '../../context/request-context';
import type { Lang } from './enum-labels';
import type { ExportList, ExportRows } from './export-list';
import { exportLists, findExportList } from './export.registry';
import type { ExportListInfo } from './export.types';
import { writeCsv, writeXlsx, type ExportFormat } from './export-writers';

export interface ExportRequest {
  list: string;
  format: string;
  /** The list query's `filter` argument as JSON. */
  filter?: string;
  orderBy?: string;
  lang?: string;
}

export interface PreparedExport {
  list: ExportList;
  format: ExportFormat;
  lang: Lang;
  filter: object;
  order: string | undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new BadInputError('filter is not JSON', [{ field: 'filter', message: 'not JSON' }]);
  }
}

/** The filter exactly as the GraphQL list query would take it: same types, enums, ids and validation. */
async function coerceFilter(schema: GraphQLSchema, list: ExportList, text: string | undefined): Promise<object> {
  const type = schema.getType(list.filterTypeName);
  if (!isInputObjectType(type)) throw new Error(`Export ${list.name}: no input type ${list.filterTypeName}`);
  const problems: FieldProblem[] = [];
  const coerced = coerceInputValue(text ? parseJson(text) : {}, type, (path, _value, error) =>
    problems.push({ field: ['filter', ...path].join('.'), message: error.message }),
  );
  if (problems.length) throw new BadInputError(`Invalid filter for ${list.filterTypeName}`, problems);
  const filter = Object.assign(new list.filterType(), coerced);
  const invalid = await validate(filter, { forbidUnknownValues: false });
  if (invalid.length) {
    throw new BadInputError(
      `Invalid filter for ${list.filterTypeName}`,
      invalid.map((e) => ({ field: `filter.${e.property}`, message: Object.values(e.constraints ?? {}).join('; ') })),
    );
  }
  return filter;
}

function coerceOrder(schema: GraphQLSchema, list: ExportList, text: string | undefined): string | undefined {
  if (!text) return undefined;
  const type = list.orderTypeName ? schema.getType(list.orderTypeName) : null;
  if (!isEnumType(type) || !type.getValue(text)) {
    throw new BadInputError(`orderBy must be a value of ${list.orderTypeName ?? 'nothing: this list has one order'}`, [{ field: 'orderBy', message: 'unknown order' }]);
  }
  return text;
}

export const exportService = {
  /** The lists the caller may export, for integrators and the console. */
  describe(ctx: RequestContext): ExportListInfo[] {
    return exportLists
      .filter((list) => ctx.ability.can('read', list.subject))
      .map((list) => ({
        name: list.name,
        title: list.zh,
        titleEn: list.en,
        csvPath: `/export/${list.name}.csv`,
        xlsxPath: `/export/${list.name}.xlsx`,
        filterType: list.filterTypeName,
        orderType: list.orderTypeName,
        columns: list.columns.map((c) => ({ key: c.key, header: c.zh, headerEn: c.en, type: typeof c.type === 'object' ? 'enum' : c.type })),
      }));
  },

  /** Checks everything before the first byte is sent: afterwards an error can only cut the download short. */
  async prepare(ctx: RequestContext, schema: GraphQLSchema, request: ExportRequest): Promise<PreparedExport> {
    const list = findExportList(request.list);
    if (!list) throw new NotFoundError('ExportList', request.list);
    if (request.format !== 'csv' && request.format !== 'xlsx') {
      throw new BadInputError('Export as .csv or .xlsx', [{ field: 'format', message: 'csv or xlsx' }]);
    }
    if (request.lang && request.lang !== 'zh' && request.lang !== 'en') {
      throw new BadInputError('lang is zh or en', [{ field: 'lang', message: 'zh or en' }]);
    }
    if (!ctx.ability.can('read', list.subject)) throw new ForbiddenError(`Your role may not read ${list.subject}`);
    const filter = await coerceFilter(schema, list, request.filter);
    const order = coerceOrder(schema, list, request.orderBy);
    return { list, format: request.format, lang: request.lang === 'en' ? 'en' : 'zh', filter, order };
  },

  /**
   * Runs the first keyset batch: what fails there (a grid of the filter outside the scope)
   * is still answered as an error, before any byte of the file is sent.
   */
  open: (ctx: RequestContext, { list, filter, order }: PreparedExport): Promise<ExportRows> => list.open(ctx, filter, order),

  /** Streams the batches (fetched through the caller's scoped entity manager as the client reads). */
  write(out: Writable, { list, format, lang }: PreparedExport, { columns, batches }: ExportRows): Promise<void> {
    return format === 'csv' ? writeCsv(out, columns, lang, batches) : writeXlsx(out, lang === 'en' ? list.en : list.zh, columns, lang, batches);
  },
};
