import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response } from 'express';
import multer from 'multer';
import type { Limits } from '../../auth/limits';
import type { Clock } from '../../common/clock';
import { BadInputError } from '../../common/errors';
import { runInRequest } from '../../context/unit-of-work';
import { numericId, routeErrors, sendStored, signedIn, type RouteLocals } from '../../http/http-route';
import type { EvidenceStorage } from '../evidence/evidence-storage';
import { inspectionPhotoService } from './inspection-photo.service';

/**
 * Inspection photos over plain HTTP, like case evidence: POST /inspections/:inspectionId/photos
 * (multipart, one `file`, the session cookie) and GET /inspection-photos/:id.
 */
export function inspectionPhotoRouter(orm: MikroORM, limits: Limits, storage: EvidenceStorage, clock: Clock, maxBytes: number): express.Router {
  const router = express.Router();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: maxBytes, files: 1, fields: 5 } });
  // The caller is identified (and the RLS transaction opened) before the body is read.
  const caller = signedIn(orm, limits, clock);

  router.post('/inspections/:inspectionId/photos', caller, upload.single('file'), async (req: Request<{ inspectionId: string }>, res: Response<unknown, RouteLocals>, next) => {
    try {
      const file = req.file;
      if (!file) throw new BadInputError('Send one file in the field "file"', [{ field: 'file', message: 'missing' }]);
      const photo = await runInRequest(res.locals.ctx, (ctx) => inspectionPhotoService.attach(ctx, storage, req.params.inspectionId, file));
      const { id, sha256, mimeType, size, takenAt, lng, lat, url } = photo;
      res.status(201).json({ id: photo.globalId, number: id, sha256, mimeType, size, takenAt, lng, lat, url });
    } catch (error) {
      next(error);
    }
  });

  router.get('/inspection-photos/:id', caller, async (req: Request<{ id: string }>, res: Response<unknown, RouteLocals>, next) => {
    try {
      const { photo, stream } = await runInRequest(res.locals.ctx, (ctx) => inspectionPhotoService.open(ctx, storage, numericId(req.params.id, 'photo')));
      sendStored(res, next, photo.mimeType, stream, photo.fileName);
    } catch (error) {
      next(error);
    }
  });

  router.use(routeErrors);
  return router;
}
