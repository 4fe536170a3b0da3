import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import { textProblem } from '../common/text-rules';
import type { RequestContext } from '../context/request-context';

export interface TextProblem {
  message: string;
  /**
   * Where, named as validation errors name fields: within an argument's object (`name` of
   * `input: {name}`, `search` of `filter: {search}`), or the argument or variable itself (`q`).
   */
  field: string;
}

const fieldOf = (path: string[]): string => (path.length > 1 ? path.slice(1) : path).join('.');

/** The first problem of any string in a value (keys included): a request's variables. */
export function valueProblem(value: unknown, path: string[] = []): TextProblem | null {
  if (typeof value === 'string') {
    const message = textProblem(value);
    return message ? { message, field: fieldOf(path) } : null;
  }
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : value !== null && typeof value === 'object' ? Object.entries(value) : [];
  for (const [key, item] of entries) {
    const problem = valueProblem(key, path) ?? valueProblem(item, [...path, key]);
    if (problem) return problem;
  }
  return null;
}

/** Per parsed document (Apollo keeps a document's parse): its literals are read once. */
const documentProblems = new WeakMap<DocumentNode, TextProblem | null>();

function documentProblem(document: DocumentNode): TextProblem | null {
  if (documentProblems.has(document)) return documentProblems.get(document) ?? null;
  let found: TextProblem | null = null;
  visit(document, {
    [Kind.STRING](node, _key, parent, _path, ancestors) {
      const message = found ? null : textProblem(node.value);
      if (!message) return;
      const names = [...ancestors, parent ?? []].flatMap((ancestor) => ('kind' in ancestor && (ancestor.kind === Kind.ARGUMENT || ancestor.kind === Kind.OBJECT_FIELD) ? [ancestor.name.value] : []));
      found = { message, field: fieldOf(names) };
    },
  });
  documentProblems.set(document, found);
  return found;
}

/**
 * Refuses, before any resolver or SQL runs, an operation whose variables or string literals hold
 * a character no text of ours may hold: BAD_USER_INPUT saying which, and nothing changes. (The
 * compiled reads' fast path sends a request whose variables hold one to Apollo, server/fast-reads.ts;
 * a document it knows passed here once.)
 */
export function textInput(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const problem = valueProblem(request.variables ?? {}) ?? documentProblem(document);
          if (problem) throw new GraphQLError(problem.message, { extensions: { code: 'BAD_USER_INPUT', field: problem.field, http: { status: 400 } } });
        },
      };
    },
  };
}
