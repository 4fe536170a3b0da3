import { Typography } from '@mui/material';
import { lazy } from 'react';
import { AutocompleteInput, Create, FormDataConsumer, NumberInput, ReferenceInput, SimpleForm, TextInput, useTranslate } from 'react-admin';
import { CategoryInput, EnumInput, GridInput, LAT_RANGE, LNG_RANGE, requiredValue } from '../../common/inputs';
import { currentMe } from '../../auth/authProvider';
import { useFieldMode } from '../../field/roles';

/** Complaint-only fields leave with a complaint only (the API refuses a channel on a patrol), and never empty. */
function complaintFields(data: Record<string, unknown>): Record<string, unknown> {
  const out = { ...data };
  for (const key of ['channel', 'externalTicket', 'complainantName', 'complainantPhone']) {
    const value = out[key];
    if (data.origin !== 'COMPLAINT' || value == null || (typeof value === 'string' && !value.trim())) delete out[key];
  }
  return out;
}

const ReportPage = lazy(() => import('../../field/ReportPage').then((m) => ({ default: m.ReportPage })));

/** 信息采集: the report form (on a field worker's phone, the camera-and-position form). Complainant details only for complaints. */
export const CaseCreate = () => {
  const translate = useTranslate();
  if (useFieldMode()) return <ReportPage />;
  return (
    <Create redirect="show" title="gw.case.report" transform={complaintFields}>
      <SimpleForm defaultValues={{ origin: 'PATROL', urgency: 'NORMAL' }}>
        <CategoryInput source="categoryId" required />
        <EnumInput source="origin" enumName="CaseOrigin" required />
        <EnumInput source="urgency" enumName="CaseUrgency" required />
        {/* A grid worker reports on the village grids it patrols; the township above it is readable, not reportable. */}
        <GridInput source="gridId" required filter={currentMe()?.role === 'GRID_WORKER' ? { level: 'VILLAGE' } : undefined} />
        <TextInput source="description" multiline minRows={3} fullWidth validate={requiredValue} />
        <TextInput source="address" fullWidth />
        <Typography variant="caption">{translate('gw.case.location_hint')}</Typography>
        <NumberInput source="lng" step={0.000001} validate={LNG_RANGE} />
        <NumberInput source="lat" step={0.000001} validate={LAT_RANGE} />
        <ReferenceInput source="sourceId" reference="sources" perPage={20}>
          <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 280 }} />
        </ReferenceInput>
        <FormDataConsumer>
          {({ formData }) =>
            formData.origin === 'COMPLAINT' ? (
              <>
                {/* 12345/12369 tickets carry their 工单号: the hotline's list is reconciled against it. */}
                <EnumInput source="channel" enumName="CaseChannel" />
                <TextInput source="externalTicket" helperText="gw.case.ticket_hint" />
                <TextInput source="complainantName" />
                <TextInput source="complainantPhone" />
              </>
            ) : null
          }
        </FormDataConsumer>
      </SimpleForm>
    </Create>
  );
};
