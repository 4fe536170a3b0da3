import { Datagrid, FunctionField, List, NumberField, TextField } from 'react-admin';
import { CursorPagination } from '../../common/CursorPagination';
import { EnumField } from '../../common/fields';
import { ListActions } from '../../common/ListActions';
import { ListEmpty } from '../../common/ListEmpty';

export const SpotCheckList = () => (
  <List empty={<ListEmpty />} pagination={<CursorPagination />} exporter={false} actions={<ListActions />}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="title" sortable={false} />
      <EnumField source="status" enumName="SpotCheckStatus" sortable={false} />
      <EnumField source="stratification" enumName="SpotCheckStratification" sortable={false} />
      <FunctionField source="sampleSize" sortable={false} render={(r: { sampleSize?: number | null; samplePercent?: number | null }) => r.sampleSize ?? (r.samplePercent != null ? `${r.samplePercent}%` : '—')} />
      <NumberField source="currentDrawNo" sortable={false} emptyText="—" />
      <TextField source="unit.name" label="resources.spotChecks.fields.unit" sortable={false} />
    </Datagrid>
  </List>
);
