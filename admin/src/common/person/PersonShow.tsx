import { FactsLayout } from '../FactsLayout';
import { useLoadError } from '../useLoadError';
import type { ReactNode } from 'react';
import { ArrayField, BooleanField, ChipField, ReferenceField, Show, SingleFieldList, TextField } from 'react-admin';
import { can } from '../../auth/authProvider';
import type { Subject } from '../../auth/ability';

export const PersonShow = ({ subject, extra }: { subject: Subject; extra: ReactNode }) => (
  <Show queryOptions={useLoadError()}>
    <FactsLayout>
      <TextField source="name" />
      {extra}
      {can('read', subject, 'phone') ? <TextField source="phone" emptyText="—" /> : null}
      <ReferenceField source="employerUnitId" reference="grids" link="show" />
      <ArrayField source="grids">
        <SingleFieldList linkType={false}>
          <ChipField source="name" size="small" />
        </SingleFieldList>
      </ArrayField>
      <BooleanField source="active" />
    </FactsLayout>
  </Show>
);
