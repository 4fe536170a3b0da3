import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Card, CardContent, Button as MuiButton, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, Title, useLocale, useTranslate } from 'react-admin';
import { apolloClient } from '../apollo';
import { shanghaiToday } from '../common/clock';
import { formatShanghai } from '../common/fields';
import { SimpleTable } from '../common/SimpleTable';
import { useApi } from '../common/useApi';
import { toHttpError } from '../data/errors';
import { FilingLimits } from './FilingLimits';
import { CALENDAR_CHANGED, CALENDAR_STATUS, type CalendarWarning, LOAD_SCHEDULE, type ScheduleLoad } from './queries';

interface Status {
  calendarWarnings: CalendarWarning[];
  calendarYears: { year: number; source: string; loadedAt: string }[];
}

/**
 * 工作日历: the city administrator loads a year's official holiday schedule (CSV or ICS),
 * previews what it changes (days, provisional deadlines that move), then loads it.
 */
export const CalendarPage = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const status = useApi<Status>(CALENDAR_STATUS, {});
  const [year, setYear] = useState<string>('');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ScheduleLoad | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosenYear = Number(year || status.data?.calendarWarnings[0]?.year || Number(shanghaiToday().slice(0, 4)) + 1);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const format = /\.ics$/i.test(file.name) ? 'ICS' : 'CSV';
      const input = { year: chosenYear, format, content: await file.text(), dryRun };
      const answer = await apolloClient.mutate<{ loadCalendarSchedule: ScheduleLoad }>({ mutation: LOAD_SCHEDULE, variables: { input } });
      setResult(answer.data?.loadCalendarSchedule ?? null);
      if (!dryRun) {
        status.reload();
        window.dispatchEvent(new Event(CALENDAR_CHANGED));
      }
    } catch (e) {
      setResult(null);
      setError(toHttpError(e).message);
    } finally {
      setBusy(false);
    }
  };
  const previewed = result?.dryRun === true && result.year === chosenYear;
  return (
    <Card sx={{ mt: 2 }} data-testid="calendar-page">
      <Title title="gw.menu.calendar" />
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography color="text.secondary">{translate('gw.calendar.hint')}</Typography>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <TextField
            label={translate('gw.calendar.year')}
            size="small"
            type="number"
            value={year || chosenYear}
            onChange={(e) => setYear(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'calendar-year', min: 2000, max: 2100 } }}
            sx={{ width: 120 }}
          />
          <MuiButton component="label" variant="outlined" startIcon={<UploadFileIcon />}>
            {translate('gw.calendar.choose')}
            <input
              hidden
              type="file"
              accept=".csv,.ics,text/csv,text/calendar"
              data-testid="calendar-file"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setResult(null);
                setError(null);
              }}
            />
          </MuiButton>
          <Typography>{file?.name ?? translate('gw.calendar.no_file')}</Typography>
          <Button label="gw.calendar.preview" variant="contained" disabled={!file || busy} onClick={() => void send(true)} data-testid="calendar-preview" />
          <Button label="gw.calendar.load" variant="contained" color="warning" disabled={!previewed || busy} onClick={() => void send(false)} data-testid="calendar-load" />
        </Box>
        {error ? <Alert severity="error">{translate(error)}</Alert> : null}
        {result ? (
          <Alert severity={result.dryRun ? 'info' : 'success'} data-testid="calendar-result">
            {translate(result.dryRun ? 'gw.calendar.previewed' : 'gw.calendar.loaded', { ...result })}
          </Alert>
        ) : null}
        {result?.moves.length ? (
          <SimpleTable
            rowTestId="calendar-move"
            columns={[{ label: translate('gw.calendar.case') }, { label: translate('gw.calendar.before') }, { label: translate('gw.calendar.after') }]}
            rows={result.moves.map((m) => ({ key: m.case.id, cells: [m.case.number, formatShanghai(m.previousDueAt, locale), formatShanghai(m.dueAt, locale)] }))}
          />
        ) : null}
        <Typography variant="subtitle2">{translate('gw.calendar.years')}</Typography>
        <SimpleTable
          rowTestId="calendar-loaded-year"
          columns={[{ label: translate('gw.calendar.year') }, { label: translate('gw.calendar.source') }, { label: translate('gw.calendar.loaded_at') }]}
          rows={(status.data?.calendarYears ?? []).slice().reverse().map((y) => ({ key: String(y.year), cells: [y.year, y.source, formatShanghai(y.loadedAt, locale)] }))}
        />
        <FilingLimits />
      </CardContent>
    </Card>
  );
};
