import { DueField } from './DueField';
import { Datagrid, DateInput, List, SearchInput, SimpleList, TextField, useTranslate } from 'react-admin';
import { DueChip, isLate, type CardCase } from '../../field/CaseCard';
import { usePhone } from '../../field/roles';
import { categoryKey } from '../../common/enums';
import { ListActions } from '../../common/ListActions';
import { CursorPagination } from '../../common/CursorPagination';
import { CategoryField, EnumField, ShanghaiDateField } from '../../common/fields';
import { CategoryInput, EnumInput, GridInput } from '../../common/inputs';
import { WorkQueues } from './WorkQueues';
import { ReconcileButtons } from './ReconcileButtons';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumInput key="status" source="status" enumName="CaseStatus" alwaysOn />,
  <EnumInput key="origin" source="origin" enumName="CaseOrigin" />,
  <EnumInput key="channel" source="channel" enumName="CaseChannel" />,
  <CategoryInput key="categoryId" source="categoryId" />,
  <DateInput key="reportedFrom" source="reportedFrom" />,
  <DateInput key="reportedTo" source="reportedTo" />,
  <GridInput key="withinId" source="withinId" />,
];

/** At phone width each case is a card: number and due, category, status and grid; late ones in red. */
const CaseCards = () => {
  const translate = useTranslate();
  return (
    <SimpleList<CardCase>
      linkType="show"
      primaryText={(r) => r.number}
      secondaryText={(r) => `${r.category ? translate(categoryKey(r.category.code), { _: r.category.name }) : ''} · ${translate(`gw.enum.CaseStatus.${r.status}`)} · ${r.grid?.name ?? ''}`}
      tertiaryText={(r) => <DueChip dueAt={r.dueAt} />}
      rowSx={(r) => (isLate(r) ? { borderLeft: '4px solid #d32f2f' } : { borderLeft: '4px solid transparent' })}
      data-testid="case-cards"
    />
  );
};

export const CaseList = () => {
  const phone = usePhone();
  return (
  <List filters={phone ? filters.slice(0, 2) : filters} sort={{ field: 'reportedAt', order: 'DESC' }} pagination={<CursorPagination />} exporter={false} actions={<ListActions createLabel="gw.case.report">{phone ? null : <ReconcileButtons />}</ListActions>}>
    <WorkQueues />
    {phone ? <CaseCards /> : (
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="number" sortable={false} />
      <EnumField source="status" enumName="CaseStatus" sortable={false} />
      <CategoryField source="category" />
      <EnumField source="origin" enumName="CaseOrigin" sortable={false} />
      <EnumField source="urgency" enumName="CaseUrgency" sortable={false} />
      <TextField source="grid.name" label="resources.cases.fields.grid" sortable={false} />
      <ShanghaiDateField source="reportedAt" />
      <DueField sortable={false} />
    </Datagrid>
    )}
  </List>
  );
};
