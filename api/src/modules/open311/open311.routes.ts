import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { Limits } from '../../auth/limits';
import type { Clock } from '../../common/clock';
import { NotFoundError, UnauthenticatedError } from '../../common/errors';
import { createRequestContext } from '../../context/create-context';
import { beginRequest, finishRequest, runInRequest } from '../../context/unit-of-work';
import type { RequestContext } from '../../context/request-context';
import { formatOf, send, specErrors, type Format } from './open311.format';
import { jurisdictionOf, postRequestInput, requestsQuery } from './open311.inputs';
import { checkJurisdiction, open311Service, SPEC_FIELDS } from './open311.service';

export const OPEN311_BASE = '/open311/v2';

export interface Open311Options {
  /** The jurisdiction_id this server answers to; null: the city's division code (340100). */
  jurisdictionId: string | null;
  bodyLimit: number;
}

type Locals = { requestId: string; ctx?: RequestContext; format: Format };
/** What a handler answers; `xml` when the XML document nests otherwise than the JSON (a definition's attributes). */
type Answer = { status?: number; body: unknown; root: string; item?: string; xml?: unknown };

const specField = (field: string): string => SPEC_FIELDS[field] ?? field;

/**
 * The Open311 GeoReport v2 door (https://wiki.open311.org/GeoReport_v2) for third-party systems
 * (12345 hotlines, city apps): services from the case categories, complaints in, their progress
 * out, in JSON or XML. Callers are API keys only (the `api_key` parameter of the spec, or the
 * API's `Authorization: Bearer` header); a session cookie is never read, so no browser form
 * elsewhere can post through a signed-in user.
 */
export function open311Router(orm: MikroORM, limits: Limits, clock: Clock, logger: Logger, options: Open311Options): express.Router {
  const router = express.Router();
  const bodies = [express.urlencoded({ extended: false, limit: options.bodyLimit }), express.json({ limit: options.bodyLimit })];

  /** The resource's extension picks the answer's format, errors included. */
  const format = (req: Request, res: Response<unknown, Locals>, next: NextFunction): void => {
    const found = formatOf(String(req.params.format));
    res.locals.format = found ?? 'json';
    next(found ? undefined : new NotFoundError('Format', String(req.params.format)));
  };

  /** The key's principal and one transaction with its unit bound (row-level security), as for every API request. */
  const caller = async (req: Request, res: Response<unknown, Locals>, next: NextFunction): Promise<void> => {
    const given = (req.query.api_key ?? (req.body as Record<string, unknown> | undefined)?.api_key) as unknown;
    const { cookie: _cookie, ...headers } = req.headers;
    if (typeof given === 'string' && given) headers.authorization = `Bearer ${given}`;
    const ctx = createRequestContext(orm, limits, { headers, requestId: res.locals.requestId }, { req, res }, clock);
    try {
      await beginRequest(ctx);
      res.locals.ctx = ctx;
      if (!ctx.principal) throw new UnauthenticatedError('api_key was not provided or is not valid');
      if (ctx.refusal) throw ctx.refusal;
      next();
    } catch (error) {
      next(error);
    }
  };

  /** Runs a handler in the caller's transaction: committed when it answers, rolled back when it throws. */
  const answer =
    (handler: (ctx: RequestContext, req: Request) => Promise<Answer>, readOnly: boolean) =>
    async (req: Request, res: Response<unknown, Locals>, next: NextFunction): Promise<void> => {
      try {
        const result = await runInRequest(res.locals.ctx as RequestContext, (ctx) => handler(ctx, req), { readOnly });
        res.locals.ctx = undefined;
        send(res, res.locals.format, result.status ?? 200, res.locals.format === 'xml' ? (result.xml ?? result.body) : result.body, result.root, result.item);
      } catch (error) {
        next(error);
      }
    };

  const query = (req: Request): Record<string, unknown> => req.query as Record<string, unknown>;
  const form = (req: Request): Record<string, unknown> => ({ ...(req.query as Record<string, unknown>), ...((req.body as Record<string, unknown> | undefined) ?? {}) });

  router.get(
    '/services.:format',
    format,
    caller,
    answer(async (ctx, req) => {
      await checkJurisdiction(ctx, jurisdictionOf(query(req)), options.jurisdictionId);
      return { body: await open311Service.services(ctx), root: 'services', item: 'service' };
    }, true),
  );
  router.get(
    '/services/:code.:format',
    format,
    caller,
    answer(async (ctx, req) => {
      await checkJurisdiction(ctx, jurisdictionOf(query(req)), options.jurisdictionId);
      const definition = await open311Service.definition(ctx, String(req.params.code));
      return { body: definition, xml: { ...definition, attributes: { attribute: definition.attributes } }, root: 'service_definition' };
    }, true),
  );
  router.post(
    '/requests.:format',
    format,
    ...bodies,
    caller,
    answer(async (ctx, req) => {
      const fields = form(req);
      const idempotencyKey = req.get('idempotency-key') || undefined;
      const input = postRequestInput(fields, idempotencyKey);
      await checkJurisdiction(ctx, input.jurisdictionId, options.jurisdictionId);
      return { body: [await open311Service.post(ctx, input)], root: 'service_requests', item: 'request' };
    }, false),
  );
  router.get(
    '/requests.:format',
    format,
    caller,
    answer(async (ctx, req) => {
      const parsed = requestsQuery(query(req), ctx.clock.now());
      await checkJurisdiction(ctx, parsed.jurisdictionId, options.jurisdictionId);
      return { body: await open311Service.requests(ctx, parsed), root: 'service_requests', item: 'request' };
    }, true),
  );
  router.get(
    '/requests/:id.:format',
    format,
    caller,
    answer(async (ctx, req) => {
      await checkJurisdiction(ctx, jurisdictionOf(query(req)), options.jurisdictionId);
      return { body: await open311Service.request(ctx, String(req.params.id)), root: 'service_requests', item: 'request' };
    }, true),
  );
  router.use((req, res, next) => next(new NotFoundError('Resource', req.path)));

  // Every failure as the spec's error list; nothing of a stack or of SQL reaches the caller.
  router.use(async (error: unknown, req: Request, res: Response<unknown, Partial<Locals>>, _next: NextFunction) => {
    if (res.locals.ctx) await finishRequest(res.locals.ctx, true).catch(() => undefined);
    if (res.headersSent) return;
    const expected = specErrors(error, specField);
    if (expected) {
      send(res, res.locals.format ?? 'json', expected.status, expected.errors, 'errors', 'error');
      return;
    }
    logger.error({ err: error, requestId: res.locals.requestId, path: req.path }, 'open311 request failed');
    const description = `Internal server error (request ${String(res.locals.requestId)})`;
    send(res, res.locals.format ?? 'json', 500, [{ code: 'INTERNAL_SERVER_ERROR', description }], 'errors', 'error');
  });
  return express.Router().use(OPEN311_BASE, router);
}
