import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response } from 'express';
import type { Limits } from '../../auth/limits';
import type { Clock } from '../../common/clock';
import { BadInputError } from '../../common/errors';
import { finishRequest } from '../../context/create-context';
import { fileCreated, fileErrors, sendFile, signedInRequest, singleFile, type Locals } from '../evidence/evidence.routes';
import type { EvidenceStorage } from '../evidence/evidence-storage';
import { inspectionPhotoService } from './inspection-photo.service';

/**
 * Inspection photos over plain HTTP, like case evidence: POST /inspections/:inspectionId/photos
 * (multipart, one `file`, the session cookie) and GET /inspection-photos/:id.
 */
export function inspectionPhotoRouter(orm: MikroORM, limits: Limits, storage: EvidenceStorage, clock: Clock, maxBytes: number): express.Router {
  const router = express.Router();
  const signedIn = signedInRequest(orm, limits, clock);

  router.post('/inspections/:inspectionId/photos', signedIn, singleFile(maxBytes), async (req: Request<{ inspectionId: string }>, res: Response<unknown, Locals>, next) => {
    try {
      if (!req.file) throw new BadInputError('Send one file in the field "file"', [{ field: 'file', message: 'missing' }]);
      const photo = await inspectionPhotoService.attach(res.locals.ctx, storage, req.params.inspectionId, req.file);
      await finishRequest(res.locals.ctx, false);
      fileCreated(res, photo);
    } catch (error) {
      next(error);
    }
  });

  router.get('/inspection-photos/:id', signedIn, async (req: Request<{ id: string }>, res: Response<unknown, Locals>, next) => {
    try {
      const id = Number(req.params.id);
      if (!Number.isSafeInteger(id)) throw new BadInputError('Bad photo id', [{ field: 'id', message: 'not a number' }]);
      const { photo, stream } = await inspectionPhotoService.open(res.locals.ctx, storage, id);
      await finishRequest(res.locals.ctx, false);
      sendFile(res, next, photo, stream);
    } catch (error) {
      next(error);
    }
  });

  router.use(fileErrors);
  return router;
}
