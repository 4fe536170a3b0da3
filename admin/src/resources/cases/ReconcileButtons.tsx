import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Button, useListContext, useLocale } from 'react-admin';
import { shanghaiToday } from '../../common/clock';
import { exportUrl, useExportList } from '../../common/ExportButtons';

const day = (value: unknown): string | undefined => (typeof value === 'string' && value ? value.slice(0, 10) : undefined);

/**
 * 工单对账: with a channel chosen, the channel's tickets of the filtered report days (today when
 * none), with case, reply and on-time or late, to hold against the hotline's own list.
 */
export const ReconcileButtons = () => {
  const { filterValues } = useListContext();
  const locale = useLocale();
  const list = useExportList('complaint-tickets');
  const channel = typeof filterValues.channel === 'string' ? filterValues.channel : undefined;
  if (!list || !channel) return null;
  const fromDay = day(filterValues.reportedFrom) ?? day(filterValues.reportedTo) ?? shanghaiToday();
  const filter = { channel, fromDay, toDay: day(filterValues.reportedTo) ?? fromDay };
  const go = (format: 'csv' | 'xlsx') => () => window.location.assign(exportUrl(list, filter, undefined, format, locale));
  return (
    <>
      <Button label="gw.case.reconcile_csv" onClick={go('csv')} data-testid="reconcile-csv">
        <FactCheckIcon />
      </Button>
      <Button label="gw.case.reconcile_xlsx" onClick={go('xlsx')} data-testid="reconcile-xlsx">
        <FactCheckIcon />
      </Button>
    </>
  );
};
