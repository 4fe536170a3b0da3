import { useLoadError } from '../../common/useLoadError';
import { Datagrid, FunctionField, ReferenceField, ReferenceManyField, Show, Tab, TabbedShowLayout, TextField } from 'react-admin';
import { CursorPagination } from '../../common/CursorPagination';
import { CategoryField, EnumField, ShanghaiDateField } from '../../common/fields';
import { SourceHistory } from './SourceHistory';

export const SourceShow = () => (
  <Show queryOptions={useLoadError()}>
    <TabbedShowLayout>
      <Tab label="gw.grid.summary">
        <TextField source="name" />
        <TextField source="creditCode" emptyText="—" />
        <EnumField source="type" enumName="SourceType" />
        <TextField source="industry" emptyText="—" />
        <EnumField source="supervisionLevel" enumName="SupervisionLevel" />
        <EnumField source="status" enumName="SourceStatus" />
        <TextField source="address" emptyText="—" />
        <FunctionField source="location" render={(r: { lng?: number; lat?: number }) => (r.lng != null ? `${r.lng}, ${r.lat}` : '—')} />
        <ReferenceField source="gridId" reference="grids" link="show" />
      </Tab>
      <Tab label="gw.source.history" path="history">
        <SourceHistory />
      </Tab>
      <Tab label="gw.grid.cases" path="cases">
        <ReferenceManyField reference="cases" target="sourceId" perPage={25} pagination={<CursorPagination />}>
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="number" />
            <EnumField source="status" enumName="CaseStatus" />
            <CategoryField source="category" />
            <ShanghaiDateField source="reportedAt" />
          </Datagrid>
        </ReferenceManyField>
      </Tab>
    </TabbedShowLayout>
  </Show>
);
