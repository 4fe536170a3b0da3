import { ApolloLink } from '@apollo/client';

/** The API's header: a mutation answers its commit's WAL position, and a query sent with it reads what that commit wrote. */
export const LSN_HEADER = 'x-gridwatch-lsn';

/** `16/B374D848` as two numbers, to keep the later of two positions (null when malformed). */
function parts(lsn: string): [number, number] | null {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(lsn);
  return match ? [parseInt(match[1], 16), parseInt(match[2], 16)] : null;
}

export function laterLsn(a: string | null, b: string | null): string | null {
  const pa = a ? parts(a) : null;
  const pb = b ? parts(b) : null;
  if (!pa) return pb ? b : null;
  if (!pb) return a;
  return pb[0] > pa[0] || (pb[0] === pa[0] && pb[1] > pa[1]) ? b : a;
}

/**
 * Read your writes behind a read replica: the last position a mutation answered is sent with
 * every later operation, so the API reads from the primary until the replica has replayed it
 * (and the list the user comes back to shows the record just saved).
 */
export function readYourWritesLink(): ApolloLink {
  let last: string | null = null;
  return new ApolloLink((operation, forward) => {
    const sent = last;
    if (sent) operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({ headers: { ...headers, [LSN_HEADER]: sent } }));
    return forward(operation).map((result) => {
      const response = (operation.getContext() as { response?: { headers?: { get(name: string): string | null } } }).response;
      last = laterLsn(last, response?.headers?.get(LSN_HEADER) ?? null);
      return result;
    });
  });
}
