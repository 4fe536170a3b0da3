import type { Officer } from '../../person/officer.entity';
import { PersonFilter } from '../../person/person.inputs';
import { officerService } from '../../person/person.service';
import { defineExport } from '../export-list';
import { personColumns } from './person-columns';

export const officersExport = defineExport<Officer, PersonFilter>({
  name: 'officers',
  zh: '执法人员',
  en: 'Officers',
  subject: 'Officer',
  filter: { type: PersonFilter, name: 'PersonFilter' },
  page: (ctx, filter, _order, page) => officerService.list(ctx, filter, page),
  columns: personColumns(officerService.grids, [{ key: 'badgeNumber', zh: '执法证号', en: 'Badge number', value: (o) => o.badgeNumber }]),
});
