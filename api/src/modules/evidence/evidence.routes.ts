import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type NextFunction, type Request, type Response } from 'express';
import multer from 'multer';
import type { Clock } from '../../common/clock';
import { BadInputError, DomainError, UnauthenticatedError } from '../../common/errors';
import type { Limits } from '../../auth/limits';
import { beginRequest, createRequestContext, finishRequest } from '../../context/create-context';
import type { RequestContext } from '../../context/request-context';
import type { Readable } from 'node:stream';
import { EvidenceStage, type StoredFile } from './evidence.entity';
import { evidenceService } from './evidence.service';
import type { EvidenceStorage } from './evidence-storage';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

export type Locals = { ctx: RequestContext };

/**
 * Evidence over plain HTTP (multipart), outside the GraphQL document: POST
 * /cases/:caseId/evidence?stage=REPORT|FEEDBACK|VERIFY with one `file`, and GET /evidence/:id.
 * The caller is signed in by the same session cookie; the body is read only after that.
 */
export function evidenceRouter(orm: MikroORM, limits: Limits, storage: EvidenceStorage, clock: Clock, maxBytes: number): express.Router {
  const router = express.Router();
  const signedIn = signedInRequest(orm, limits, clock);

  router.post('/cases/:caseId/evidence', signedIn, singleFile(maxBytes), async (req: Request<{ caseId: string }>, res: Response<unknown, Locals>, next) => {
    try {
      const stage = String(req.query.stage ?? '') as EvidenceStage;
      if (!Object.values(EvidenceStage).includes(stage)) throw new BadInputError('stage must be REPORT, FEEDBACK or VERIFY', [{ field: 'stage', message: 'invalid' }]);
      if (!req.file) throw new BadInputError('Send one file in the field "file"', [{ field: 'file', message: 'missing' }]);
      const evidence = await evidenceService.attach(res.locals.ctx, storage, req.params.caseId, stage, req.file);
      await finishRequest(res.locals.ctx, false);
      fileCreated(res, evidence);
    } catch (error) {
      next(error);
    }
  });

  router.get('/evidence/:id', signedIn, async (req: Request<{ id: string }>, res: Response<unknown, Locals>, next) => {
    try {
      const id = Number(req.params.id);
      if (!Number.isSafeInteger(id)) throw new BadInputError('Bad evidence id', [{ field: 'id', message: 'not a number' }]);
      const { evidence, stream } = await evidenceService.open(res.locals.ctx, storage, id);
      await finishRequest(res.locals.ctx, false);
      sendFile(res, next, evidence, stream);
    } catch (error) {
      next(error);
    }
  });

  router.use(fileErrors);
  return router;
}

/**
 * Like a GraphQL request: one transaction with the caller's unit set (row-level security),
 * committed when the handler succeeded (`finishRequest`) and rolled back otherwise.
 */
export function signedInRequest(orm: MikroORM, limits: Limits, clock: Clock) {
  return async (req: Request, res: Response<unknown, Locals>, next: NextFunction): Promise<void> => {
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
}

/** The bytes of a stored file, as an attachment only its readers get. */
export function sendFile(res: Response, next: NextFunction, file: Pick<StoredFile, 'mimeType' | 'fileName'>, stream: Readable): void {
  res.setHeader('content-type', file.mimeType);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  res.setHeader('cache-control', 'private, no-store');
  stream.on('error', next).pipe(res);
}

/** Rolls the request back and answers with the error's stable code (multer's size limit: 413). */
export async function fileErrors(error: unknown, _req: Request, res: Response<unknown, Partial<Locals>>, next: NextFunction): Promise<void> {
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
}

/** One file in the multipart field `file`, held in memory up to the size limit. */
export function singleFile(maxBytes: number) {
  return multer({ storage: multer.memoryStorage(), limits: { fileSize: maxBytes, files: 1, fields: 5 } }).single('file');
}

/** What an upload answers with (201). */
export function fileCreated(res: Response, file: StoredFile & { url: string }): void {
  const { id, sha256, mimeType, size, takenAt, lng, lat, url } = file;
  res.status(201).json({ id: file.globalId, number: id, sha256, mimeType, size, takenAt, lng, lat, url });
}
