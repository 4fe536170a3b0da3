import { gql, type ApolloClient } from '@apollo/client';

export interface Bucket {
  key: string;
  label: string;
  filter: Record<string, unknown>;
}

/** The API caps aliases per request (graphql-armor: 15); counts go out in batches below it. */
const ALIASES_PER_REQUEST = 12;

/**
 * Counts from the list query's opt-in totalCount under a filter: one aliased `cases(first: 1)`
 * per bucket, so every figure is exactly what the case list shows for that filter, in scope.
 */
export async function countCases(client: ApolloClient<unknown>, buckets: Bucket[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (let i = 0; i < buckets.length; i += ALIASES_PER_REQUEST) {
    const batch = buckets.slice(i, i + ALIASES_PER_REQUEST);
    const vars = batch.map((_, j) => `$f${j}: CaseFilter`).join(', ');
    const fields = batch.map((_, j) => `c${j}: cases(first: 1, filter: $f${j}) { totalCount }`).join(' ');
    const variables = Object.fromEntries(batch.map((b, j) => [`f${j}`, b.filter]));
    const { data } = await client.query<Record<string, { totalCount: number }>>({
      query: gql(`query Counts(${vars}) { ${fields} }`),
      variables,
      fetchPolicy: 'network-only',
    });
    batch.forEach((b, j) => {
      counts[b.key] = data[`c${j}`].totalCount;
    });
  }
  return counts;
}

export interface Unit {
  id: string;
  name: string;
}

export async function childUnits(client: ApolloClient<unknown>, parentId: string): Promise<Unit[]> {
  const { data } = await client.query<{ grids: { nodes: Unit[] } }>({
    query: gql`query Children($parentId: ID!) { grids(first: 100, filter: { parentId: $parentId }) { nodes { id name } } }`,
    variables: { parentId },
    fetchPolicy: 'network-only',
  });
  return data.grids.nodes;
}

export async function countSources(client: ApolloClient<unknown>): Promise<number> {
  const { data } = await client.query<{ sources: { totalCount: number } }>({
    query: gql`query SourceCount { sources(first: 1) { totalCount } }`,
    fetchPolicy: 'network-only',
  });
  return data.sources.totalCount;
}
