import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response } from 'express';
import multer from 'multer';
import type { Clock } from '../../common/clock';
import { BadInputError } from '../../common/errors';
import type { Limits } from '../../auth/limits';
import { runInRequest } from '../../context/unit-of-work';
import { numericId, routeErrors, sendStored, signedIn, type RouteLocals } from '../../http/http-route';
import { EvidenceStage } from './evidence.entity';
import { evidenceService } from './evidence.service';
import type { EvidenceStorage } from './evidence-storage';

/**
 * Evidence over plain HTTP (multipart), outside the GraphQL document: POST
 * /cases/:caseId/evidence?stage=REPORT|FEEDBACK|VERIFY with one `file`, and GET /evidence/:id
 * (a patrol check-in's photo: patrol-photo.routes.ts).
 * The caller is signed in by the same session cookie; the body is read only after that.
 */
export function evidenceRouter(orm: MikroORM, limits: Limits, storage: EvidenceStorage, clock: Clock, maxBytes: number): express.Router {
  const router = express.Router();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: maxBytes, files: 1, fields: 5 } });

  // The caller is identified (and the RLS transaction opened) before the body is read.
  const caller = signedIn(orm, limits, clock);

  router.post('/cases/:caseId/evidence', caller, upload.single('file'), async (req: Request<{ caseId: string }>, res: Response<unknown, RouteLocals>, next) => {
    try {
      const stage = String(req.query.stage ?? '') as EvidenceStage;
      if (!Object.values(EvidenceStage).includes(stage)) throw new BadInputError('stage must be REPORT, FEEDBACK or VERIFY', [{ field: 'stage', message: 'invalid' }]);
      const file = req.file;
      if (!file) throw new BadInputError('Send one file in the field "file"', [{ field: 'file', message: 'missing' }]);
      const { evidence, created } = await runInRequest(res.locals.ctx, (ctx) => evidenceService.attach(ctx, storage, req.params.caseId, stage, file));
      const { id, sha256, mimeType, size, takenAt, lng, lat, url } = evidence;
      res.status(created ? 201 : 200).json({ id: evidence.globalId, number: id, sha256, mimeType, size, takenAt, lng, lat, url });
    } catch (error) {
      next(error);
    }
  });

  router.get('/evidence/:id', caller, async (req: Request<{ id: string }>, res: Response<unknown, RouteLocals>, next) => {
    try {
      const { evidence, stream } = await runInRequest(res.locals.ctx, (ctx) => evidenceService.open(ctx, storage, numericId(req.params.id, 'evidence')));
      sendStored(res, next, evidence.mimeType, stream, evidence.fileName);
    } catch (error) {
      next(error);
    }
  });

  router.use(routeErrors);
  return router;
}
