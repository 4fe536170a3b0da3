import { NumberInput, SimpleForm, TextInput } from 'react-admin';
import { EnumInput, GridInput, requiredValue } from '../../common/inputs';
import { sourceCodeHint } from './sourceCode';

/** Shared by create and edit; the grid is chosen at creation only (moving is not an edit). */
export const SourceForm = ({ create = false }: { create?: boolean }) => (
  <SimpleForm>
    <TextInput source="name" validate={requiredValue} fullWidth />
    {create ? <GridInput source="gridId" required /> : null}
    <TextInput source="sourceCode" validate={sourceCodeHint} helperText="gw.source.code_help" parse={(v: string) => v.trim() || null} sx={{ minWidth: { sm: 320 } }} />
    <TextInput source="creditCode" helperText="gw.source.credit_help" />
    <EnumInput source="type" enumName="SourceType" required />
    <EnumInput source="supervisionLevel" enumName="SupervisionLevel" required />
    <EnumInput source="status" enumName="SourceStatus" />
    <TextInput source="industry" />
    <TextInput source="address" fullWidth />
    <NumberInput source="lng" step={0.000001} />
    <NumberInput source="lat" step={0.000001} />
  </SimpleForm>
);
