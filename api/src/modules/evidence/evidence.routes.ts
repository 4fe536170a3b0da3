import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Readable } from 'node:stream';
import multer from 'multer';
import type { Clock } from '../../common/clock';
import { BadInputError, DomainError, UnauthenticatedError } from '../../common/errors';
import type { Limits } from '../../auth/limits';
import { beginRequest, createRequestContext, finishRequest } from '../../context/create-context';
import type { RequestContext } from '../../context/request-context';
import { EvidenceStage } from './evidence.entity';
import { evidenceService } from './evidence.service';
import { patrolPhotoService } from '../patrol/patrol-photo.service';
import type { EvidenceStorage } from './evidence-storage';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

type Locals = { ctx: RequestContext };

/** Stored bytes back to a reader: never sniffed by the browser, never cached by proxies. */
function sendStored(res: Response, next: NextFunction, mimeType: string, stream: Readable, fileName?: string): void {
  res.setHeader('content-type', mimeType);
  res.setHeader('x-content-type-options', 'nosniff');
  if (fileName) res.setHeader('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  res.setHeader('cache-control', 'private, no-store');
  stream.on('error', next).pipe(res);
}

function numericId(raw: string, what: string): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id)) throw new BadInputError(`Bad ${what} id`, [{ field: 'id', message: 'not a number' }]);
  return id;
}

/**
 * Evidence over plain HTTP (multipart), outside the GraphQL document: POST
 * /cases/:caseId/evidence?stage=REPORT|FEEDBACK|VERIFY with one `file`, and GET /evidence/:id;
 * a patrol check-in's photo: POST and GET /patrol-check-ins/:checkInId/photo.
 * The caller is signed in by the same session cookie; the body is read only after that.
 */
export function evidenceRouter(orm: MikroORM, limits: Limits, storage: EvidenceStorage, clock: Clock, maxBytes: number): express.Router {
  const router = express.Router();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: maxBytes, files: 1, fields: 5 } });

  // Like a GraphQL request: one transaction with the caller's unit set (row-level security),
  // committed when the handler succeeded and rolled back otherwise.
  const signedIn = async (req: Request, res: Response<unknown, Locals>, next: NextFunction): Promise<void> => {
    const ctx = createRequestContext(orm, limits, req, res, clock);
    try {
      await beginRequest(ctx);
      if (!ctx.principal) throw new UnauthenticatedError();
      res.locals.ctx = ctx;
      next();
    } catch (error) {
      await finishRequest(ctx, true);
      next(error);
    }
  };

  router.post('/cases/:caseId/evidence', signedIn, upload.single('file'), async (req: Request<{ caseId: string }>, res: Response<unknown, Locals>, next) => {
    try {
      const stage = String(req.query.stage ?? '') as EvidenceStage;
      if (!Object.values(EvidenceStage).includes(stage)) throw new BadInputError('stage must be REPORT, FEEDBACK or VERIFY', [{ field: 'stage', message: 'invalid' }]);
      if (!req.file) throw new BadInputError('Send one file in the field "file"', [{ field: 'file', message: 'missing' }]);
      const evidence = await evidenceService.attach(res.locals.ctx, storage, req.params.caseId, stage, req.file);
      await finishRequest(res.locals.ctx, false);
      const { id, sha256, mimeType, size, takenAt, lng, lat, url } = evidence;
      res.status(201).json({ id: evidence.globalId, number: id, sha256, mimeType, size, takenAt, lng, lat, url });
    } catch (error) {
      next(error);
    }
  });

  router.get('/evidence/:id', signedIn, async (req: Request<{ id: string }>, res: Response<unknown, Locals>, next) => {
    try {
      const { evidence, stream } = await evidenceService.open(res.locals.ctx, storage, numericId(req.params.id, 'evidence'));
      await finishRequest(res.locals.ctx, false);
      sendStored(res, next, evidence.mimeType, stream, evidence.fileName);
    } catch (error) {
      next(error);
    }
  });

  router.post('/patrol-check-ins/:checkInId/photo', signedIn, upload.single('file'), async (req: Request<{ checkInId: string }>, res: Response<unknown, Locals>, next) => {
    try {
      if (!req.file) throw new BadInputError('Send one file in the field "file"', [{ field: 'file', message: 'missing' }]);
      const checkIn = await patrolPhotoService.attach(res.locals.ctx, storage, req.params.checkInId, req.file);
      await finishRequest(res.locals.ctx, false);
      res.status(201).json({ id: checkIn.globalId, sha256: checkIn.photoSha256, mimeType: checkIn.photoMimeType, url: checkIn.photoUrl });
    } catch (error) {
      next(error);
    }
  });

  router.get('/patrol-check-ins/:id/photo', signedIn, async (req: Request<{ id: string }>, res: Response<unknown, Locals>, next) => {
    try {
      const { mimeType, stream } = await patrolPhotoService.open(res.locals.ctx, storage, numericId(req.params.id, 'check-in'));
      await finishRequest(res.locals.ctx, false);
      sendStored(res, next, mimeType, stream);
    } catch (error) {
      next(error);
    }
  });

  router.use(async (error: unknown, _req: Request, res: Response<unknown, Partial<Locals>>, next: NextFunction) => {
    if (res.locals.ctx) await finishRequest(res.locals.ctx, true).catch(() => undefined);
    if (res.headersSent) return next(error);
    if (error instanceof multer.MulterError) {
      const tooLarge = error.code === 'LIMIT_FILE_SIZE';
      res.status(tooLarge ? 413 : 400).json({ error: { code: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_USER_INPUT', message: error.message } });
      return;
    }
    if (error instanceof DomainError) {
      const code = String(error.extensions.code);
      res.status(STATUS[code] ?? 400).json({ error: { code, message: error.message, ...error.extensions } });
      return;
    }
    next(error);
  });
  return router;
}
