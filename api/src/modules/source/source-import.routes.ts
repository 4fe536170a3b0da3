import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response } from 'express';
import multer from 'multer';
import type { Limits } from '../../auth/limits';
import type { Clock } from '../../common/clock';
import { BadInputError } from '../../common/errors';
import { finishRequest } from '../../context/create-context';
import { routeErrors, signedIn, type RouteLocals } from '../../server/http-route';
import { sourceImportService } from './source-import.service';

export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * POST /import/sources[?dryRun=true], multipart with one `file` (CSV or XLSX, the columns of
 * /export/sources). 200 with the counts when every row is valid; 422 with the row errors
 * (line, column, code, message) otherwise, and then nothing is written.
 */
export function sourceImportRouter(orm: MikroORM, limits: Limits, clock: Clock): express.Router {
  const router = express.Router();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5 } });
  router.post('/import/sources', signedIn(orm, limits, clock), upload.single('file'), async (req: Request, res: Response<unknown, RouteLocals>, next) => {
    try {
      if (!req.file) throw new BadInputError('Send one file in the field "file"', [{ field: 'file', message: 'missing' }]);
      const dryRun = ['true', '1'].includes(String(req.query.dryRun ?? ''));
      const result = await sourceImportService.import(res.locals.ctx, req.file.buffer, dryRun);
      await finishRequest(res.locals.ctx, result.errors.length > 0 || dryRun);
      res.status(result.errors.length ? 422 : 200).json(result);
    } catch (error) {
      next(error);
    }
  });
  router.use(routeErrors);
  return router;
}
