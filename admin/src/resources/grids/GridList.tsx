import { BooleanField, Datagrid, List, SearchInput, TextField } from 'react-admin';
import { ListActions } from '../../common/ListActions';
import { CursorPagination } from '../../common/CursorPagination';
import { EnumField } from '../../common/fields';
import { EnumInput } from '../../common/inputs';
import { GridTree } from './GridTree';
import { ListEmpty } from '../../common/ListEmpty';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumInput key="level" source="level" enumName="GridLevel" alwaysOn />,
  <EnumInput key="kind" source="kind" enumName="GridKind" />,
];


// The API sorts grids one way per key (code or name, ascending): the list keeps code order.
export const GridList = () => (
  <List empty={<ListEmpty />} filters={filters} sort={{ field: 'code', order: 'ASC' }} pagination={<CursorPagination />} exporter={false} actions={<ListActions />} aside={<GridTree />}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" sortable={false} />
      <TextField source="name" sortable={false} />
      <EnumField source="level" enumName="GridLevel" sortable={false} />
      <EnumField source="kind" enumName="GridKind" sortable={false} />
      <TextField source="parent.name" label="resources.grids.fields.parent" sortable={false} />
      <BooleanField source="active" sortable={false} />
    </Datagrid>
  </List>
);
