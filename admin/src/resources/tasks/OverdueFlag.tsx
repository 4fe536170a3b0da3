import { Chip } from '@mui/material';
import { FunctionField, useTranslate } from 'react-admin';

/** A red chip for what is late (open past its deadline), nothing otherwise. */
export const OverdueFlag = ({ label, source = 'overdue' }: { label?: string; source?: string }) => {
  const translate = useTranslate();
  return (
    <FunctionField
      label={label}
      source={source}
      sortable={false}
      render={(record: Record<string, unknown>) => (record[source] ? <Chip size="small" color="error" label={translate('gw.task.overdue')} data-testid="overdue-flag" /> : null)}
    />
  );
};
