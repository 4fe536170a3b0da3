import { Create, FormDataConsumer, NumberInput, SimpleForm, TextInput, maxValue, minValue } from 'react-admin';
import { shanghaiToday } from '../../common/clock';
import { EnumInput, GridInput, requiredValue } from '../../common/inputs';

/** A plan of the user's unit (or a unit below): annual, or monthly with its month. */
export const PlanCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ kind: 'ANNUAL', year: Number(shanghaiToday().slice(0, 4)) }}>
      <TextInput source="title" validate={requiredValue} fullWidth />
      <EnumInput source="kind" enumName="PlanKind" required />
      <NumberInput source="year" validate={[requiredValue, minValue(2000), maxValue(2100)]} />
      <FormDataConsumer>{({ formData }) => (formData.kind === 'MONTHLY' ? <NumberInput source="month" validate={[requiredValue, minValue(1), maxValue(12)]} /> : null)}</FormDataConsumer>
      <GridInput source="unitId" />
      <TextInput source="description" multiline fullWidth />
    </SimpleForm>
  </Create>
);
