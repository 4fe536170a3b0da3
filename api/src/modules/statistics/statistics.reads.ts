import type { ReadCatalog } from '../../data/read-model';
import { CaseStatisticsArgs } from './statistics.inputs';
import { askedFields, statisticsService } from './statistics.service';

/**
 * caseStatistics compiled: the service's one statement, its rows turned into JSON in the same
 * trip, each row's unit (under the caller's grid scope, as loadVisible) and category joined
 * there too, instead of the resolvers' transaction and a second statement for the units.
 */
export const statisticsReads: ReadCatalog = {
  models: [
    {
      type: 'CaseStatistic',
      entity: { rowColumns: { unitId: 'unit_id', status: 'status', categoryId: 'category_id', period: 'period', count: 'count', overdue: 'overdue', closed: 'closed' } },
      subject: 'CaseStatistic',
      fields: {
        status: { kind: 'column' },
        period: { kind: 'column' },
        count: { kind: 'column' },
        overdue: { kind: 'column' },
        closed: { kind: 'column' },
        unit: { kind: 'parent', type: 'Grid', property: 'unitId' },
        category: { kind: 'parent', type: 'CaseCategory', property: 'categoryId' },
      },
    },
  ],
  roots: {
    caseStatistics: {
      kind: 'rows',
      type: 'CaseStatistic',
      args: CaseStatisticsArgs,
      query: (ctx, args, field) => statisticsService.rowsQuery(ctx, args as unknown as CaseStatisticsArgs, askedFields([field])),
      looksUp: (args) => args.within != null,
    },
  },
};
