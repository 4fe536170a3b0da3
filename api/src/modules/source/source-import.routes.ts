import type { MikroORM } from '@mikro-orm/postgresql';
import type express from 'express';
import type { Limits } from '../../auth/limits';
import type { Clock } from '../../common/clock';
import { fileImportRouter } from '../../http/file-import-route';
import { sourceImportService } from './source-import.service';

/**
 * POST /import/sources[?dryRun=true], multipart with one `file` (CSV or XLSX, the columns of
 * /export/sources). 200 with the counts when every row is valid; 422 with the row errors
 * (line, column, code, message) otherwise, and then nothing is written.
 */
export const sourceImportRouter = (orm: MikroORM, limits: Limits, clock: Clock): express.Router =>
  fileImportRouter('/import/sources', (ctx, file, dryRun) => sourceImportService.import(ctx, file, dryRun), orm, limits, clock);
