import { Chip } from '@mui/material';
import { BooleanField, Datagrid, DateInput, EditButton, FunctionField, List, NumberField, TextField, useTranslate } from 'react-admin';
import { CursorPagination } from '../../common/CursorPagination';
import { ListActions } from '../../common/ListActions';
import { RevokeButton } from './RevokeButton';
import { ListEmpty } from '../../common/ListEmpty';

interface Period {
  units?: { id: string; name: string }[];
  industries?: string[];
  levels?: string[];
}

const filters = [<DateInput key="activeOn" source="activeOn" alwaysOn />];

const Levels = ({ source }: { source: string }) => {
  const translate = useTranslate();
  return <FunctionField source={source} sortable={false} render={(r: Period) => (r.levels?.length ? r.levels.map((l) => translate(`gw.enum.SupervisionLevel.${l}`)).join('、') : translate('gw.all'))} />;
};

/** 重大活动/敏感时期 read below the unit that set them; later starts first. */
export const PeriodList = () => {
  const translate = useTranslate();
  return (
    <List empty={<ListEmpty />} filters={filters} pagination={<CursorPagination />} exporter={false} actions={<ListActions />}>
      <Datagrid rowClick={false} bulkActionButtons={false}>
        <TextField source="name" sortable={false} />
        <TextField source="startsOn" sortable={false} />
        <TextField source="endsOn" sortable={false} />
        <FunctionField source="units" sortable={false} render={(r: Period) => (r.units ?? []).map((u) => <Chip key={u.id} size="small" label={u.name} sx={{ mr: 0.5 }} />)} />
        <FunctionField source="industries" sortable={false} render={(r: Period) => (r.industries?.length ? r.industries.join('、') : translate('gw.all'))} />
        <Levels source="levels" />
        <NumberField source="inspectionFactor" sortable={false} />
        <NumberField source="patrolFactor" sortable={false} />
        <TextField source="unit.name" label="resources.sensitivePeriods.fields.unit" sortable={false} />
        <BooleanField source="active" sortable={false} />
        <EditButton />
        <RevokeButton />
      </Datagrid>
    </List>
  );
};
