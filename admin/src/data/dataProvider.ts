import type { ApolloClient } from '@apollo/client';
import buildGraphQLProvider from 'ra-data-graphql';
import type { DataProvider, GetListParams, GetListResult, GetManyParams, RaRecord } from 'react-admin';
import introspectionSchema from 'virtual:gridwatch-introspection';
import { buildQueryFactory, listQuery, parse, specOf } from './buildQuery';
import { cursorBook as book } from './cursors';
import { toHttpError } from './errors';
import { SchemaIndex } from './schema';
import type { Filter } from './spec';

/** Our provider's own method beside react-admin's. */
export interface GridwatchDataProvider extends DataProvider {
  /** Several counts of one list in one request: `{ name: filter }` → `{ name: totalCount }`. */
  countMany(resource: string, filters: Record<string, Filter>): Promise<Record<string, number>>;
}

const WALK_STEP = 100;

/**
 * react-admin's data provider: ra-data-graphql with our query builder, the schema given
 * statically (introspection is off in production), keyset pages, and API errors mapped.
 */
export function createDataProvider(client: ApolloClient<unknown>): GridwatchDataProvider {
  const index = new SchemaIndex(introspectionSchema);
  const base = buildGraphQLProvider({
    client,
    // The bundled schema: no introspection query ever reaches the server. Resources are
    // named by us (grids, cases, ...) and their operations are looked up by the builder.
    introspection: { schema: introspectionSchema },
    buildQuery: buildQueryFactory,
  });

  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toHttpError(error);
    }
  };

  /** Finds the cursor that starts `page` by walking forward from the last page we know. */
  async function startCursor(resource: string, params: GetListParams, key: string, page: number, perPage: number): Promise<string | undefined> {
    const known = book.startOf(key, page);
    if (known !== null) return known;
    const spec = specOf(resource);
    let reached = book.lastKnown(key);
    let after = book.startOf(key, reached + 1) ?? undefined;
    let remaining = (page - 1 - reached) * perPage;
    const { query, variables } = listQuery(index, spec, params, 'edges { cursor } pageInfo { hasNextPage }');
    let offsetInPage = 0;
    while (remaining > 0) {
      const first = Math.min(WALK_STEP, remaining);
      const result = await client.query<{ data: { edges: { cursor: string }[]; pageInfo: { hasNextPage: boolean } } }>({
        query,
        variables: { ...variables, first, ...(after ? { after } : {}) },
        fetchPolicy: 'network-only',
      });
      const edges = result.data.data.edges;
      for (const edge of edges) {
        offsetInPage++;
        if (offsetInPage === perPage) {
          reached++;
          book.recordEnd(key, reached, edge.cursor);
          offsetInPage = 0;
        }
      }
      remaining -= edges.length;
      after = edges.at(-1)?.cursor ?? after;
      if (!result.data.data.pageInfo.hasNextPage || edges.length === 0) break;
    }
    return book.startOf(key, page) ?? after;
  }

  /** Exports ask for up to 1,000 rows: fetched as consecutive keyset pages of 100. */
  async function collect<R extends RaRecord>(resource: string, params: GetListParams, limit: number): Promise<GetListResult<R>> {
    const rows: R[] = [];
    let total: number | undefined;
    for (let page = 1; rows.length < limit; page++) {
      const result = await provider.getList<R>(resource, { ...params, pagination: { page, perPage: 100 } });
      rows.push(...result.data);
      total = result.total;
      if (!result.pageInfo?.hasNextPage || result.data.length === 0) break;
    }
    return { data: rows.slice(0, limit), total };
  }

  const provider: GridwatchDataProvider = {
    ...base,
    // Queue chips would otherwise send one counting request each: aliases of the list field in one
    // operation (its top-level arguments beside `filter` are not needed by any counted list).
    countMany: (resource, filters) =>
      guard(async () => {
        const spec = specOf(resource);
        const names = Object.keys(filters);
        const declared = names.map((_, i) => index.declare(spec.list, ['filter']).replace('$filter', `$f${i}`)).join(', ');
        const fields = names.map((_, i) => `c${i}: ${spec.list}(first: 1, filter: $f${i}) { totalCount }`).join(' ');
        const variables = Object.fromEntries(names.map((name, i) => [`f${i}`, index.pick(spec.list, 'filter', spec.toFilter ? spec.toFilter(filters[name]) : filters[name])]));
        const { data } = await client.query<Record<string, { totalCount: number }>>({ query: parse(`query Counts(${declared}) { ${fields} }`), variables, fetchPolicy: 'network-only' });
        return Object.fromEntries(names.map((name, i) => [name, data[`c${i}`].totalCount]));
      }),
    async getList<R extends RaRecord>(resource: string, params: GetListParams): Promise<GetListResult<R>> {
      return guard(async () => {
        const page = params.pagination?.page ?? 1;
        const perPage = params.pagination?.perPage ?? 25;
        if (perPage > 100 && page === 1) return collect<R>(resource, params, perPage);
        const key = book.key(resource, params.filter, params.sort, perPage);
        const after = specOf(resource).plainList ? undefined : await startCursor(resource, params, key, page, perPage);
        const result = await base.getList<R>(resource, { ...params, meta: { ...params.meta, after } });
        const endCursor = (result.meta as { endCursor?: string | null } | undefined)?.endCursor;
        if (endCursor !== undefined) book.recordEnd(key, page, endCursor);
        return result;
      });
    },
    // A reference list is a filtered list: the same keyset pages (grid → children, sources, cases).
    getManyReference: (resource, params) =>
      provider.getList(resource, { ...params, filter: { ...params.filter, [params.target]: params.id } }),
    getOne: (resource, params) => guard(() => base.getOne(resource, params)),
    async getMany<R extends RaRecord>(resource: string, params: GetManyParams) {
      // The API looks records up one id at a time; references show a handful per page.
      return guard(async () => {
        if (specOf(resource).plainList) {
          const all = await base.getList<R>(resource, { pagination: { page: 1, perPage: 100 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
          return { data: all.data.filter((r) => params.ids.includes(r.id)) };
        }
        const rows = await Promise.all(
          params.ids.map((id) => base.getOne<R>(resource, { id }).then((r) => r.data, () => null)),
        );
        return { data: rows.filter((r): r is Awaited<typeof rows>[number] & R => r != null) };
      });
    },
    create: (resource, params) =>
      guard(async () => {
        book.forget(resource);
        return base.create(resource, params);
      }),
    update: (resource, params) => guard(() => base.update(resource, params)),
    delete: (resource, params) => guard(() => base.delete(resource, params)),
    updateMany: () => Promise.reject(new Error('gw.errors.NOT_SUPPORTED')),
    deleteMany: (resource, params) =>
      guard(async () => {
        const done = await Promise.all(params.ids.map((id) => base.delete(resource, { id })));
        return { data: done.map((d) => d.data.id) };
      }),
  };
  return provider;
}
