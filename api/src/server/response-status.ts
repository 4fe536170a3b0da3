import type { ApolloServerPlugin } from '@apollo/server';
import Negotiator from 'negotiator';
import type { RequestContext } from '../context/request-context';

const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json';

/** The media type Apollo answers with: the same negotiation, in the same order of preference. */
export function negotiatedType(accept: string | undefined): string | undefined {
  if (!accept) return JSON_TYPE;
  return new Negotiator({ headers: { accept } }).mediaType([JSON_TYPE, GRAPHQL_RESPONSE_TYPE]);
}

/**
 * Status codes as the GraphQL-over-HTTP spec recommends for each media type. Apollo answers
 * 400 to a document that does not parse or validate, or whose variables do not coerce, under
 * either type; a legacy `application/json` client should get 200 with the errors (clients of
 * that type read the body, not the status), while `graphql-response+json` keeps the 4xx.
 * Only these request errors are answered before execution, so a 400 with no data is one.
 */
export function spec200ForJson(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ request }) {
      const type = negotiatedType(request.http?.headers.get('accept'));
      if (type !== JSON_TYPE) return;
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || response.body.singleResult.data !== undefined) return;
          if (response.http.status === 400) response.http.status = 200;
        },
      };
    },
  };
}
