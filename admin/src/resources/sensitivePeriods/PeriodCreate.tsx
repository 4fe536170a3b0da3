import { Create, Edit } from 'react-admin';
import { PeriodForm } from './PeriodForm';

export const PeriodCreate = () => (
  <Create redirect="list">
    <PeriodForm />
  </Create>
);

/** The expected version goes with the save: a period changed meanwhile is a CONFLICT, nothing written. */
export const PeriodEdit = () => (
  <Edit redirect="list" mutationMode="pessimistic">
    <PeriodForm />
  </Edit>
);
