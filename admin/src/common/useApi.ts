import type { DocumentNode } from '@apollo/client';
import { useEffect, useState } from 'react';
import { apolloClient } from '../apollo';
import { toHttpError } from '../data/errors';

/** A query for a custom screen (no ApolloProvider in the tree): data, the mapped error message, and a reload. */
export function useApi<T>(query: DocumentNode, variables: Record<string, unknown> | null): { data: T | null; error: string | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (variables === null) return;
    let live = true;
    setError(null);
    apolloClient
      .query<T>({ query, variables, fetchPolicy: 'network-only' })
      .then((result) => live && setData(result.data))
      .catch((e: unknown) => live && setError(toHttpError(e).message));
    return () => {
      live = false;
    };
    // `key` stands for the variables' content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, key, round]);
  return { data, error, reload: () => setRound((r) => r + 1) };
}
