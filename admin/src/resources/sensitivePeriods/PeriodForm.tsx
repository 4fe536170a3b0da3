import { DateInput, NumberInput, SelectArrayInput, SimpleForm, TextArrayInput, TextInput, maxValue, minValue } from 'react-admin';
import { enumChoices } from '../../common/enums';
import { GridArrayInput, requiredValue } from '../../common/inputs';

const factor = [requiredValue, minValue(1), maxValue(10)];

/** Dates (inclusive), the grid subtrees it covers, optional industries and levels, the two factors. */
export const PeriodForm = () => (
  <SimpleForm defaultValues={{ inspectionFactor: 2, patrolFactor: 2 }}>
    <TextInput source="name" validate={requiredValue} fullWidth />
    <DateInput source="startsOn" validate={requiredValue} />
    <DateInput source="endsOn" validate={requiredValue} />
    <GridArrayInput source="gridIds" />
    <TextArrayInput source="industries" helperText="resources.sensitivePeriods.fields.industriesHint" />
    <SelectArrayInput source="levels" choices={enumChoices('SupervisionLevel')} />
    <NumberInput source="inspectionFactor" step={0.5} validate={factor} helperText="resources.sensitivePeriods.fields.inspectionFactorHint" />
    <NumberInput source="patrolFactor" step={0.5} validate={factor} helperText="resources.sensitivePeriods.fields.patrolFactorHint" />
  </SimpleForm>
);
