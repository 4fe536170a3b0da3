import { factsGrid } from '../../common/FactsLayout';
import { DueField } from './DueField';
import { useLoadError } from '../../common/useLoadError';
import { Box } from '@mui/material';
import { FunctionField, Labeled, ReferenceField, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { can } from '../../auth/authProvider';
import { CategoryField, EnumField, ShanghaiDateField } from '../../common/fields';
import { CaseActions } from './CaseActions';
import { CaseAssignments } from './CaseAssignments';
import { CaseTimeline } from './CaseTimeline';
import { CasePhotos } from './CasePhotos';
import { CaseSummary } from './CaseSummary';

/** The facts as a description list of two or three columns (a 案卷's layout); long texts span the row. */
const FACTS_GRID = { p: 0, ...factsGrid() };

/** 群众投诉: where it came in (channel, 工单号) and the reply (答复) owed by its limit. */
const ComplaintFacts = () => {
  const record = useRecordContext<{ origin?: string }>();
  if (record?.origin !== 'COMPLAINT') return null;
  return (
    <SimpleShowLayout sx={FACTS_GRID} data-testid="complaint-facts">
      <EnumField source="channel" enumName="CaseChannel" emptyText="—" />
      <TextField source="externalTicket" emptyText="—" />
      <ShanghaiDateField source="answerDueAt" emptyText="—" />
      <ShanghaiDateField source="answeredAt" emptyText="—" />
      <EnumField source="answerMethod" enumName="AnswerMethod" emptyText="—" />
      <TextField source="answerText" emptyText="—" />
      <EnumField source="answerSatisfaction" enumName="AnswerSatisfaction" emptyText="—" />
    </SimpleShowLayout>
  );
};

interface Ancestor {
  name: string;
}

const Timeline = () => {
  const translate = useTranslate();
  return (
    <Labeled label={translate('gw.case.timeline')} fullWidth>
      <CaseTimeline />
    </Labeled>
  );
};

/**
 * Facts on the left; the workflow's actions and the timeline on the right. Narrower than
 * `md`: one column, the actions first (grid areas: the same elements, never remounted, so an
 * open step's form survives a resize or a late re-render).
 */
export const CaseShow = () => (
  <Show queryOptions={useLoadError()}>
    <Box
      sx={{
        display: 'grid',
        gap: 2,
        p: { xs: 1, sm: 2 },
        pb: { xs: 10, sm: 2 },
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 7fr) minmax(0, 5fr)' },
        gridTemplateAreas: { xs: '"summary" "actions" "facts" "timeline"', md: '"summary summary" "facts actions" "facts timeline"' },
        gridTemplateRows: { md: 'auto auto 1fr' },
      }}
    >
      <Box sx={{ gridArea: 'summary' }}>
        <CaseSummary />
      </Box>
      <Box sx={{ gridArea: 'actions' }}>
        <CaseActions />
        <CaseAssignments />
      </Box>
      <Box sx={{ gridArea: 'facts' }}>
        <SimpleShowLayout sx={FACTS_GRID}>
          <TextField source="number" />
          <EnumField source="status" enumName="CaseStatus" />
          <CategoryField source="category" />
          <EnumField source="origin" enumName="CaseOrigin" />
          <EnumField source="urgency" enumName="CaseUrgency" />
          <EnumField source="field" enumName="DepartmentField" />
          <ReferenceField source="gridId" reference="grids" link="show" />
          <FunctionField
            label="resources.grids.fields.ancestors"
            render={(r: { grid?: { ancestors?: Ancestor[] } }) => (r.grid?.ancestors ?? []).map((a) => a.name).join(' / ')}
          />
          <TextField source="description" />
          <TextField source="address" emptyText="—" />
          <FunctionField source="location" render={(r: { lng?: number; lat?: number }) => (r.lng != null ? `${r.lng}, ${r.lat}` : '—')} />
          <ReferenceField source="sourceId" reference="sources" link="show" emptyText="—" />
          {can('read', 'Case', 'complainantName') ? <TextField source="complainantName" emptyText="—" /> : null}
          {can('read', 'Case', 'complainantPhone') ? <TextField source="complainantPhone" emptyText="—" /> : null}
          <ShanghaiDateField source="reportedAt" />
          <DueField label="resources.cases.fields.dueAt" />
          <ShanghaiDateField source="closedAt" emptyText="—" />
        </SimpleShowLayout>
        <ComplaintFacts />
        <CasePhotos />
      </Box>
      <Box sx={{ gridArea: 'timeline' }}>
        <Timeline />
      </Box>
    </Box>
  </Show>
);
