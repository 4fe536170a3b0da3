import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { onError } from '@apollo/client/link/error';
import { reportUnauthenticated } from './auth/sessionLapse';
import { readYourWritesLink } from './readYourWrites';

/** Signing in answers UNAUTHENTICATED for a wrong password: that is not a lapsed session. */
const SIGN_IN_OPERATIONS = new Set(['SignIn', 'Me', 'SignOut']);

/** Any answer saying the session is gone, from any screen, opens the sign-in-again dialog. */
const lapseLink = onError(({ graphQLErrors, networkError, operation }) => {
  if (SIGN_IN_OPERATIONS.has(operation.operationName)) return;
  const fromBody = networkError && 'result' in networkError && typeof networkError.result === 'object' ? (networkError.result as { errors?: { extensions?: { code?: unknown } }[] }).errors : undefined;
  const errors = [...(graphQLErrors ?? []), ...(fromBody ?? [])];
  if (errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) reportUnauthenticated();
});

/** Same origin as the console: the HttpOnly session cookie travels by itself, no token in JS. */
export const apolloClient = new ApolloClient({
  link: ApolloLink.from([lapseLink, readYourWritesLink(), new HttpLink({ uri: '/graphql', credentials: 'same-origin' })]),
  cache: new InMemoryCache(),
  defaultOptions: {
    query: { fetchPolicy: 'network-only', errorPolicy: 'none' },
    mutate: { errorPolicy: 'none' },
  },
});
