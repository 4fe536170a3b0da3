import { Alert, Box, Button, Card, CardContent, Chip, MenuItem, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { Title, useNavigate, useNotify, useTranslate } from 'react-admin';
import { currentMe } from '../auth/authProvider';
import { categoryKey } from '../common/enums';
import { enqueue } from './enqueue';
import { suggestGrids, usePosition, type GridSuggestion } from './location';
import { LocationLine } from './LocationLine';
import { PhotoInput, type TakenPhoto } from './PhotoInput';
import { categoryUse, countCategoryUse, useFieldData, type FieldGrid } from './snapshot';

const URGENCIES = ['NORMAL', 'URGENT', 'EMERGENCY'] as const;
const FIRST_CATEGORIES = 8;

/** The grids to choose from: what the API suggests here first, then the user's own. */
function gridChoices(suggested: GridSuggestion[], own: FieldGrid[]): { grid: FieldGrid; suggested: boolean }[] {
  const seen = new Set<string>();
  return [...suggested.map((s) => ({ grid: s.grid, suggested: true })), ...own.map((grid) => ({ grid, suggested: false }))].filter(({ grid }) => !seen.has(grid.id) && seen.add(grid.id));
}

/** 信息采集 on a phone: category, photo, position and grid, a few words, urgency; one tap to send. */
export const ReportPage = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const notify = useNotify();
  const me = currentMe();
  const { data } = useFieldData(me);
  const { locating, again } = usePosition();
  const [suggested, setSuggested] = useState<GridSuggestion[]>([]);
  const [categoryId, setCategoryId] = useState('');
  const [allCategories, setAllCategories] = useState(false);
  const [gridId, setGridId] = useState('');
  const [photos, setPhotos] = useState<TakenPhoto[]>([]);
  const [resizing, setResizing] = useState(false);
  const [description, setDescription] = useState('');
  const [urgency, setUrgency] = useState<string>('NORMAL');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (locating.state === 'found') void suggestGrids(locating.position).then(setSuggested);
  }, [locating]);
  const grids = gridChoices(suggested, data?.grids ?? []);
  // The grid it falls in, once known; the user's only grid otherwise. A choice made by hand stays.
  useEffect(() => {
    if (!gridId && grids.length && (suggested.length || grids.length === 1)) setGridId(grids[0].grid.id);
  }, [grids, gridId, suggested.length]);

  const categories = useMemo(() => {
    const use = categoryUse();
    return [...(data?.categories ?? [])].sort((a, b) => (use[b.id] ?? 0) - (use[a.id] ?? 0));
  }, [data]);
  const shown = allCategories ? categories : categories.slice(0, FIRST_CATEGORIES);
  const ready = categoryId && gridId && description.trim() && !busy && !resizing;

  const submit = async () => {
    setBusy(true);
    const category = categories.find((c) => c.id === categoryId);
    const grid = grids.find((g) => g.grid.id === gridId)?.grid;
    countCategoryUse(categoryId);
    const item = await enqueue({
      kind: 'report',
      input: {
        categoryId,
        gridId,
        description: description.trim(),
        urgency,
        origin: 'PATROL',
        location: locating.state === 'found' ? { lng: locating.position.lng, lat: locating.position.lat } : undefined,
      },
      summary: { category: category ? translate(categoryKey(category.code), { _: category.name }) : '', grid: grid?.name ?? '' },
      photos: photos.map((p) => ({ ...p, sent: false })),
    });
    if (item.status === 'sent') notify('gw.field.reported', { type: 'success', messageArgs: { number: item.result?.label ?? '' } });
    else if (item.status === 'failed') notify('gw.field.report_failed', { type: 'error', messageArgs: { reason: translate(`gw.errors.${item.lastError ?? 'BAD_REQUEST'}`) } });
    else notify('gw.field.report_queued', { type: 'info' });
    navigate(item.status === 'failed' ? '/outbox' : '/');
  };

  return (
    <Card sx={{ m: { xs: 0, sm: 2 }, mb: 10 }} data-testid="field-report">
      <Title title="gw.field.report_title" />
      <CardContent>
        <Typography variant="subtitle2">{translate('resources.cases.fields.category')}</Typography>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, my: 1 }} data-testid="field-categories">
          {shown.map((c) => (
            <Chip
              key={c.id}
              label={translate(categoryKey(c.code), { _: c.name })}
              color={c.id === categoryId ? 'primary' : 'default'}
              variant={c.id === categoryId ? 'filled' : 'outlined'}
              onClick={() => setCategoryId(c.id)}
              sx={{ height: 40, fontSize: 15 }}
            />
          ))}
          {categories.length > FIRST_CATEGORIES ? <Chip label={translate(allCategories ? 'gw.field.fewer' : 'gw.field.more')} onClick={() => setAllCategories(!allCategories)} sx={{ height: 40 }} /> : null}
        </Box>
        <PhotoInput onBusy={setResizing} label={translate('gw.field.photos')} photos={photos} onChange={setPhotos} />
        <LocationLine locating={locating} again={again} />
        <TextField
          select
          fullWidth
          name="gridId"
          label={translate('resources.cases.fields.grid')}
          value={gridId}
          onChange={(e) => setGridId(e.target.value)}
          margin="dense"
          data-testid="field-grid"
        >
          {grids.map(({ grid, suggested: near }) => (
            <MenuItem key={grid.id} value={grid.id}>
              {grid.name} {near ? `· ${translate('gw.field.suggested')}` : ''}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          name="description"
          label={translate('resources.cases.fields.description')}
          placeholder={translate('gw.field.description_hint')}
          multiline
          minRows={3}
          fullWidth
          margin="dense"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <Typography variant="subtitle2" sx={{ mt: 1 }}>
          {translate('resources.cases.fields.urgency')}
        </Typography>
        <ToggleButtonGroup exclusive fullWidth value={urgency} onChange={(_e, v: string | null) => v && setUrgency(v)} sx={{ my: 1 }}>
          {URGENCIES.map((u) => (
            <ToggleButton key={u} value={u} sx={{ minHeight: 48 }} data-testid={`urgency-${u}`}>
              {translate(`gw.enum.CaseUrgency.${u}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        {!navigator.onLine ? <Alert severity="info">{translate('gw.field.offline_note')}</Alert> : null}
        <Button variant="contained" size="large" fullWidth disabled={!ready} onClick={() => void submit()} sx={{ mt: 2, minHeight: 52 }} data-testid="field-report-submit">
          {translate('gw.field.send_report')}
        </Button>
      </CardContent>
    </Card>
  );
};
