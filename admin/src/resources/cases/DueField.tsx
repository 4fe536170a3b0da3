import { Box, Chip, Tooltip } from '@mui/material';
import { FunctionField, useLocale, useTranslate } from 'react-admin';
import { formatShanghai } from '../../common/fields';

/** The running deadline, marked 暂定 when it was counted through a year whose holiday schedule is not loaded. */
export const DueField = ({ label = 'resources.cases.fields.dueAt', sortable }: { label?: string; sortable?: boolean }) => {
  const translate = useTranslate();
  const locale = useLocale();
  return (
    <FunctionField
      source="dueAt"
      label={label}
      sortable={sortable}
      render={(record: { dueAt?: string | null; dueProvisional?: boolean }) =>
        record.dueAt ? (
          <Box component="span" sx={{ display: 'inline-flex', gap: 0.5, alignItems: 'center', whiteSpace: 'nowrap' }}>
            {formatShanghai(record.dueAt, locale)}
            {record.dueProvisional ? (
              <Tooltip title={translate('gw.calendar.provisional_hint')}>
                <Chip label={translate('gw.calendar.provisional')} size="small" color="warning" variant="outlined" data-testid="due-provisional" />
              </Tooltip>
            ) : null}
          </Box>
        ) : (
          '—'
        )
      }
    />
  );
};
