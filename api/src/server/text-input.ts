import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import type { RequestContext } from '../context/request-context';

/** PostgreSQL text cannot hold U+0000: such a string failed deep in a statement, as INTERNAL_SERVER_ERROR. */
const NUL = '\u0000';

function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (Array.isArray(value)) return value.some(hasNul);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([key, item]) => hasNul(key) || hasNul(item));
  return false;
}

function documentHasNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING](node) {
      if (node.value.includes(NUL)) found = true;
    },
  });
  return found;
}

/**
 * Refuses, before any resolver or SQL runs, an operation whose variables or string literals hold
 * the NUL character: BAD_USER_INPUT naming it, and nothing changes. (The compiled reads' fast
 * path leaves such bodies to Apollo, server/fast-reads.ts.)
 */
export function textInput(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          if (hasNul(request.variables) || documentHasNul(document)) {
            throw new GraphQLError('Text may not contain the NUL character (U+0000)', { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
          }
        },
      };
    },
  };
}
