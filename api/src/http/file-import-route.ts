import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response } from 'express';
import multer from 'multer';
import type { Limits } from '../auth/limits';
import type { Clock } from '../common/clock';
import { BadInputError } from '../common/errors';
import { runInRequest } from '../context/unit-of-work';
import type { RequestContext } from '../context/request-context';
import { routeErrors, signedIn, type RouteLocals } from './http-route';

export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** What an import answers: every problem of the file, and nothing written when there is one. */
export interface FileImportResult {
  errors: unknown[];
}

/**
 * POST <path>[?dryRun=true], multipart with one `file` (CSV or XLSX), for a signed-in caller:
 * 200 with the import's answer when every line is valid, 422 with it otherwise; a dry run or
 * a file with problems rolls back.
 */
export function fileImportRouter<R extends FileImportResult>(
  path: string,
  importFile: (ctx: RequestContext, file: Buffer, dryRun: boolean) => Promise<R>,
  orm: MikroORM,
  limits: Limits,
  clock: Clock,
): express.Router {
  const router = express.Router();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5 } });
  router.post(path, signedIn(orm, limits, clock), upload.single('file'), async (req: Request, res: Response<unknown, RouteLocals>, next) => {
    try {
      if (!req.file) throw new BadInputError('Send one file in the field "file"', [{ field: 'file', message: 'missing' }]);
      const dryRun = ['true', '1'].includes(String(req.query.dryRun ?? ''));
      const file = req.file.buffer;
      const result = await runInRequest(res.locals.ctx, (ctx) => importFile(ctx, file, dryRun), { rollbackIf: (answer) => answer.errors.length > 0 || dryRun });
      res.status(result.errors.length ? 422 : 200).json(result);
    } catch (error) {
      next(error);
    }
  });
  router.use(routeErrors);
  return router;
}
