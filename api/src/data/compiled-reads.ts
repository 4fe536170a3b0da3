import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { Knex } from '@mikro-orm/postgresql';
import { validate } from 'class-validator';
import { LRUCache } from 'lru-cache';
import type { Pool } from 'pg';
import type { AppAbility } from '../auth/ability';
import type { Logger } from 'pino';
import { SCOPE_FILTER } from '../auth/scope-filter';
import {
  getArgumentValues,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  getNamedType,
  getVariableValues,
  GraphQLObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { fromGlobalId } from '../common/global-id';
import { infrastructureFailure, unavailableResponse } from '../common/infrastructure-errors';
import { ARGUMENT_VALIDATION } from '../common/connection';
import { fragmentsOf } from '../common/selection';
import { bindFromMemory } from '../context/create-context';
import { beginRequest, finishRequest } from '../context/unit-of-work';
import type { RequestContext } from '../context/request-context';
import { NotCompilable, ReadCompiler, type Statement } from './read-compiler';
import type { ReadCatalog, ReadModel, RootRead } from './read-model';
import { UntranslatableCondition } from './sql-condition';
import { readInOneTrip, statementName } from './read-connection';

type Answer = Record<string, unknown>;

/** Operations this process answered compiled (tests and diagnosis tell the two paths apart by it). */
export const compiledReadStats = { answered: 0, withoutApollo: 0 };

/** What a compiled read needs of a request: its parsed, validated operation and the caller. */
export interface ReadRequest {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  ctx: RequestContext;
  /** The document's fragments, when the caller has them already (fragmentsOf). */
  fragments?: Record<string, FragmentDefinitionNode>;
}

/** A document Apollo parsed and validated and the compiler answered (server/fast-reads.ts answers it again without Apollo). */
export interface KnownDocument {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationName: string | null;
  fragments: Record<string, FragmentDefinitionNode>;
}

export interface CompiledReads {
  plugin: ApolloServerPlugin<RequestContext>;
  /** Query text → the document, for documents answered compiled. */
  known: LRUCache<string, KnownDocument>;
  /** The answer, or null for the resolvers; `memoryOnly`: null also when the caller is not kept in memory (no transaction is opened). */
  answer(request: ReadRequest, memoryOnly: boolean): Promise<Answer | null>;
}

/**
 * Answers a query whose every root field the read compiler knows with one SQL statement per
 * root field, before graphql-js would resolve it field by field. Anything else (a mutation, a
 * field outside the read models, an argument the resolvers would refuse, a record not found)
 * returns null here and runs through the resolvers, which give the answer or the error.
 */
/** Which pool a query reads from: the replica's router (server/read-router.ts) when there is one. */
export interface ReadPoolChoice {
  poolFor(ctx: RequestContext, primary: Pool): Pool;
}

export interface ReadOptions {
  router?: ReadPoolChoice | null;
  /** Session-level prepared statements; off behind a transaction-mode pooler (db/pooler.ts). */
  prepared?: boolean;
}

export function compiledReads(catalogs: ReadCatalog[], logger: Logger, pool: Pool, options: ReadOptions = {}): CompiledReads {
  const models = new Map<string, ReadModel>(catalogs.flatMap((catalog) => catalog.models.map((model) => [model.type, model] as const)));
  const roots = new Map<string, RootRead>(catalogs.flatMap((catalog) => Object.entries(catalog.roots)));
  const known = new LRUCache<string, KnownDocument>({ max: 1000 });
  const pools = { pool, router: options.router ?? null, prepared: options.prepared ?? true };
  const answerOf = (request: ReadRequest, memoryOnly: boolean) => answer(request, models, roots, pools, memoryOnly);
  const plugin: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      return {
        async responseForOperation(request) {
          const { operation, document, schema, contextValue: ctx } = request;
          let data: Answer | null;
          try {
            data = await answerOf({ operation, document, schema, ctx, variables: request.request.variables ?? {} }, false);
          } catch (error) {
            await finishRequest(ctx, true).catch(() => undefined);
            // The database is away: the resolvers would fail the same way (a hook's throw would be masked).
            if (infrastructureFailure(error)) return unavailableResponse(error);
            // A statement PostgreSQL refused (a compiler bug): logged, and the resolvers answer in a fresh transaction.
            logger.error({ requestId: ctx.requestId, err: error }, 'compiled read failed');
            return null;
          }
          if (!data) return null;
          compiledReadStats.answered += 1;
          if (request.source) known.set(request.source, { document, operation, operationName: request.request.operationName ?? null, fragments: fragmentsOf(document) });
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
        },
      };
    },
  };
  return { plugin, known, answer: answerOf };
}

async function answer(
  request: ReadRequest,
  models: ReadonlyMap<string, ReadModel>,
  roots: ReadonlyMap<string, RootRead>,
  pools: { pool: Pool; router: ReadPoolChoice | null; prepared: boolean },
  memoryOnly: boolean,
): Promise<Answer | null> {
  const { operation, document, schema, ctx } = request;
  if (operation.operation !== 'query' || operation.directives?.length) return null;
  const queryType = schema.getQueryType();
  const listed = operation.selectionSet.selections;
  // Root fields plainly listed (no fragments at the root, no directive but @include and @skip), each one the compiler knows.
  if (!queryType || !listed.every((s): s is FieldNode => s.kind === Kind.FIELD && (s.directives ?? []).every((d) => INCLUSION.has(d.name.value)))) return null;
  if (!listed.every((field) => field.name.value === '__typename' || roots.has(field.name.value))) return null;
  if (new Set(listed.map((field) => field.alias?.value ?? field.name.value)).size !== listed.length) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables);
  if (coerced.errors) return null;
  // The fields @include/@skip leave in (the console's dashboard asks for a unit's children only when it has some).
  const fields = listed.filter((field) => included(field, coerced.coerced));
  // Nothing to read (`{ __typename }`): graphql-js answers without the database.
  if (fields.every((field) => field.name.value === '__typename')) return null;
  const argumentsOf = new Map<FieldNode, Record<string, unknown>>();
  try {
    for (const field of fields) if (field.name.value !== '__typename') argumentsOf.set(field, getArgumentValues(queryType.getFields()[field.name.value], field, coerced.coerced));
  } catch {
    // An argument graphql-js refuses: its error is the resolvers' to give.
    return null;
  }
  // A caller kept in memory needs no transaction of the ORM's: its binding travels with the read;
  // unless a list's filter names a record, which the service looks up through the ORM.
  const looksUp = fields.some((field) => {
    const root = roots.get(field.name.value);
    return root !== undefined && 'looksUp' in root && root.looksUp(argumentsOf.get(field) ?? {});
  });
  const binding = looksUp ? null : bindFromMemory(ctx);
  if (binding === null && memoryOnly) return null;
  // The replica or the primary, decided before the first statement (the resolvers' reads follow it).
  const pool = pools.router ? pools.router.poolFor(ctx, pools.pool) : pools.pool;
  if (binding === null) await beginRequest(ctx);
  // No caller, a refused API key or a role that may not read the type: the resolvers say so.
  if (!ctx.principal || ctx.refusal) return null;
  const fragments = request.fragments ?? fragmentsOf(document);
  const statements: { key: string; statement: Statement }[] = [];
  try {
    for (const field of fields) {
      if (field.name.value === '__typename') continue;
      const root = roots.get(field.name.value) as RootRead;
      const model = models.get(root.type);
      if (!model?.subject || !ctx.ability.can('read', model.subject)) return null;
      const definition = queryType.getFields()[field.name.value];
      const args = argumentsOf.get(field) ?? {};
      const memo = keptFor(field, ctx.ability);
      const argsKey = JSON.stringify([coerced.coerced, args]);
      const checks = root.kind === 'list' ? { classes: root.validate ?? {} } : root.kind === 'rows' ? { classes: {}, whole: root.args } : null;
      if (checks && !(await remembered(memo, `valid:${argsKey}`, () => argumentsValid(checks.classes, args, checks.whole)))) return null;
      const query = root.kind === 'list' ? await root.query(ctx, args) : null;
      const rows = root.kind === 'rows' ? await root.query(ctx, args, field) : null;
      const compile = (): Statement => {
        const scoped = ctx.em.config.get('filters')[SCOPE_FILTER]?.default !== false;
        const compiler = new ReadCompiler({ schema, fragments, variables: coerced.coerced, ability: ctx.ability, models, metadata: ctx.em.getMetadata(), scoped });
        if (root.kind === 'byId') return compiler.byId(root.type, fromGlobalId(entityName(model), String(args.id)), field);
        if (root.kind === 'rows') return compiler.rows(root.type, rows, field);
        const connectionType = getNamedType(definition.type);
        if (!(connectionType instanceof GraphQLObjectType) || !query) throw new NotCompilable('not a connection');
        return compiler.list(root.type, query, args, field, connectionType);
      };
      const attempt = async (): Promise<Statement | false> => {
        try {
          return compile();
        } catch (error) {
          if (error instanceof NotCompilable || error instanceof UntranslatableCondition) return false;
          throw error;
        }
      };
      // Rows carry the clock's instant among their values: a new statement every request, not worth keeping.
      const statement = root.kind === 'rows' ? await attempt() : await remembered(memo, `sql:${argsKey}:${JSON.stringify(query)}`, attempt);
      if (statement === false) return null;
      statements.push({ key: field.alias?.value ?? field.name.value, statement });
    }
  } catch (error) {
    if (error instanceof NotCompilable || error instanceof UntranslatableCondition || isDomainRefusal(error)) return null;
    throw error;
  }
  const values = binding === null ? await runInTransaction(ctx, statements.map((s) => s.statement), pools.prepared) : await readInOneTrip(pool, binding, statements.map((s) => s.statement), pools.prepared);
  // Not found (or out of territory): the resolver raises NOT_FOUND with its path.
  if (values.some((value) => value === undefined || value === null)) return null;
  const byKey = new Map(statements.map((s, i) => [s.key, values[i]]));
  return Object.fromEntries(fields.map((field) => {
    const key = field.alias?.value ?? field.name.value;
    return [key, field.name.value === '__typename' ? queryType.name : byKey.get(key)];
  }));
}

/** The entity a by-id root reads (its global ids name it). */
function entityName(model: ReadModel): string {
  if ('rowColumns' in model.entity) throw new NotCompilable(`${model.type} has no ids`);
  return model.entity.name;
}

const INCLUSION = new Set(['include', 'skip']);

/** What graphql-js decides of a field's @include and @skip (shouldIncludeNode). */
function included(field: FieldNode, variables: Record<string, unknown>): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, field, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, field, variables)?.if !== false;
}

type Kept = LRUCache<string, Statement | boolean>;

/**
 * Compiled statements and argument checks, per root field node (Apollo keeps a document's
 * parse, so a repeated query is the same node) and caller's ability (kept per principal):
 * the same document, variables and list filter compile to the same statement and values.
 */
const kept = new WeakMap<FieldNode, WeakMap<AppAbility, Kept>>();

function keptFor(field: FieldNode, ability: AppAbility): Kept {
  const perAbility = kept.get(field) ?? new WeakMap<AppAbility, Kept>();
  kept.set(field, perAbility);
  let entries = perAbility.get(ability);
  if (!entries) {
    entries = new LRUCache<string, Statement | boolean>({ max: 64 });
    perAbility.set(ability, entries);
  }
  return entries;
}

async function remembered<T extends Statement | boolean>(entries: Kept, key: string, make: () => Promise<T>): Promise<T> {
  if (entries.has(key)) return entries.get(key) as T;
  const value = await make();
  entries.set(key, value);
  return value;
}

/** Input objects (and, given `whole`, the arguments as one class) checked with the resolvers' own class-validator rules; a refusal is theirs to word. */
async function argumentsValid(classes: Record<string, new () => object>, args: Record<string, unknown>, whole?: new () => object): Promise<boolean> {
  if (whole && (await validate(Object.assign(new whole(), args), ARGUMENT_VALIDATION)).length) return false;
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

/**
 * In the request's own transaction (its caller was looked up in it): one round trip each, named
 * statements unless `prepared` is off (behind PgBouncer in transaction mode a named statement
 * lives on a server connection the next transaction may not get).
 */
async function runInTransaction(ctx: RequestContext, statements: Statement[], prepared: boolean): Promise<unknown[]> {
  const trx = ctx.em.getTransactionContext<Knex.Transaction>();
  if (!trx) throw new Error('A compiled read outside the request transaction');
  const values: unknown[] = [];
  for (const { sql, values: bound } of statements) {
    const result = (await trx.raw(sql).options(prepared ? { name: statementName(sql), values: bound } : { values: bound })) as { rows: { v: unknown }[] };
    values.push(result.rows[0]?.v);
  }
  return values;
}
