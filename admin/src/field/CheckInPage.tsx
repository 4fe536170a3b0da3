import { Alert, Button, Card, CardContent, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useParams } from 'react-router';
import { Title, useLocale, useNavigate, useNotify, useTranslate } from 'react-admin';
import { currentMe } from '../auth/authProvider';
import { now } from '../common/clock';
import { formatShanghai } from '../common/fields';
import { enqueue } from './enqueue';
import { usePosition } from './location';
import { LocationLine } from './LocationLine';
import { PhotoInput, type TakenPhoto } from './PhotoInput';
import { useFieldData } from './snapshot';

/** 巡查打卡: the time and place are taken on the phone when the button is pressed (network or not). */
export const CheckInPage = () => {
  const { gridId = '' } = useParams();
  const translate = useTranslate();
  const locale = useLocale();
  const navigate = useNavigate();
  const notify = useNotify();
  const { data } = useFieldData(currentMe());
  const { locating, again } = usePosition();
  const [photos, setPhotos] = useState<TakenPhoto[]>([]);
  const [resizing, setResizing] = useState(false);
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const grid = data?.grids.find((g) => g.id === gridId) ?? data?.plans.find((p) => p.grid.id === gridId)?.grid;

  const checkIn = async () => {
    if (locating.state !== 'found') return;
    setBusy(true);
    const item = await enqueue({
      kind: 'checkIn',
      input: { gridId, location: { lng: locating.position.lng, lat: locating.position.lat }, notes: notes.trim() || undefined, observedAt: now().toISOString() },
      summary: { grid: grid?.name ?? '' },
      photos: photos.map((p) => ({ ...p, sent: false })),
    });
    notify(item.status === 'sent' ? 'gw.field.checked_in' : item.status === 'failed' ? 'gw.field.check_in_failed' : 'gw.field.check_in_queued', {
      type: item.status === 'sent' ? 'success' : item.status === 'failed' ? 'error' : 'info',
      messageArgs: { reason: translate(`gw.errors.${item.lastError ?? 'BAD_REQUEST'}`) },
    });
    navigate(item.status === 'failed' ? '/outbox' : '/');
  };

  return (
    <Card sx={{ m: { xs: 0, sm: 2 }, mb: 10 }} data-testid="field-check-in">
      <Title title="gw.field.check_in_title" />
      <CardContent>
        <Typography variant="h6">{grid?.name ?? '…'}</Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('gw.field.check_in_at', { at: formatShanghai(now().toISOString(), locale) })}
        </Typography>
        <LocationLine locating={locating} again={again} />
        <PhotoInput onBusy={setResizing} label={translate('gw.field.check_in_photo')} photos={photos} onChange={setPhotos} max={1} name="checkInPhoto" />
        <TextField name="notes" label={translate('resources.patrolCheckIns.fields.notes')} multiline minRows={2} fullWidth margin="dense" value={notes} onChange={(e) => setNotes(e.target.value)} />
        {locating.state === 'none' ? <Alert severity="warning">{translate('gw.field.check_in_needs_position')}</Alert> : null}
        <Button variant="contained" size="large" fullWidth disabled={busy || resizing || locating.state !== 'found' || !gridId} onClick={() => void checkIn()} sx={{ mt: 2, minHeight: 52 }} data-testid="field-check-in-submit">
          {translate('gw.field.check_in')}
        </Button>
      </CardContent>
    </Card>
  );
};
