import { gql, type ApolloQueryResult, type DocumentNode } from '@apollo/client';
import type { IntrospectionResult } from 'ra-data-graphql';
import type { CreateParams, DeleteParams, GetListParams, GetOneParams, RaRecord, UpdateParams } from 'react-admin';
import { specs } from '../resources/specs';
import { SchemaIndex } from './schema';
import type { Filter, Node, ResourceSpec } from './spec';

export interface BuiltQuery {
  query: DocumentNode;
  variables: Record<string, unknown>;
  parseResponse: (response: ApolloQueryResult<Record<string, unknown>>) => unknown;
}

/** Cursor bookkeeping travels in params.meta (see cursors.ts). */
export interface ListMeta {
  after?: string;
}

interface ConnectionData {
  totalCount?: number;
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
  nodes: Node[];
}

const documents = new Map<string, DocumentNode>();
/** Documents by their text: built once, so Apollo sees the same document each time. */
export function parse(text: string): DocumentNode {
  let doc = documents.get(text);
  if (!doc) {
    doc = gql(text);
    documents.set(text, doc);
  }
  return doc;
}

export function specOf(resource: string): ResourceSpec {
  const spec = specs[resource];
  if (!spec) throw new Error(`Unknown resource ${resource}`);
  return spec;
}

const toRecord = (spec: ResourceSpec, node: Node): RaRecord => (spec.toRecord ? spec.toRecord(node) : (node as RaRecord));

const PAGING = new Set(['first', 'after', 'last', 'before', 'filter', 'orderBy']);

/**
 * Arguments of a list query beside `filter` (`audits(status:)`, `assessmentIndicators(history:)`)
 * are taken from the react-admin filter by name when it holds a value.
 */
export function topLevelArgs(index: SchemaIndex, field: string, filter: Filter): Record<string, unknown> {
  // A key the `filter` input declares goes there (the export takes the same JSON).
  const inFilter = index.hasArg(field, 'filter') ? Object.keys(index.pick(field, 'filter', filter)) : [];
  const values: Record<string, unknown> = {};
  for (const name of index.argNames(field)) {
    const value = filter[name];
    if (!PAGING.has(name) && !inFilter.includes(name) && value !== undefined && value !== '' && value !== null) values[name] = value;
  }
  return values;
}

/** The list query of a resource; `selection` lets the cursor walk ask for cursors only. */
export function listQuery(index: SchemaIndex, spec: ResourceSpec, params: Pick<GetListParams, 'filter' | 'sort'>, selection: string) {
  const raw = spec.toFilter ? spec.toFilter(params.filter ?? {}) : ((params.filter ?? {}) as Filter);
  const extra = topLevelArgs(index, spec.list, raw);
  const paging = spec.plainList ? [] : ['first', 'after'];
  const args = [...paging, 'filter', 'orderBy', ...Object.keys(extra)].filter((a) => index.hasArg(spec.list, a));
  const declared = args.length ? `(${index.declare(spec.list, args)})` : '';
  const passed = args.length ? `(${index.pass(spec.list, args)})` : '';
  const text = `query List${declared} { data: ${spec.list}${passed} { ${selection} } }`;
  const filter = index.pick(spec.list, 'filter', raw);
  const orderBy = spec.toOrder?.(params.sort);
  const variables: Record<string, unknown> = { ...extra };
  if (args.includes('filter') && Object.keys(filter).length) variables.filter = filter;
  if (args.includes('orderBy') && orderBy) variables.orderBy = orderBy;
  return { query: parse(text), variables };
}

/**
 * ra-data-graphql's query builder for our schema: Relay connections with keyset cursors
 * (`first`/`after`, never an offset), typed filters, mutations named create/update/deactivate.
 */
export function buildQueryFactory(introspection: IntrospectionResult) {
  const index = new SchemaIndex(introspection.schema);

  return (fetchType: string, resource: string, rawParams: unknown): BuiltQuery => {
    const spec = specOf(resource);
    switch (fetchType) {
      case 'GET_LIST': {
        const params = rawParams as GetListParams;
        const filter = params.filter;
        if (spec.plainList) {
          const built = listQuery(index, spec, { filter, sort: params.sort }, spec.listFields());
          return {
            query: built.query,
            variables: built.variables,
            parseResponse: ({ data }) => {
              const rows = (data.data as Node[]).map((n) => toRecord(spec, n));
              return { data: rows, total: rows.length };
            },
          };
        }
        const perPage = params.pagination?.perPage ?? 25;
        const built = listQuery(index, spec, { filter, sort: params.sort }, `totalCount pageInfo { hasNextPage endCursor } nodes { ${spec.listFields()} }`);
        const meta = (params.meta ?? {}) as ListMeta;
        const page = params.pagination?.page ?? 1;
        return {
          query: built.query,
          variables: { ...built.variables, first: Math.min(perPage, 100), ...(meta.after ? { after: meta.after } : {}) },
          parseResponse: ({ data }) => {
            const connection = data.data as ConnectionData;
            return {
              data: connection.nodes.map((n) => toRecord(spec, n)),
              total: connection.totalCount,
              pageInfo: { hasNextPage: connection.pageInfo?.hasNextPage ?? false, hasPreviousPage: page > 1 },
              meta: { endCursor: connection.pageInfo?.endCursor ?? null },
            };
          },
        };
      }
      case 'GET_ONE': {
        const params = rawParams as GetOneParams;
        if (!spec.one) throw new Error(`${resource} has no detail`);
        return {
          query: parse(`query One($id: ID!) { data: ${spec.one}(id: $id) { ${(spec.oneFields ?? spec.listFields)()} } }`),
          variables: { id: params.id },
          parseResponse: ({ data }) => ({ data: toRecord(spec, data.data as Node) }),
        };
      }
      case 'CREATE': {
        const params = rawParams as CreateParams;
        if (!spec.create) throw new Error(`${resource} cannot be created here`);
        const input = index.pick(spec.create, 'input', spec.toInput ? spec.toInput(params.data) : params.data);
        return {
          query: parse(`mutation Create(${index.declare(spec.create, ['input'])}) { data: ${spec.create}(input: $input) { ${spec.listFields()} } }`),
          variables: { input },
          parseResponse: ({ data }) => ({ data: toRecord(spec, data.data as Node) }),
        };
      }
      case 'UPDATE': {
        const params = rawParams as UpdateParams;
        if (!spec.update) throw new Error(`${resource} cannot be edited here`);
        const data = spec.toInput ? spec.toInput(params.data) : params.data;
        const previous = params.previousData ? (spec.toInput ? spec.toInput(params.previousData) : params.previousData) : {};
        // Only what changed: every change is a line in the record's history. Inputs whose
        // fields are all required (sensitive periods) are sent whole.
        const changed = spec.wholeInput ? data : Object.fromEntries(Object.entries(data).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(previous[key])));
        const input = index.pick(spec.update, 'input', changed);
        // Other arguments (an expected `version`) come from the record by name.
        const extra = topLevelArgs(index, spec.update, { ...previous, ...data, id: undefined, input: undefined });
        const args = ['id', 'input', ...Object.keys(extra)];
        return {
          query: parse(`mutation Update(${index.declare(spec.update, args)}) { data: ${spec.update}(${index.pass(spec.update, args)}) { ${(spec.oneFields ?? spec.listFields)()} } }`),
          variables: { id: params.id, input, ...extra },
          parseResponse: ({ data }) => ({ data: toRecord(spec, data.data as Node) }),
        };
      }
      case 'DELETE': {
        const params = rawParams as DeleteParams;
        if (!spec.remove) throw new Error(`${resource} cannot be deactivated here`);
        return {
          query: parse(`mutation Remove($id: ID!) { data: ${spec.remove}(id: $id) { ${spec.listFields()} } }`),
          variables: { id: params.id },
          parseResponse: ({ data }) => ({ data: toRecord(spec, data.data as Node) }),
        };
      }
      default:
        throw new Error(`${fetchType} is not supported for ${resource}`);
    }
  };
}
