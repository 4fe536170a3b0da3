import { BooleanInput, CloneButton, Datagrid, FunctionField, List, NumberField, TextField, useTranslate } from 'react-admin';
import { can } from '../../auth/authProvider';
import { EnumField, ShanghaiDateField } from '../../common/fields';
import { ListActions } from '../../common/ListActions';
import { ListEmpty } from '../../common/ListEmpty';

const filters = [<BooleanInput key="history" source="history" alwaysOn />];

/** The formula in monospace: weights and deductions of the composite are written in it. */
const Formula = ({ source }: { source: string }) => (
  <FunctionField source={source} sortable={false} render={(r: { formula?: string }) => <code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{r.formula}</code>} />
);

const Subjects = ({ source }: { source: string }) => {
  const translate = useTranslate();
  return <FunctionField source={source} sortable={false} render={(r: { subjectTypes?: string[] }) => (r.subjectTypes ?? []).map((s) => translate(`gw.enum.AssessmentSubjectType.${s}`)).join('、')} />;
};

/** The minimum sample to be ranked by the indicator, e.g. "应结案数 ≥ 5". */
const Sample = ({ source }: { source: string }) => {
  const translate = useTranslate();
  return (
    <FunctionField
      source={source}
      sortable={false}
      render={(r: { sampleMeasure?: string | null; minSample?: number | null }) => (r.sampleMeasure && r.minSample ? `${translate(`gw.measure.${r.sampleMeasure}`, { _: r.sampleMeasure })} ≥ ${r.minSample}` : '—')}
    />
  );
};

/**
 * 考核指标 (a handful: one plain list, no pages). "New version" opens the form with the
 * indicator's values; saving under the same code publishes a version and keeps the old one.
 */
export const IndicatorList = () => (
  <List empty={<ListEmpty />} filters={filters} filterDefaultValues={{ history: false }} perPage={100} pagination={false} exporter={false} actions={<ListActions createLabel="gw.indicator.create" />}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="code" sortable={false} />
      <TextField source="name" sortable={false} />
      <NumberField source="version" sortable={false} />
      <Formula source="formula" />
      <TextField source="description" sortable={false} />
      <EnumField source="unit" enumName="IndicatorUnit" sortable={false} />
      <Subjects source="subjectTypes" />
      <Sample source="minSample" />
      <ShanghaiDateField source="createdAt" sortable={false} />
      <ShanghaiDateField source="supersededAt" sortable={false} emptyText="—" />
      {can('create', 'AssessmentIndicator') ? <CloneButton label="gw.indicator.new_version" data-testid="indicator-new-version" /> : null}
    </Datagrid>
  </List>
);
