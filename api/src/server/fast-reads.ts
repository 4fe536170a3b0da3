import { parse as parseContentType } from 'content-type';
import getRawBody from 'raw-body';
import type { GraphQLSchema } from 'graphql';
import type { IncomingHttpHeaders, IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { compiledReadStats, type CompiledReads } from '../data/compiled-reads';
import type { RequestContext } from '../context/request-context';
import type { RequestHead } from '../context/create-context';
import { documentCost } from './cost';
import { malformedBody, requestIdOf } from './request-head';
import { valueProblem } from './text-input';
import { READ_FROM_HEADER } from '../db/read-target';
import { failureBody, infrastructureFailure } from '../common/infrastructure-errors';

export interface FastReadOptions {
  reads: CompiledReads;
  schema: GraphQLSchema;
  maxCost: number;
  /** Express's JSON body limit, in bytes: a larger body is Express's to refuse. */
  bodyLimit: number;
  contextOf: (head: RequestHead) => RequestContext;
  /** The request logger Express runs (pino-http), when request lines are logged. */
  requestLog: ((req: IncomingMessage, res: ServerResponse) => void) | null;
  logger: Logger;
}

type Body = { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: unknown };

/**
 * Compiled reads in front of Express and Apollo: a JSON POST to /graphql whose query text
 * Apollo has already parsed, validated and seen answered compiled, from a caller kept in
 * memory, is priced (cost.ts) and answered here, the way Apollo would answer it (same body,
 * same content type). Anything else goes on to Express with its body already read (Express's
 * JSON parser leaves a read body alone), where Apollo answers or refuses it. Express's routing,
 * body parsing and Apollo's pipeline were about half of a small read's server time.
 */
export function fastReads(options: FastReadOptions, app: RequestListener): RequestListener {
  return (req, res) => {
    const type = req.method === 'POST' && req.url === '/graphql' ? responseType(req.headers) : null;
    const length = Number(req.headers['content-length']);
    if (!type || !(length > 0 && length <= options.bodyLimit) || !plainJson(req.headers)) return app(req, res);
    // Express's own body reader: a body shorter than its Content-Length is malformed, as there.
    getRawBody(req, { length, limit: options.bodyLimit, encoding: 'utf-8' }).then(
      (text) => answer(options, app, req, res, type, text),
      () => malformed(options, req, res),
    );
  };
}

function answer(options: FastReadOptions, app: RequestListener, req: IncomingMessage, res: ServerResponse, type: string, text: string): void {
  const { reads, schema, maxCost, contextOf, logger } = options;
  let body: Body;
  try {
    // As Express's JSON parser (strict; raw-body decoded the UTF-8 without its byte-order mark): an object or an array.
    if (!/^[ \t\n\r]*[{[]/.test(text)) throw new SyntaxError('not an object or array');
    body = JSON.parse(text) as Body;
  } catch {
    return malformed(options, req, res);
  }
  (req as IncomingMessage & { body?: unknown }).body = body;
  const known = typeof body?.query === 'string' ? reads.known.get(body.query) : undefined;
  const variables = body?.variables ?? {};
  if (!known || body.extensions != null || (body.operationName ?? null) !== known.operationName) return app(req, res);
  if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) return app(req, res);
  // A character no text may hold is Apollo's to refuse (text-input.ts); a known document's own literals passed there once.
  if (valueProblem(variables)) return app(req, res);
  if (documentCost(known.operation.selectionSet, known.fragments, variables as Record<string, unknown>) > maxCost) return app(req, res);
  const requestId = requestIdOf(req.headers);
  const ctx = contextOf({ headers: req.headers, requestId });
  reads
    .answer({ schema, document: known.document, operation: known.operation, fragments: known.fragments, variables: variables as Record<string, unknown>, ctx }, true)
    .then((data) => {
      if (!data) return app(req, res);
      compiledReadStats.answered += 1;
      compiledReadStats.withoutApollo += 1;
      res.setHeader('x-request-id', requestId);
      if (ctx.readFrom) res.setHeader(READ_FROM_HEADER, ctx.readFrom);
      options.requestLog?.(req, res);
      res.writeHead(200, { 'content-type': type }).end(`${JSON.stringify({ data })}\n`);
    })
    .catch((error: unknown) => {
      // The database is away: answered here, as Apollo's path now would (503 DATABASE_UNAVAILABLE).
      const failure = infrastructureFailure(error);
      if (failure) {
        res.setHeader('x-request-id', requestId);
        options.requestLog?.(req, res);
        res.writeHead(failure.status, { 'content-type': type }).end(`${JSON.stringify(failureBody(failure, requestId))}\n`);
        return;
      }
      logger.error({ requestId, err: error }, 'compiled read failed');
      app(req, res);
    });
}

/** What Express answers to a body that cannot be read as JSON (and its log line). */
function malformed(options: FastReadOptions, req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('x-request-id', requestIdOf(req.headers));
  options.requestLog?.(req, res);
  malformedBody(res);
}

/** Apollo's content negotiation for a JSON POST: only the plain cases are answered here. */
function responseType(headers: IncomingHttpHeaders): string | null {
  const accept = headers.accept;
  if (!accept || accept === '*/*' || accept === 'application/json') return 'application/json; charset=utf-8';
  if (accept === 'application/graphql-response+json') return 'application/graphql-response+json; charset=utf-8';
  return null;
}

/** A body Express would read as plain JSON: that media type, UTF-8, not compressed. */
function plainJson(headers: IncomingHttpHeaders): boolean {
  if (headers['content-encoding'] && headers['content-encoding'] !== 'identity') return false;
  try {
    const { type, parameters } = parseContentType(headers['content-type'] ?? '');
    return type === 'application/json' && (parameters.charset ?? 'utf-8').toLowerCase() === 'utf-8';
  } catch {
    return false;
  }
}
