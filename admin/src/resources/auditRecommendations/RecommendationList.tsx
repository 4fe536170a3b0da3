import { BooleanInput, Datagrid, List, TextField, type RaRecord } from 'react-admin';
import { CursorPagination } from '../../common/CursorPagination';
import { EnumField, ShanghaiDateField } from '../../common/fields';
import { EnumInput } from '../../common/inputs';
import { ListActions } from '../../common/ListActions';
import { OverdueFlag } from '../tasks/OverdueFlag';
import { ListEmpty } from '../../common/ListEmpty';

const filters = [<BooleanInput key="overdue" source="overdue" alwaysOn />, <EnumInput key="status" source="status" enumName="RecommendationStatus" alwaysOn />];

/** A row opens its audit, where the response and the closure are made. */
const auditOf = (_id: unknown, _resource: string, record: RaRecord) => `/audits/${encodeURIComponent(String((record.audit as { id?: string } | null)?.id ?? ''))}/show`;

/** 整改意见 of both sides; the menu's "overdue" entry opens it with `overdue` ticked. */
export const RecommendationList = () => (
  <List empty={<ListEmpty />} filters={filters} pagination={<CursorPagination />} exporter={false} actions={<ListActions />}>
    <Datagrid rowClick={auditOf} bulkActionButtons={false}>
      <TextField source="text" sortable={false} />
      <TextField source="audit.title" label="resources.auditRecommendations.fields.audit" sortable={false} />
      <TextField source="audit.auditedUnit.name" label="resources.audits.fields.auditedUnit" sortable={false} />
      <TextField source="dueOn" sortable={false} />
      <EnumField source="status" enumName="RecommendationStatus" sortable={false} />
      <OverdueFlag label="resources.auditRecommendations.fields.overdue" />
      <TextField source="response" sortable={false} emptyText="—" />
      <ShanghaiDateField source="closedAt" sortable={false} emptyText="—" />
    </Datagrid>
  </List>
);
