import type { MikroORM } from '@mikro-orm/postgresql';
import type express from 'express';
import type { Limits } from '../../auth/limits';
import type { Clock } from '../../common/clock';
import { fileImportRouter } from '../../http/file-import-route';
import { gridImportService } from './grid-import.service';

/**
 * POST /import/grids[?dryRun=true], multipart with one `file` (CSV or XLSX: 网格编码, 名称,
 * 层级, 上级网格编码, optional 网格类型, 示意划分, 平台设置, 原编码), like the source import:
 * 200 with the counts when every line is valid, 422 with every problem (line, column, code,
 * reason, message) otherwise, and then nothing is written.
 */
export const gridImportRouter = (orm: MikroORM, limits: Limits, clock: Clock): express.Router =>
  fileImportRouter('/import/grids', (ctx, file, dryRun) => gridImportService.import(ctx, file, dryRun), orm, limits, clock);
