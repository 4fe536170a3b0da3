import { Create, DateInput, NumberInput, SimpleForm, TextInput, minValue } from 'react-admin';
import { currentMe } from '../../auth/authProvider';
import { GridInput, requiredValue } from '../../common/inputs';

/** The level one level down from the auditor's unit: the city audits counties, a county its townships. */
const lowerLevel = (): string | undefined => ({ CITY: 'COUNTY', COUNTY: 'TOWNSHIP' })[currentMe()?.unit.level ?? ''];

/** 发起督查: the unit, the period (days in Asia/Shanghai), how many case files and patrol records to draw; the seed is optional. */
export const AuditCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ caseFileCount: 5, patrolRecordCount: 0 }}>
      <TextInput source="title" validate={requiredValue} fullWidth />
      <GridInput source="auditedUnitId" required filter={{ level: lowerLevel() }} />
      <DateInput source="periodFrom" label="resources.audits.fields.fromDay" validate={requiredValue} />
      <DateInput source="periodTo" label="resources.audits.fields.toDay" validate={requiredValue} />
      <NumberInput source="caseFileCount" validate={[requiredValue, minValue(0)]} />
      <NumberInput source="patrolRecordCount" validate={minValue(0)} />
      <NumberInput source="seed" helperText="resources.audits.fields.seedHint" />
    </SimpleForm>
  </Create>
);
