import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, valueFromASTUntyped, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { RequestContext } from '../context/request-context';
import { fragmentsOf } from '../common/selection';

type Variables = Record<string, unknown>;

/** The page size a field asks for (`first` or `last`, literal or variable); 1 for other fields. */
function pageSize(field: FieldNode, variables: Variables): number {
  const sizes = (field.arguments ?? [])
    .filter((arg) => arg.name.value === 'first' || arg.name.value === 'last')
    .map((arg) => Number(valueFromASTUntyped(arg.value, variables)))
    .filter((size) => Number.isFinite(size) && size > 0);
  return sizes.length ? Math.max(...sizes) : 1;
}

/**
 * How many values an answer can hold at most: each field counts once per row of every page
 * above it, so grids(20) → sources(10) → cases(5) costs about 20 × 10 × 5 per field of a case,
 * whatever its depth. Fragments count where they are spread.
 */
export function documentCost(selectionSet: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, variables: Variables, spreading: ReadonlySet<string> = new Set()): number {
  let total = 0;
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      total += 1 + pageSize(selection, variables) * documentCost(selection.selectionSet, fragments, variables, spreading);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      total += documentCost(selection.selectionSet, fragments, variables, spreading);
    } else if (!spreading.has(selection.name.value)) {
      // A fragment that spreads itself is a validation error; it is not counted twice here.
      total += documentCost(fragments[selection.name.value]?.selectionSet, fragments, variables, new Set([...spreading, selection.name.value]));
    }
  }
  return total;
}

/**
 * Refuses an operation whose answer could be too big, before any SQL runs (the request's
 * transaction starts at execution). Priced with the variables' values, so a page size sent
 * as a variable costs what it asks for.
 */
export function costLimit(maxCost: number): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          const cost = documentCost(operation?.selectionSet, fragmentsOf(document), request.variables ?? {});
          if (cost > maxCost) {
            throw new GraphQLError(`Query cost limit of ${maxCost} exceeded, found ${cost}: ask for smaller pages`, {
              extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
