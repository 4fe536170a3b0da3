import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response } from 'express';
import type { Limits } from '../../auth/limits';
import type { Clock } from '../../common/clock';
import { BadInputError, ForbiddenError } from '../../common/errors';
import { runInRequest } from '../../context/unit-of-work';
import { routeErrors, signedIn, type RouteLocals } from '../../http/http-route';
import { beijingDay } from '@gridwatch/domain';
import { alertService } from './alert.service';
import { writeLateCaseNoticePdf } from './late-case-notice.pdf';

function instant(req: Request, name: string): Date {
  const value = req.query[name];
  const at = typeof value === 'string' && value !== '' ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime())) throw new BadInputError(`${name} is required`, [{ field: name, message: 'an ISO 8601 instant' }]);
  return at;
}

/**
 * GET /notice/late-cases.pdf?from=<ISO>&to=<ISO>&unit=<Grid id> (unit: default the caller's own):
 * the 通报 of the `lateCaseNotice` query as a PDF, signed in like the API, with its checks.
 */
export function supervisionRouter(orm: MikroORM, limits: Limits, clock: Clock): express.Router {
  const router = express.Router();
  router.get('/notice/late-cases.pdf', signedIn(orm, limits, clock), async (req: Request, res: Response<unknown, RouteLocals>, next) => {
    try {
      await runInRequest(res.locals.ctx, async (ctx) => {
        const unit = typeof req.query.unit === 'string' && req.query.unit !== '' ? req.query.unit : undefined;
        if (!ctx.ability.can('read', 'CaseAlert')) throw new ForbiddenError('The notice is read where alerts are read');
        const notice = await alertService.lateCaseNotice(ctx, instant(req, 'from'), instant(req, 'to'), unit);
        const name = `${notice.unitName}-超时案件通报-${beijingDay(notice.from)}.pdf`;
        res.setHeader('content-type', 'application/pdf');
        res.setHeader('content-disposition', `attachment; filename="late-case-notice.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`);
        res.setHeader('cache-control', 'private, no-store');
        res.setHeader('x-content-type-options', 'nosniff');
        await writeLateCaseNoticePdf(res, notice);
      }, { readOnly: true });
    } catch (error) {
      next(error);
    }
  });
  router.use(routeErrors);
  return router;
}
