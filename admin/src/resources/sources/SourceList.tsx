import { Datagrid, List, SearchInput, TextField, TextInput } from 'react-admin';
import { ListActions } from '../../common/ListActions';
import { CursorPagination } from '../../common/CursorPagination';
import { EnumField } from '../../common/fields';
import { EnumInput, GridInput } from '../../common/inputs';
import { ListEmpty } from '../../common/ListEmpty';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumInput key="supervisionLevel" source="supervisionLevel" enumName="SupervisionLevel" alwaysOn />,
  <EnumInput key="type" source="type" enumName="SourceType" alwaysOn />,
  <EnumInput key="status" source="status" enumName="SourceStatus" alwaysOn />,
  <TextInput key="industry" source="industry" />,
  <GridInput key="withinId" source="withinId" />,
];


export const SourceList = () => (
  <List empty={<ListEmpty />} filters={filters} pagination={<CursorPagination />} exporter={false} actions={<ListActions />}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" sortable={false} />
      <TextField source="creditCode" emptyText="—" sortable={false} />
      <EnumField source="type" enumName="SourceType" sortable={false} />
      <EnumField source="supervisionLevel" enumName="SupervisionLevel" sortable={false} />
      <EnumField source="status" enumName="SourceStatus" sortable={false} />
      <TextField source="industry" emptyText="—" sortable={false} />
      <TextField source="grid.name" label="resources.sources.fields.grid" sortable={false} />
    </Datagrid>
  </List>
);
