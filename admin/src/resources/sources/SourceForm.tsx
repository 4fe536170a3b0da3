import { NumberInput, SimpleForm, TextInput } from 'react-admin';
import { EnumInput, GridInput, requiredValue } from '../../common/inputs';

/** Shared by create and edit; the grid is chosen at creation only (moving is not an edit). */
export const SourceForm = ({ create = false }: { create?: boolean }) => (
  <SimpleForm>
    <TextInput source="name" validate={requiredValue} fullWidth />
    {create ? <GridInput source="gridId" required /> : null}
    <TextInput source="creditCode" />
    <EnumInput source="type" enumName="SourceType" required />
    <EnumInput source="supervisionLevel" enumName="SupervisionLevel" required />
    <EnumInput source="status" enumName="SourceStatus" />
    <TextInput source="industry" />
    <TextInput source="address" fullWidth />
    <NumberInput source="lng" step={0.000001} />
    <NumberInput source="lat" step={0.000001} />
  </SimpleForm>
);
