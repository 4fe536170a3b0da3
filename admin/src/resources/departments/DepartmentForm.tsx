import { CheckboxGroupInput, ReferenceArrayInput, SimpleForm, TextInput, useTranslate, type RaRecord } from 'react-admin';
import { categoryKey } from '../../common/enums';
import { EnumInput, GridInput, requiredValue } from '../../common/inputs';

/** The unit is chosen at creation; categories default (API side) to all of the field's. */
export const DepartmentForm = ({ create = false }: { create?: boolean }) => {
  const translate = useTranslate();
  return (
    <SimpleForm>
      {create ? <GridInput source="unitId" required /> : null}
      <TextInput source="name" validate={requiredValue} />
      <EnumInput source="field" enumName="DepartmentField" required />
      <ReferenceArrayInput source="categoryIds" reference="caseCategories" perPage={100}>
        {/* The label by the field: left to react-admin it was the reference's humanised name, "Category", in both languages. */}
        <CheckboxGroupInput label="resources.departments.fields.categoryIds" optionText={(r: RaRecord) => translate(categoryKey(String(r.code)), { _: String(r.name) })} translateChoice={false} />
      </ReferenceArrayInput>
    </SimpleForm>
  );
};
