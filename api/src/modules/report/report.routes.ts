import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response } from 'express';
import type { Limits } from '../../auth/limits';
import type { Clock } from '../../common/clock';
import { BadInputError } from '../../common/errors';
import { runInRequest } from '../../context/unit-of-work';
import { routeErrors, signedIn, type RouteLocals } from '../../http/http-route';
import { CONTENT_TYPES } from '../export/export-writers';
import { reportService } from './report.service';
import { writeReportXlsx } from './report.xlsx';

function queryText(req: Request, name: string): string | undefined {
  const value = req.query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * GET /report/monthly.xlsx?month=YYYY-MM&unit=<Grid id> (unit: default the caller's own).
 * Signed in like the API; the same service and checks as the `monthlyReport` query.
 */
export function reportRouter(orm: MikroORM, limits: Limits, clock: Clock): express.Router {
  const router = express.Router();
  router.get('/report/monthly.xlsx', signedIn(orm, limits, clock), async (req: Request, res: Response<unknown, RouteLocals>, next) => {
    try {
      await runInRequest(res.locals.ctx, async (ctx) => {
        const month = queryText(req, 'month');
        if (!month) throw new BadInputError('month is required', [{ field: 'month', message: 'YYYY-MM' }]);
        const report = await reportService.monthly(ctx, month, queryText(req, 'unit'));
        const name = `monthly-report-${report.unit.code}-${report.month}.xlsx`;
        res.setHeader('content-type', CONTENT_TYPES.xlsx);
        res.setHeader('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(`${report.unit.name}-${report.month}-月度统计报表.xlsx`)}`);
        res.setHeader('cache-control', 'private, no-store');
        res.setHeader('x-content-type-options', 'nosniff');
        await writeReportXlsx(res, report);
        res.end();
      }, { readOnly: true });
    } catch (error) {
      next(error);
    }
  });
  router.use(routeErrors);
  return router;
}
