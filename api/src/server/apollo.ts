import { ApolloServer, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLSchema } from 'graphql';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { beginRequest, finishRequest } from '../context/unit-of-work';
import type { RequestContext } from '../context/request-context';
import type { Config } from '../config';
import { costLimit } from './cost';
import { spec200ForJson } from './response-status';
import { textInput } from './text-input';
import { formatError, isUnexpected } from './errors';
import { infrastructureFailure, unavailableResponse } from '../common/infrastructure-errors';
import { LSN_HEADER, READ_FROM_HEADER } from '../db/read-target';
import type { ReadRouter } from './read-router';

/** Limits that reject abusive documents before any resolver (or SQL) runs. */
export const queryLimits = {
  maxDepth: 12,
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 20,
  /**
   * Values an answer may hold at most, pages multiplied out (see cost.ts): the N+1 test's
   * 100 villages → 20 sources → 10 cases with their events costs 434,401; three levels of
   * 100 (2,020,201) are refused.
   */
  maxCost: 500_000,
};

/**
 * The request lifecycle around execution: its unit of work (one transaction, opened after
 * validation so refused documents cost no SQL, committed or rolled back as a whole), the logging of masked errors with the request id the
 * client got, and that id on every error.
 */
function requestLifecycle(logger: Logger, router: ReadRouter | null): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          // A query may read from the replica; a mutation's reads, and its writes, stay on the primary.
          if (router && operation?.operation === 'query') router.route(contextValue);
        },
        // A hook that throws is masked by Apollo as a bare INTERNAL_SERVER_ERROR: a lost database is answered instead.
        async responseForOperation({ contextValue }) {
          try {
            await beginRequest(contextValue);
            return null;
          } catch (error) {
            return unavailableResponse(error);
          }
        },
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (isUnexpected(error)) {
              logger.error({ requestId: contextValue.requestId, operationName, err: error.originalError ?? error }, 'unexpected error');
            }
          }
        },
        async willSendResponse({ response, contextValue, operation, errors }) {
          const rootErrors = (errors ?? []).filter((error) => error.path?.length === 1);
          const mutation = operation?.operation === 'mutation';
          try {
            await finishRequest(contextValue, mutation && rootErrors.length > 0, operation?.operation === 'query');
            // The client sends the commit's position back, and reads its own writes (server/read-router.ts).
            if (router && mutation) response.http.headers.set(LSN_HEADER, await router.committedLsn());
          } catch (error) {
            // Lost at COMMIT (the write may or may not be there: infrastructure-errors.ts says so), never "success".
            const unavailable = unavailableResponse(error);
            response.http.status = unavailable.http.status;
            response.body = unavailable.body;
          }
          // A root field that failed for want of the database: 503, as the other paths (retry later).
          if (rootErrors.some((error) => infrastructureFailure(error.originalError ?? error)) && (mutation || !hasData(response))) response.http.status = 503;
          if (contextValue.readFrom) response.http.headers.set(READ_FROM_HEADER, contextValue.readFrom);
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            Object.assign(error, { extensions: { ...error.extensions, requestId: contextValue.requestId } });
          }
        },
      };
    },
  };
}

function hasData(response: GraphQLResponse): boolean {
  const data = response.body.kind === 'single' ? response.body.singleResult.data : response.body.initialResult.data;
  return data != null && Object.values(data).some((value) => value != null);
}

export function createApollo(
  schema: GraphQLSchema,
  httpServer: Server,
  logger: Logger,
  config: Pick<Config, 'production'>,
  compiled: ApolloServerPlugin<RequestContext> | null,
  router: ReadRouter | null = null,
) {
  const { production } = config;
  const armor = new ApolloArmor({
    maxDepth: { n: queryLimits.maxDepth },
    maxAliases: { n: queryLimits.maxAliases },
    // graphql-js counts tokens in Apollo's own parse (parseOptions below): armor's extra parser
    // answered syntax errors outside the request pipeline, with the wrong code and status.
    maxTokens: { enabled: false },
    maxDirectives: { n: queryLimits.maxDirectives },
    // graphql-armor's cost is static (depth-weighted, blind to page sizes): cost.ts prices pages instead.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return new ApolloServer<RequestContext>({
    schema,
    ...armor,
    plugins: [
      ...armor.plugins,
      costLimit(queryLimits.maxCost),
      textInput(),
      spec200ForJson(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // We set no cache hints; the default plugin still wrapped every field resolver (~3 ms per list of 50).
      ApolloServerPluginCacheControlDisabled(),
      // Compiled reads first: a caller kept in memory reads without the ORM's transaction, which the lifecycle then opens for the rest.
      ...(compiled ? [compiled] : []),
      requestLifecycle(logger, router),
    ],
    introspection: !production,
    parseOptions: { maxTokens: queryLimits.maxTokens },
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError,
  });
}
