import { DueField } from './DueField';
import { Datagrid, DateInput, List, SearchInput, TextField } from 'react-admin';
import { ListActions } from '../../common/ListActions';
import { CursorPagination } from '../../common/CursorPagination';
import { CategoryField, EnumField, ShanghaiDateField } from '../../common/fields';
import { CategoryInput, EnumInput, GridInput } from '../../common/inputs';
import { WorkQueues } from './WorkQueues';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumInput key="status" source="status" enumName="CaseStatus" alwaysOn />,
  <EnumInput key="origin" source="origin" enumName="CaseOrigin" />,
  <CategoryInput key="categoryId" source="categoryId" />,
  <DateInput key="reportedFrom" source="reportedFrom" />,
  <DateInput key="reportedTo" source="reportedTo" />,
  <GridInput key="withinId" source="withinId" />,
];


export const CaseList = () => (
  <List filters={filters} sort={{ field: 'reportedAt', order: 'DESC' }} pagination={<CursorPagination />} exporter={false} actions={<ListActions createLabel="gw.case.report" />}>
    <WorkQueues />
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="number" sortable={false} />
      <EnumField source="status" enumName="CaseStatus" sortable={false} />
      <CategoryField source="category" />
      <EnumField source="origin" enumName="CaseOrigin" sortable={false} />
      <EnumField source="urgency" enumName="CaseUrgency" sortable={false} />
      <TextField source="grid.name" label="resources.cases.fields.grid" sortable={false} />
      <ShanghaiDateField source="reportedAt" />
      <DueField sortable={false} />
    </Datagrid>
  </List>
);
