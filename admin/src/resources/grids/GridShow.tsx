import { FACTS_TAB, factsGrid } from '../../common/FactsLayout';
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
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Box } from '@mui/material';
import { GridStaff } from '../../common/person/GridStaff';
import { RelatedCases } from '../cases/RelatedCases';
import { CursorPagination } from '../../common/CursorPagination';
import { EnumField, ShanghaiDateField } from '../../common/fields';
import { SimpleTable } from '../../common/SimpleTable';

interface Ancestor {
  name: string;
}
interface HistoryEntry {
  code: string;
  name: string;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string;
  actorName: string | null;
}
type GridRecord = { hasPlatform?: boolean; hasPlatformSetting?: boolean | null; history?: HistoryEntry[] };

const shanghai = (iso: string | null): string => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '—');

/** The effective platform flag, and whether it is the grid's own setting or inherited from above. */
const PlatformField = () => {
  const translate = useTranslate();
  return (
    <FunctionField
      source="hasPlatform"
      render={(r: GridRecord) => `${translate(r.hasPlatform ? 'ra.boolean.true' : 'ra.boolean.false')} (${translate(r.hasPlatformSetting == null ? 'gw.grid.inherited' : 'gw.grid.own_setting')})`}
    />
  );
};

/** Earlier codes, names and parents of the grid with the time they held, newest first. */
const GridHistoryTable = () => {
  const translate = useTranslate();
  const record = useRecordContext<GridRecord & { id: string }>();
  const field = (name: string) => translate(`resources.grids.fields.${name}`);
  return (
    <Box sx={{ overflowX: 'auto', maxWidth: '100%' }}>
      <SimpleTable
        rowTestId="grid-history"
        columns={[{ label: field('code') }, { label: field('name') }, { label: field('parentCode') }, { label: field('validFrom') }, { label: field('validTo') }, { label: field('actorName') }]}
        rows={(record?.history ?? []).map((h, i) => ({ key: String(i), cells: [h.code, h.name, h.parentCode ?? '—', shanghai(h.validFrom), shanghai(h.validTo), h.actorName ?? '—'] }))}
      />
    </Box>
  );
};

/** A grid with what hangs on it: children, staff, sources and cases, each a keyset-paged list. */
export const GridShow = () => (
  <Show queryOptions={useLoadError()}>
    <TabbedShowLayout sx={factsGrid([], `& .${FACTS_TAB}`)}>
      <Tab label="gw.grid.summary" contentClassName={FACTS_TAB}>
        <TextField source="code" />
        <TextField source="name" />
        <EnumField source="level" enumName="GridLevel" />
        <EnumField source="kind" enumName="GridKind" />
        <ReferenceField source="parentId" reference="grids" link="show" emptyText="—" />
        <FunctionField source="ancestors" render={(r: { ancestors?: Ancestor[] }) => (r.ancestors ?? []).map((a) => a.name).join(' / ') || '—'} />
        <BooleanField source="active" />
        <BooleanField source="illustrative" />
        <PlatformField />
        <ShanghaiDateField source="validFrom" emptyText="—" />
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
      <Tab label="gw.grid.history" path="history">
        <GridHistoryTable />
      </Tab>
    </TabbedShowLayout>
  </Show>
);
