import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/** Same origin as the console: the HttpOnly session cookie travels by itself, no token in JS. */
export const apolloClient = new ApolloClient({
  link: new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
  cache: new InMemoryCache(),
  defaultOptions: {
    query: { fetchPolicy: 'network-only', errorPolicy: 'none' },
    mutate: { errorPolicy: 'none' },
  },
});
