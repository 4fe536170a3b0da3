import { useLoadError } from '../../common/useLoadError';
import {
  BooleanField,
  Datagrid,
  FunctionField,
  ReferenceField,
  ReferenceManyField,
  Show,
  Tab,
  TabbedShowLayout,
  TextField,
} from 'react-admin';
import { GridStaff } from '../../common/person/GridStaff';
import { RelatedCases } from '../cases/RelatedCases';
import { CursorPagination } from '../../common/CursorPagination';
import { EnumField } from '../../common/fields';

interface Ancestor {
  name: string;
}

/** A grid with what hangs on it: children, staff, sources and cases, each a keyset-paged list. */
export const GridShow = () => (
  <Show queryOptions={useLoadError()}>
    <TabbedShowLayout>
      <Tab label="gw.grid.summary">
        <TextField source="code" />
        <TextField source="name" />
        <EnumField source="level" enumName="GridLevel" />
        <EnumField source="kind" enumName="GridKind" />
        <ReferenceField source="parentId" reference="grids" link="show" emptyText="—" />
        <FunctionField source="ancestors" render={(r: { ancestors?: Ancestor[] }) => (r.ancestors ?? []).map((a) => a.name).join(' / ') || '—'} />
        <BooleanField source="active" />
        <BooleanField source="illustrative" />
        <FunctionField source="centroid" render={(r: { centroid?: { lng: number; lat: number } | null }) => (r.centroid ? `${r.centroid.lng}, ${r.centroid.lat}` : '—')} />
      </Tab>
      <Tab label="gw.grid.children" path="children">
        <ReferenceManyField reference="grids" target="parentId" perPage={25} pagination={<CursorPagination />}>
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="code" />
            <TextField source="name" />
            <EnumField source="level" enumName="GridLevel" />
            <BooleanField source="active" />
          </Datagrid>
        </ReferenceManyField>
      </Tab>
      <Tab label="gw.grid.staff" path="staff">
        <GridStaff resource="officers" label="gw.grid.officers" own={<TextField source="badgeNumber" emptyText="—" />} />
        <GridStaff resource="gridWorkers" label="gw.grid.gridWorkers" own={<EnumField source="employment" enumName="Employment" />} />
      </Tab>
      <Tab label="gw.grid.sources" path="sources">
        <ReferenceManyField reference="sources" target="withinId" perPage={25} pagination={<CursorPagination />}>
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="name" />
            <EnumField source="type" enumName="SourceType" />
            <EnumField source="supervisionLevel" enumName="SupervisionLevel" />
            <EnumField source="status" enumName="SourceStatus" />
          </Datagrid>
        </ReferenceManyField>
      </Tab>
      <Tab label="gw.grid.cases" path="cases">
        <RelatedCases target="withinId" />
      </Tab>
    </TabbedShowLayout>
  </Show>
);
