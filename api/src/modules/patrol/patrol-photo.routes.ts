import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response } from 'express';
import multer from 'multer';
import type { Clock } from '../../common/clock';
import { BadInputError } from '../../common/errors';
import type { Limits } from '../../auth/limits';
import { runInRequest } from '../../context/unit-of-work';
import { numericId, routeErrors, sendStored, signedIn, type RouteLocals } from '../../http/http-route';
import type { EvidenceStorage } from '../evidence/evidence-storage';
import { patrolPhotoService } from './patrol-photo.service';

/**
 * A patrol check-in's photo over plain HTTP (multipart), kept in the evidence store: POST and GET
 * /patrol-check-ins/:checkInId/photo. Signed in like evidence (evidence.routes.ts), body read after.
 */
export function patrolPhotoRouter(orm: MikroORM, limits: Limits, storage: EvidenceStorage, clock: Clock, maxBytes: number): express.Router {
  const router = express.Router();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: maxBytes, files: 1, fields: 5 } });
  const caller = signedIn(orm, limits, clock);

  router.post('/patrol-check-ins/:checkInId/photo', caller, upload.single('file'), async (req: Request<{ checkInId: string }>, res: Response<unknown, RouteLocals>, next) => {
    try {
      const file = req.file;
      if (!file) throw new BadInputError('Send one file in the field "file"', [{ field: 'file', message: 'missing' }]);
      const { checkIn, created } = await runInRequest(res.locals.ctx, (ctx) => patrolPhotoService.attach(ctx, storage, req.params.checkInId, file));
      res.status(created ? 201 : 200).json({ id: checkIn.globalId, sha256: checkIn.photoSha256, mimeType: checkIn.photoMimeType, url: checkIn.photoUrl });
    } catch (error) {
      next(error);
    }
  });

  router.get('/patrol-check-ins/:id/photo', caller, async (req: Request<{ id: string }>, res: Response<unknown, RouteLocals>, next) => {
    try {
      const { mimeType, stream } = await runInRequest(res.locals.ctx, (ctx) => patrolPhotoService.open(ctx, storage, numericId(req.params.id, 'check-in')));
      sendStored(res, next, mimeType, stream);
    } catch (error) {
      next(error);
    }
  });

  router.use(routeErrors);
  return router;
}
