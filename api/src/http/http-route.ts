import type { MikroORM } from '@mikro-orm/postgresql';
import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import type { Readable } from 'node:stream';
import multer from 'multer';
import type { Limits } from '../auth/limits';
import type { Clock } from '../common/clock';
import { BadInputError, DomainError, UnauthenticatedError } from '../common/errors';
import { createRequestContext } from '../context/create-context';
import { beginRequest, finishRequest } from '../context/unit-of-work';
import type { RequestContext } from '../context/request-context';
import { infrastructureFailure } from '../common/infrastructure-errors';

// Plain HTTP routes beside GraphQL (evidence files, exports, imports) share how a caller is
// identified and how expected failures are answered.

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

/**
 * Decides where a read-only route's reads go (the composition root's read router: the replica
 * unless the caller's x-gridwatch-lsn is not replayed there yet); absent, the primary.
 */
export type ReadRoute = (ctx: RequestContext) => void;

/** `requestId` is set for every request by app.ts's first middleware. */
export type RouteLocals = { ctx: RequestContext; requestId: string };

/**
 * Like a GraphQL request: the session cookie or API key identifies the caller, and the request's
 * unit of work (one transaction with the caller's unit set for row-level security) is opened
 * before the body is read; the handler runs in it with runInRequest (committed when it
 * answers), and the error handler rolls it back.
 */
export function signedIn(orm: MikroORM, limits: Limits, clock: Clock, route?: ReadRoute) {
  return async (req: Request, res: Response<unknown, RouteLocals>, next: NextFunction): Promise<void> => {
    const ctx = createRequestContext(orm, limits, { headers: req.headers, requestId: res.locals.requestId }, { req, res }, clock);
    try {
      // Before the unit of work opens: a read-only route may run it on the replica.
      route?.(ctx);
      await beginRequest(ctx);
      if (!ctx.principal) throw new UnauthenticatedError();
      if (ctx.refusal) throw ctx.refusal;
      res.locals.ctx = ctx;
      next();
    } catch (error) {
      // On a lost database the rollback fails too: the first error is the one answered (routeErrors).
      await finishRequest(ctx, true).catch(() => undefined);
      next(error);
    }
  };
}

/** Expected failures as `{ error: { code, message, ...extensions } }` with a matching status; the rest goes on. */
export const routeErrors: ErrorRequestHandler = async (error: unknown, _req, res: Response<unknown, Partial<RouteLocals>>, next) => {
  if (res.locals.ctx) await finishRequest(res.locals.ctx, true).catch(() => undefined);
  if (res.headersSent) return next(error);
  if (error instanceof multer.MulterError) {
    const tooLarge = error.code === 'LIMIT_FILE_SIZE';
    res.status(tooLarge ? 413 : 400).json({ error: { code: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_USER_INPUT', message: error.message } });
    return;
  }
  if (error instanceof DomainError) {
    const code = String(error.extensions.code);
    res.status(STATUS[code] ?? 400).json({ error: { code, message: error.message, ...error.extensions } });
    return;
  }
  const failure = infrastructureFailure(error);
  if (failure) {
    res.status(failure.status).json({ error: { code: failure.code, message: failure.message } });
    return;
  }
  next(error);
};

/** Stored bytes back to a reader: never sniffed by the browser, never cached by proxies. */
export function sendStored(res: Response, next: NextFunction, mimeType: string, stream: Readable, fileName?: string): void {
  res.setHeader('content-type', mimeType);
  res.setHeader('x-content-type-options', 'nosniff');
  if (fileName) res.setHeader('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  res.setHeader('cache-control', 'private, no-store');
  stream.on('error', next).pipe(res);
}

/** A numeric id from the path, or BAD_USER_INPUT. */
export function numericId(raw: string, what: string): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id)) throw new BadInputError(`Bad ${what} id`, [{ field: 'id', message: 'not a number' }]);
  return id;
}
