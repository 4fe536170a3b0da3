import type { ReadCatalog } from '../data/read-model';
import { caseReads } from '../modules/case/case.reads';
import { gridReads } from '../modules/grid/grid.reads';
import { sourceReads } from '../modules/source/source.reads';
import { statisticsReads } from '../modules/statistics/statistics.reads';

/** Every module's read models: what the read compiler may answer in one statement per root field. */
export const readCatalogs: ReadCatalog[] = [caseReads, gridReads, sourceReads, statisticsReads];
