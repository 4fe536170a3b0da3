import { Chip } from '@mui/material';
import { BooleanInput, Datagrid, FunctionField, List, SimpleList, TextField, TextInput, useLocale, useTranslate } from 'react-admin';
import { formatShanghai, ShanghaiDateField } from '../../common/fields';
import { usePhone } from '../../field/roles';
import { CursorPagination } from '../../common/CursorPagination';
import { GridInput, PersonInput } from '../../common/inputs';
import { ListActions } from '../../common/ListActions';
import { ListEmpty } from '../../common/ListEmpty';

const filters = [
  <TextInput key="month" source="month" alwaysOn helperText="gw.patrol.month_hint" />,
  <BooleanInput key="outsideBoundary" source="outsideBoundary" alwaysOn />,
  <PersonInput key="gridWorkerId" source="gridWorkerId" reference="gridWorkers" alwaysOn />,
  <GridInput key="withinId" source="withinId" />,
];

interface CheckIn {
  id: string;
  at: string;
  notes?: string | null;
  grid?: { name: string } | null;
  outsideBoundary: boolean;
  boundaryChecked: boolean;
  location?: { lng: number; lat: number };
  photoUrl?: string | null;
}

/** Outside the grid's boundary: flagged in red (such a check-in does not count towards the plan). */
const Boundary = ({ source, label }: { source: string; label: string }) => {
  const translate = useTranslate();
  return (
    <FunctionField
      source={source}
      label={label}
      sortable={false}
      render={(r: CheckIn) =>
        r.outsideBoundary ? (
          <Chip size="small" color="error" label={translate('gw.patrol.outside')} data-testid="outside-boundary" />
        ) : (
          <Chip size="small" variant="outlined" label={translate(r.boundaryChecked ? 'gw.patrol.inside' : 'gw.patrol.unchecked')} />
        )
      }
    />
  );
};

/** At phone width: one line per check-in, newest first; outside the boundary in red. */
const CheckInLines = () => {
  const translate = useTranslate();
  const locale = useLocale();
  return (
    <SimpleList<CheckIn>
      linkType={false}
      primaryText={(r) => `${formatShanghai(r.at, locale)} · ${r.grid?.name ?? ''}`}
      secondaryText={(r) => r.notes ?? '—'}
      tertiaryText={(r) => (r.outsideBoundary ? translate('gw.patrol.outside') : r.photoUrl ? '📷' : '')}
      rowSx={(r) => (r.outsideBoundary ? { borderLeft: '4px solid #d32f2f' } : {})}
    />
  );
};

export const CheckInList = () => {
  const phone = usePhone();
  return (
  <List empty={<ListEmpty />} filters={phone ? filters.slice(0, 1) : filters} pagination={<CursorPagination />} exporter={false} actions={<ListActions />}>
    {phone ? <CheckInLines /> : (
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <ShanghaiDateField source="at" sortable={false} />
      <TextField source="gridWorker.name" label="resources.patrolCheckIns.fields.gridWorker" sortable={false} />
      <TextField source="grid.name" label="resources.patrolCheckIns.fields.grid" sortable={false} />
      <Boundary source="outsideBoundary" label="resources.patrolCheckIns.fields.boundary" />
      <FunctionField source="location" sortable={false} render={(r: CheckIn) => (r.location ? `${r.location.lng.toFixed(5)}, ${r.location.lat.toFixed(5)}` : '—')} />
      <TextField source="notes" sortable={false} emptyText="—" />
      <FunctionField source="photoUrl" sortable={false} render={(r: CheckIn) => (r.photoUrl ? <a href={r.photoUrl} target="_blank" rel="noreferrer">📷</a> : '—')} />
    </Datagrid>
    )}
  </List>
  );
};
