import { Create, NumberInput, SelectArrayInput, SimpleForm, TextInput, regex } from 'react-admin';
import { enumChoices } from '../../common/enums';
import { EnumInput, requiredValue } from '../../common/inputs';

/** Defines an indicator, or a new version of an existing code (the old version stays for published results). */
export const IndicatorCreate = () => (
  <Create redirect="list" transform={({ createdAt, supersededAt, version, ...rest }: Record<string, unknown>) => rest}>
    <SimpleForm>
      <TextInput source="code" validate={[requiredValue, regex(/^[A-Z][A-Z0-9_]*$/, 'gw.indicator.code_rule')]} />
      <TextInput source="name" validate={requiredValue} />
      <TextInput source="formula" validate={requiredValue} fullWidth helperText="gw.indicator.formula_hint" />
      <TextInput source="description" validate={requiredValue} multiline fullWidth />
      <EnumInput source="unit" enumName="IndicatorUnit" required />
      <SelectArrayInput source="subjectTypes" choices={enumChoices('AssessmentSubjectType')} validate={requiredValue} />
      <TextInput source="sampleMeasure" helperText="gw.indicator.sample_hint" />
      <NumberInput source="minSample" min={0} />
      <NumberInput source="position" />
    </SimpleForm>
  </Create>
);
