import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response } from 'express';
import multer from 'multer';
import type { Limits } from '../../auth/limits';
import type { Clock } from '../../common/clock';
import { BadInputError } from '../../common/errors';
import { finishRequest } from '../../context/create-context';
import { routeErrors, signedIn, type RouteLocals } from '../../server/http-route';
import { IMPORT_MAX_BYTES } from '../source/source-import.routes';
import { gridImportService } from './grid-import.service';

/**
 * POST /import/grids[?dryRun=true], multipart with one `file` (CSV or XLSX: 网格编码, 名称,
 * 层级, 上级网格编码, optional 网格类型, 示意划分, 平台设置, 原编码), like the source import:
 * 200 with the counts when every line is valid, 422 with every problem (line, column, code,
 * reason, message) otherwise, and then nothing is written.
 */
export function gridImportRouter(orm: MikroORM, limits: Limits, clock: Clock): express.Router {
  const router = express.Router();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5 } });
  router.post('/import/grids', signedIn(orm, limits, clock), upload.single('file'), async (req: Request, res: Response<unknown, RouteLocals>, next) => {
    try {
      if (!req.file) throw new BadInputError('Send one file in the field "file"', [{ field: 'file', message: 'missing' }]);
      const dryRun = ['true', '1'].includes(String(req.query.dryRun ?? ''));
      const result = await gridImportService.import(res.locals.ctx, req.file.buffer, dryRun);
      await finishRequest(res.locals.ctx, result.errors.length > 0 || dryRun);
      res.status(result.errors.length ? 422 : 200).json(result);
    } catch (error) {
      next(error);
    }
  });
  router.use(routeErrors);
  return router;
}
