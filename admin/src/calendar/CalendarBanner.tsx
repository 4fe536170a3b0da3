import { Alert, Button } from '@mui/material';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useTranslate } from 'react-admin';
import { can } from '../auth/authProvider';
import { useApi } from '../common/useApi';
import { CALENDAR_CHANGED, CALENDAR_STATUS, type CalendarWarning } from './queries';

/** The city administrator is told (from 1 November of the year before) that a year's schedule is missing. */
export const CalendarBanner = () => {
  const translate = useTranslate();
  const mayLoad = can('update', 'CalendarYear');
  const { data, reload } = useApi<{ calendarWarnings: CalendarWarning[] }>(CALENDAR_STATUS, mayLoad ? {} : null);
  useEffect(() => {
    window.addEventListener(CALENDAR_CHANGED, reload);
    return () => window.removeEventListener(CALENDAR_CHANGED, reload);
  }, [reload]);
  if (!mayLoad || !data?.calendarWarnings.length) return null;
  return (
    <>
      {data.calendarWarnings.map((w) => (
        <Alert
          key={w.year}
          severity="warning"
          data-testid="calendar-banner"
          sx={{ mt: 1 }}
          action={
            <Button component={Link} to="/calendar" color="inherit" size="small">
              {translate('gw.calendar.open')}
            </Button>
          }
        >
          {translate('gw.calendar.banner', { year: w.year })}
        </Alert>
      ))}
    </>
  );
};
