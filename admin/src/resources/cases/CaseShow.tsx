import { DueField } from './DueField';
import { useLoadError } from '../../common/useLoadError';
import { Grid } from '@mui/material';
import { FunctionField, Labeled, ReferenceField, Show, SimpleShowLayout, TextField, useTranslate } from 'react-admin';
import { can } from '../../auth/authProvider';
import { CategoryField, EnumField, ShanghaiDateField } from '../../common/fields';
import { CaseActions } from './CaseActions';
import { CaseTimeline } from './CaseTimeline';
import { usePhone } from '../../field/roles';

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

/** Facts on the left; the workflow's actions and the timeline on the right. On a phone: one column, the actions first. */
export const CaseShow = () => {
  const phone = usePhone();
  return (
  <Show queryOptions={useLoadError()}>
    <Grid container spacing={2} sx={{ p: phone ? 1 : 2, pb: phone ? 10 : 2 }}>
      {phone ? (
        <Grid size={12}>
          <CaseActions />
        </Grid>
      ) : null}
      <Grid size={{ xs: 12, md: 7 }}>
        <SimpleShowLayout sx={{ p: 0 }}>
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
          <DueField />
          <ShanghaiDateField source="closedAt" emptyText="—" />
        </SimpleShowLayout>
      </Grid>
      <Grid size={{ xs: 12, md: 5 }} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {phone ? null : <CaseActions />}
        <Timeline />
      </Grid>
    </Grid>
  </Show>
  );
};
