import { Datagrid, List, NumberField, TextField } from 'react-admin';
import { CursorPagination } from '../../common/CursorPagination';
import { EnumField, ShanghaiDateField } from '../../common/fields';
import { EnumInput } from '../../common/inputs';
import { ListActions } from '../../common/ListActions';
import { ListEmpty } from '../../common/ListEmpty';

const filters = [<EnumInput key="status" source="status" enumName="AuditStatus" alwaysOn />];

/** 督查/稽查 the unit runs and those of its own unit (siblings see nothing). */
export const AuditList = () => (
  <List empty={<ListEmpty />} filters={filters} pagination={<CursorPagination />} exporter={false} actions={<ListActions />}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="title" sortable={false} />
      <TextField source="auditedUnit.name" label="resources.audits.fields.auditedUnit" sortable={false} />
      <TextField source="auditorUnit.name" label="resources.audits.fields.auditorUnit" sortable={false} />
      <ShanghaiDateField source="periodFrom" sortable={false} />
      <ShanghaiDateField source="periodTo" sortable={false} />
      <EnumField source="status" enumName="AuditStatus" sortable={false} />
      <EnumField source="finding" enumName="AuditFinding" sortable={false} emptyText="—" />
      <NumberField source="averageScore" sortable={false} emptyText="—" options={{ maximumFractionDigits: 1 }} />
    </Datagrid>
  </List>
);
