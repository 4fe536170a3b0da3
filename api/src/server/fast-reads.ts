import type { RequestHandler, Request, Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { compiledReadStats, type CompiledReads } from '../data/compiled-reads';
import type { RequestContext } from '../context/request-context';
import { documentCost } from './cost';

/**
 * Compiled reads without Apollo's request pipeline: a POST whose query text Apollo has already
 * parsed, validated and seen answered compiled, from a caller kept in memory, is priced (cost.ts)
 * and answered here, the way Apollo would answer it (same body, same content type). Anything
 * else, or anything that would be an error, goes on to Apollo, which answers or refuses it.
 * About a third of a small read's server time was Apollo's pipeline around a finished answer.
 */
export function fastReads(
  reads: CompiledReads,
  schema: GraphQLSchema,
  maxCost: number,
  contextOf: (req: Request, res: Response) => RequestContext,
  logger: Logger,
): RequestHandler {
  return (req, res, next) => {
    const body = req.body as { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: unknown } | undefined;
    const known = typeof body?.query === 'string' ? reads.known.get(body.query) : undefined;
    const variables = body?.variables ?? {};
    const type = responseType(req);
    if (!known || !type || body?.extensions != null || (body?.operationName ?? null) !== known.operationName) return next();
    if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) return next();
    if (documentCost(known.operation.selectionSet, known.fragments, variables as Record<string, unknown>) > maxCost) return next();
    const ctx = contextOf(req, res);
    reads
      .answer({ schema, document: known.document, operation: known.operation, fragments: known.fragments, variables: variables as Record<string, unknown>, ctx }, true)
      .then((data) => {
        if (!data) return next();
        compiledReadStats.answered += 1;
        compiledReadStats.withoutApollo += 1;
        res.status(200).setHeader('content-type', type).end(`${JSON.stringify({ data })}\n`);
      })
      .catch((error: unknown) => {
        logger.error({ requestId: ctx.requestId, err: error }, 'compiled read failed');
        next();
      });
  };
}

/** Apollo's content negotiation for a JSON POST: only the plain cases are answered here. */
function responseType(req: Request): string | null {
  if (!req.is('application/json')) return null;
  const accept = req.headers.accept;
  if (!accept || accept === '*/*' || accept === 'application/json') return 'application/json; charset=utf-8';
  if (accept === 'application/graphql-response+json') return 'application/graphql-response+json; charset=utf-8';
  return null;
}
