import { FactsLayout } from '../../common/FactsLayout';
import { useLoadError } from '../../common/useLoadError';
import { ArrayField, BooleanField, FunctionField, ReferenceField, Show, SingleFieldList, TextField, useTranslate } from 'react-admin';
import { Chip } from '@mui/material';
import { categoryKey } from '../../common/enums';
import { EnumField } from '../../common/fields';

const CategoryChip = () => {
  const translate = useTranslate();
  return <FunctionField render={(r: { code: string; name: string }) => <Chip size="small" label={translate(categoryKey(r.code), { _: r.name })} />} />;
};

export const DepartmentShow = () => (
  <Show queryOptions={useLoadError()}>
    <FactsLayout>
      <TextField source="name" />
      <EnumField source="field" enumName="DepartmentField" />
      <ReferenceField source="unitId" reference="grids" link="show" />
      <ArrayField source="categories">
        <SingleFieldList linkType={false}>
          <CategoryChip />
        </SingleFieldList>
      </ArrayField>
      <BooleanField source="active" />
    </FactsLayout>
  </Show>
);
