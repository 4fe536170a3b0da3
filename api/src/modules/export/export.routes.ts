import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Limits } from '../../auth/limits';
import type { Clock } from '../../common/clock';
import { runInRequest } from '../../context/unit-of-work';
import { READ_FROM_HEADER } from '../../db/read-target';
import { routeErrors, signedIn, type ReadRoute, type RouteLocals } from '../../http/http-route';
import { shanghaiDateTime, CONTENT_TYPES } from './export-writers';
import { exportService } from './export.service';

function queryText(req: Request, name: string): string | undefined {
  const value = req.query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `sources-20261128-1805.csv`, with the Chinese title as the UTF-8 file name. */
function disposition(name: string, title: string, format: string, at: Date): string {
  const stamp = shanghaiDateTime(at).replace(/[-:]/g, '').replace(' ', '-').slice(0, 13);
  return `attachment; filename="${name}-${stamp}.${format}"; filename*=UTF-8''${encodeURIComponent(`${title}-${stamp}.${format}`)}`;
}

/**
 * GET /export/<list>.csv|.xlsx?filter=<the list query's filter as JSON>&orderBy=<order>&lang=en
 * Signed in like the API (session cookie or API key); rows are the caller's scope only. Read
 * from the replica when `route` (the read router) sends it there. The
 * schema is the server's (handed in by the composition root): a list runs its own GraphQL query.
 */
export function exportRouter(orm: MikroORM, limits: Limits, clock: Clock, schema: GraphQLSchema, route?: ReadRoute): express.Router {
  const router = express.Router();
  // An export only reads: the replica answers it, as it does a list query (db/read-target.ts).
  router.get('/export/:file', signedIn(orm, limits, clock, route), async (req: Request<{ file: string }>, res: Response<unknown, RouteLocals>, next) => {
    try {
      await runInRequest(res.locals.ctx, async (ctx) => {
        const dot = req.params.file.lastIndexOf('.');
        const prepared = await exportService.prepare(ctx, schema, {
          list: dot > 0 ? req.params.file.slice(0, dot) : req.params.file,
          format: dot > 0 ? req.params.file.slice(dot + 1) : '',
          filter: queryText(req, 'filter'),
          orderBy: queryText(req, 'orderBy'),
          lang: queryText(req, 'lang'),
      });
      const rows = await exportService.open(ctx, prepared);
      res.setHeader('content-type', CONTENT_TYPES[prepared.format]);
      res.setHeader('content-disposition', disposition(prepared.list.name, prepared.lang === 'en' ? prepared.list.en : prepared.list.zh, prepared.format, ctx.clock.now()));
      res.setHeader('cache-control', 'private, no-store');
      res.setHeader('x-content-type-options', 'nosniff');
      if (ctx.readFrom) res.setHeader(READ_FROM_HEADER, ctx.readFrom);
      await exportService.write(res, prepared, rows);
      });
    } catch (error) {
      next(error);
    }
  });
  router.use(routeErrors);
  return router;
}
