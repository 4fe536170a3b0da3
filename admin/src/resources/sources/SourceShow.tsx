import { FACTS_TAB, factsGrid } from '../../common/FactsLayout';
import { useLoadError } from '../../common/useLoadError';
import { FunctionField, ReferenceField, Show, Tab, TabbedShowLayout, TabbedShowLayoutTabs, TextField } from 'react-admin';
import { RelatedCases } from '../cases/RelatedCases';
import { EnumField } from '../../common/fields';
import { SourceHistory } from './SourceHistory';
import { SourceOutlets } from './SourceOutlets';
import { ComplianceHistory, SourceInspections } from './SourceInspections';
import { SourceReview } from './SourceReview';

export const SourceShow = () => (
  <Show queryOptions={useLoadError()}>
    {/* Six tabs are wider than a phone: they scroll instead of widening the page. */}
    <TabbedShowLayout sx={factsGrid([], `& .${FACTS_TAB}`)} tabs={<TabbedShowLayoutTabs variant="scrollable" scrollButtons="auto" />}>
      <Tab label="gw.grid.summary" contentClassName={FACTS_TAB}>
        <SourceReview />
        <TextField source="name" />
        <TextField source="sourceCode" emptyText="—" />
        <TextField source="creditCode" emptyText="—" />
        <EnumField source="type" enumName="SourceType" />
        <TextField source="industry" emptyText="—" />
        <EnumField source="supervisionLevel" enumName="SupervisionLevel" />
        <EnumField source="status" enumName="SourceStatus" />
        <TextField source="address" emptyText="—" />
        <FunctionField source="location" render={(r: { lng?: number; lat?: number }) => (r.lng != null ? `${r.lng}, ${r.lat}` : '—')} />
        <ReferenceField source="gridId" reference="grids" link="show" />
      </Tab>
      <Tab label="gw.source.outlets" path="outlets">
        <SourceOutlets />
      </Tab>
      <Tab label="gw.source.history" path="history">
        <SourceHistory />
      </Tab>
      <Tab label="gw.source.inspections" path="inspections">
        <SourceInspections />
      </Tab>
      <Tab label="gw.source.compliance" path="compliance">
        <ComplianceHistory />
      </Tab>
      <Tab label="gw.grid.cases" path="cases">
        <RelatedCases target="sourceId" />
      </Tab>
    </TabbedShowLayout>
  </Show>
);
