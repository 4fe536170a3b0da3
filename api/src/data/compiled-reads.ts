import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContextResponseForOperation } from '@apollo/server';
import type { Knex } from '@mikro-orm/postgresql';
import { validate } from 'class-validator';
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { SCOPE_FILTER } from '../auth/scope-filter';
import { getArgumentValues, getVariableValues, Kind, type FieldNode, type FragmentDefinitionNode, GraphQLObjectType, getNamedType } from 'graphql';
import { fromGlobalId } from '../common/global-id';
import { ARGUMENT_VALIDATION } from '../common/connection';
import { beginRequest, finishRequest } from '../context/create-context';
import type { RequestContext } from '../context/request-context';
import { NotCompilable, ReadCompiler, type Statement } from './read-compiler';
import type { ReadCatalog, ReadModel, RootRead } from './read-model';
import { UntranslatableCondition } from './sql-condition';

type Answer = Record<string, unknown>;

/** Operations this process answered compiled (tests and diagnosis tell the two paths apart by it). */
export const compiledReadStats = { answered: 0 };

/**
 * Answers a query whose every root field the read compiler knows with one SQL statement per
 * root field, before graphql-js would resolve it field by field. Anything else (a mutation, a
 * field outside the read models, an argument the resolvers would refuse, a record not found)
 * returns null here and runs through the resolvers, which give the answer or the error.
 */
export function compiledReads(catalogs: ReadCatalog[], logger: Logger): ApolloServerPlugin<RequestContext> {
  const models = new Map<string, ReadModel>(catalogs.flatMap((catalog) => catalog.models.map((model) => [model.type, model] as const)));
  const roots = new Map<string, RootRead>(catalogs.flatMap((catalog) => Object.entries(catalog.roots)));
  return {
    async requestDidStart() {
      return {
        async responseForOperation(request) {
          const data = await answer(request, models, roots).catch(async (error: unknown) => {
            // A statement PostgreSQL refused (a compiler bug): logged, and the resolvers answer in a fresh transaction.
            logger.error({ requestId: request.contextValue.requestId, err: error }, 'compiled read failed');
            await finishRequest(request.contextValue, true);
            return null;
          });
          if (data) compiledReadStats.answered += 1;
          return data && { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
        },
      };
    },
  };
}

async function answer(
  request: GraphQLRequestContextResponseForOperation<RequestContext>,
  models: ReadonlyMap<string, ReadModel>,
  roots: ReadonlyMap<string, RootRead>,
): Promise<Answer | null> {
  const { operation, document, schema, contextValue: ctx } = request;
  if (operation.operation !== 'query' || operation.directives?.length) return null;
  const queryType = schema.getQueryType();
  const fields = operation.selectionSet.selections;
  // Root fields plainly listed (no fragments or directives at the root), each one the compiler knows.
  if (!queryType || !fields.every((s): s is FieldNode => s.kind === Kind.FIELD && !s.directives?.length)) return null;
  if (!fields.every((field) => field.name.value === '__typename' || roots.has(field.name.value))) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.request.variables ?? {});
  if (coerced.errors) return null;
  await beginRequest(ctx);
  // No caller, a refused API key or a role that may not read the type: the resolvers say so.
  if (!ctx.principal || ctx.refusal) return null;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const scoped = ctx.em.config.get('filters')[SCOPE_FILTER]?.default !== false;
  const data: Answer = {};
  try {
    for (const field of fields) {
      const key = field.alias?.value ?? field.name.value;
      if (key in data) return null;
      if (field.name.value === '__typename') {
        data[key] = queryType.name;
        continue;
      }
      const root = roots.get(field.name.value) as RootRead;
      const model = models.get(root.type);
      if (!model?.subject || !ctx.ability.can('read', model.subject)) return null;
      const definition = queryType.getFields()[field.name.value];
      const args = getArgumentValues(definition, field, coerced.coerced);
      const compiler = new ReadCompiler({ schema, fragments, variables: coerced.coerced, ability: ctx.ability, models, metadata: ctx.em.getMetadata(), scoped });
      let statement: Statement;
      if (root.kind === 'byId') {
        statement = compiler.byId(root.type, fromGlobalId(model.entity.name, String(args.id)), field);
      } else {
        if (!(await argumentsValid(root.validate ?? {}, args))) return null;
        const connectionType = getNamedType(definition.type);
        if (!(connectionType instanceof GraphQLObjectType)) return null;
        statement = compiler.list(root.type, await root.query(ctx, args), args, field, connectionType);
      }
      const value = await run(ctx, statement);
      // Not found (or out of territory): the resolver raises NOT_FOUND with its path.
      if (value === undefined || value === null) return null;
      data[key] = value;
    }
  } catch (error) {
    if (error instanceof NotCompilable || error instanceof UntranslatableCondition || isDomainRefusal(error)) return null;
    throw error;
  }
  return data;
}

/** Input objects checked with the resolvers' own class-validator rules; a refusal is theirs to word. */
async function argumentsValid(classes: Record<string, new () => object>, args: Record<string, unknown>): Promise<boolean> {
  for (const [name, type] of Object.entries(classes)) {
    const value = args[name];
    if (value == null) continue;
    const errors = await validate(Object.assign(new type(), value), { ...ARGUMENT_VALIDATION, skipMissingProperties: true });
    if (errors.length) return false;
  }
  return true;
}

/** Errors a service raises while building a list's filter (an unknown grid in `withinId`...). */
function isDomainRefusal(error: unknown): boolean {
  return error instanceof Error && 'extensions' in error;
}

/** A named statement per SQL text: PostgreSQL parses and plans each shape once per connection. */
async function run(ctx: RequestContext, statement: Statement): Promise<unknown> {
  const trx = ctx.em.getTransactionContext<Knex.Transaction>();
  if (!trx) throw new Error('A compiled read outside the request transaction');
  const name = `gw_${createHash('sha1').update(statement.sql).digest('base64url').slice(0, 20)}`;
  const result = (await trx.raw(statement.sql).options({ name, values: statement.values })) as { rows: { v: unknown }[] };
  return result.rows[0]?.v;
}
