import { columns, recordRoots, type ReadCatalog } from '../../data/read-model';
import { CaseCategory } from '../department/case-category.entity';
import { CaseEvent } from './case-event.entity';
import { Case } from './case.entity';
import { CaseFilter, type CaseOrder } from './case.inputs';
import { caseService } from './case.service';

/**
 * What the read compiler answers of cases in SQL. The complainant's fields are compiled for the
 * roles that answer complaints; for others the resolvers answer, hiding them with an error.
 */
export const caseReads: ReadCatalog = {
  models: [
    {
      type: 'Case',
      entity: Case,
      subject: 'Case',
      fields: {
        id: { kind: 'globalId' },
        ...columns('number', 'origin', 'field', 'urgency', 'description', 'address', 'status', 'reportedAt', 'dueAt', 'dueProvisional'),
        ...columns('closedAt', 'version', 'viaPlatform', 'extensionCount', 'requestedExtensionDays', 'reviewAt', 'score', 'complexity', 'answerDueAt'),
        ...columns('channel', 'externalTicket', 'answeredAt', 'answerText', 'answerMethod', 'answerSatisfaction'),
        complainantName: { kind: 'restricted' },
        complainantPhone: { kind: 'restricted' },
        location: { kind: 'point', lng: 'lng', lat: 'lat' },
        grid: { kind: 'parent', type: 'Grid', property: 'gridId' },
        source: { kind: 'parent', type: 'PollutionSource', property: 'sourceId' },
        handlingUnit: { kind: 'parent', type: 'Grid', property: 'handlingUnitId' },
        county: { kind: 'parent', type: 'Grid', property: 'countyId' },
        duplicateOf: { kind: 'parent', type: 'Case', property: 'duplicateOfId' },
        category: { kind: 'parent', type: 'CaseCategory', property: 'categoryId' },
        // The timeline of a visible case, whole (a department reads it through the case only).
        events: { kind: 'children', type: 'CaseEvent', property: 'caseId', order: 'asc' },
      },
    },
    {
      // City-wide reference data: the same for every caller, no territory.
      type: 'CaseCategory',
      entity: CaseCategory,
      fields: { id: { kind: 'globalId' }, ...columns('code', 'name', 'defaultField', 'active', 'requiresAfterPhoto') },
    },
    {
      type: 'CaseEvent',
      entity: CaseEvent,
      fields: { id: { kind: 'globalId' }, ...columns('action', 'fromStatus', 'toStatus', 'actorRole', 'at', 'note', 'reason', 'details', 'dueAt') },
    },
  ],
  roots: recordRoots<CaseFilter, CaseOrder>('Case', { byId: 'case', list: 'cases' }, CaseFilter, caseService.listQuery),
};
