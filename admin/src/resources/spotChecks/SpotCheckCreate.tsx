import { AutocompleteArrayInput, Create, NumberInput, ReferenceArrayInput, SelectArrayInput, SimpleForm, TextInput, required } from 'react-admin';
import { enumChoices } from '../../common/enums';
import { EnumInput, GridArrayInput } from '../../common/inputs';

const inspectorText = (record: { name?: string; employerUnit?: { name?: string } | null } | undefined) =>
  record ? (record.employerUnit?.name ? `${record.name ?? ''} (${record.employerUnit.name})` : String(record.name ?? '')) : '';

/** Define a campaign: who may be drawn (population), how many per stratum, from which inspector pool. */
export const SpotCheckCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ stratification: 'LEVEL', conflictRule: 'SAME_COUNTY', inspectorsPerSource: 2, sampleSize: 3 }}>
      <TextInput source="title" validate={required()} />
      <SelectArrayInput source="supervisionLevels" choices={enumChoices('SupervisionLevel')} />
      <GridArrayInput source="withinUnitIds" />
      <EnumInput source="stratification" enumName="SpotCheckStratification" required />
      <NumberInput source="sampleSize" min={1} helperText="resources.spotChecks.fields.sampleSizeHint" />
      <ReferenceArrayInput source="inspectorPoolIds" reference="officers" perPage={100}>
        {/* The unit beside the name: the 回避 rule (not one's own county) is about where an inspector works. */}
        <AutocompleteArrayInput optionText={inspectorText} filterToQuery={(q: string) => ({ q })} validate={required()} sx={{ minWidth: 360 }} />
      </ReferenceArrayInput>
      <NumberInput source="inspectorsPerSource" min={1} max={5} />
      <EnumInput source="conflictRule" enumName="ConflictRule" required />
    </SimpleForm>
  </Create>
);
