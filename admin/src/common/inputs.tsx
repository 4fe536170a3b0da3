import { AutocompleteArrayInput, AutocompleteInput, maxValue, minValue, ReferenceArrayInput, ReferenceInput, required, SelectInput, useTranslate, type RaRecord } from 'react-admin';
import { categoryKey, enumChoices } from './enums';

export const EnumInput = ({ enumName, source, alwaysOn, required }: { enumName: string; source: string; alwaysOn?: boolean; required?: boolean }) => (
  <SelectInput source={source} choices={enumChoices(enumName)} alwaysOn={alwaysOn} isRequired={required} validate={required ? requiredValue : undefined} />
);

/** react-admin's own validator, so the label carries its `*` (a plain function does not). */
const requiredValue = required();
export { requiredValue };

/** The API's ranges for a WGS-84 point, checked before sending (the server says the same). */
export const LNG_RANGE = [minValue(-180), maxValue(180)];
export const LAT_RANGE = [minValue(-90), maxValue(90)];

const gridText = (record: RaRecord) => (record ? `${String(record.name)} (${String(record.code)})` : '');

/** Grid pickers search the API by code prefix or name (GridFilter.search). */
export const GridInput = ({ source, alwaysOn, required, filter }: { source: string; alwaysOn?: boolean; required?: boolean; filter?: Record<string, unknown> }) => (
  <ReferenceInput source={source} reference="grids" alwaysOn={alwaysOn} filter={filter} perPage={20}>
    <AutocompleteInput optionText={gridText} filterToQuery={(q: string) => ({ q })} validate={required ? requiredValue : undefined} sx={{ minWidth: 280 }} />
  </ReferenceInput>
);

export const GridArrayInput = ({ source }: { source: string }) => (
  <ReferenceArrayInput source={source} reference="grids" perPage={20}>
    <AutocompleteArrayInput optionText={gridText} filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 'min(360px, 100%)' }} />
  </ReferenceArrayInput>
);

/** Officers or grid workers, searched by name. */
export const PersonInput = ({ source, reference, alwaysOn }: { source: string; reference: 'officers' | 'gridWorkers'; alwaysOn?: boolean }) => (
  <ReferenceInput source={source} reference={reference} alwaysOn={alwaysOn} perPage={20}>
    <AutocompleteInput optionText={(record: RaRecord) => (record ? String(record.name) : '')} filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 'min(240px, 100%)' }} />
  </ReferenceInput>
);

export const CategoryInput = ({ source, alwaysOn, required }: { source: string; alwaysOn?: boolean; required?: boolean }) => {
  const translate = useTranslate();
  return (
    <ReferenceInput source={source} reference="caseCategories" alwaysOn={alwaysOn} perPage={100}>
      <SelectInput
        optionText={(record: RaRecord) => translate(categoryKey(String(record.code)), { _: String(record.name) })}
        translateChoice={false}
        validate={required ? requiredValue : undefined}
      />
    </ReferenceInput>
  );
};
