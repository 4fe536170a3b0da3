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
import { currentMe } from '../../auth/authProvider';
import { ListEmpty } from '../../common/ListEmpty';
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

/** Late rows stand out (a red edge and tint); the same rule as the phone cards and the due column. */
const lateRow = (record: CardCase) => (isLate(record) ? { backgroundColor: 'rgba(211, 47, 47, 0.06)', boxShadow: 'inset 4px 0 0 #d32f2f' } : {});

export const CaseList = () => {
  const phone = usePhone();
  // The city reads every county: which one, and who has the case now.
  const cityWide = currentMe()?.unit.level === 'CITY';
  return (
  <List empty={<ListEmpty />} filters={phone ? filters.slice(0, 2) : filters} sort={{ field: 'reportedAt', order: 'DESC' }} pagination={<CursorPagination />} exporter={false} actions={<ListActions createLabel="gw.case.report">{phone ? null : <ReconcileButtons />}</ListActions>}>
    <WorkQueues />
    {phone ? <CaseCards /> : (
    <Datagrid rowClick="show" bulkActionButtons={false} rowSx={lateRow}>
      <TextField source="number" sortable={false} />
      <EnumField source="status" enumName="CaseStatus" sortable={false} />
      <CategoryField source="category" />
      <EnumField source="origin" enumName="CaseOrigin" sortable={false} />
      <EnumField source="urgency" enumName="CaseUrgency" sortable={false} />
      {cityWide ? <TextField source="county.name" label="resources.cases.fields.county" sortable={false} /> : null}
      <TextField source="grid.name" label="resources.cases.fields.grid" sortable={false} />
      <TextField source="handlingUnit.name" label="resources.cases.fields.handlingUnit" sortable={false} emptyText="—" />
      <ShanghaiDateField source="reportedAt" />
      <DueField label="resources.cases.fields.dueAt" sortable={false} />
    </Datagrid>
    )}
  </List>
  );
};
