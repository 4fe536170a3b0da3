import { Box, Card, CardContent, CardMedia, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatShanghai } from '../../common/fields';

interface Evidence {
  id: string;
  stage: string;
  url: string;
  takenAt: string | null;
  lat: number | null;
  lng: number | null;
  fileName: string;
  mimeType: string;
}

const STAGE_ORDER = ['REPORT', 'FEEDBACK', 'VERIFY'];

/** Before and after: every photo of the case by stage, with when and where it was taken (EXIF). */
export const CasePhotos = () => {
  const record = useRecordContext<{ evidence?: Evidence[] }>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const photos = [...(record?.evidence ?? [])].filter((e) => e.mimeType.startsWith('image/')).sort((a, b) => STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage));
  return (
    <Box data-testid="case-photos">
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        {translate('gw.case.photos')}
      </Typography>
      {photos.length ? (
        <Box sx={{ display: 'grid', gap: 1, gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))' }}>
          {photos.map((p) => (
            <Card key={p.id} variant="outlined" data-testid={`case-photo-${p.stage}`}>
              <a href={p.url} target="_blank" rel="noreferrer">
                <CardMedia component="img" image={p.url} alt={p.fileName} sx={{ height: 120, objectFit: 'cover' }} />
              </a>
              <CardContent sx={{ p: 1, '&:last-child': { pb: 1 } }}>
                <Typography variant="body2">{translate(`gw.enum.EvidenceStage.${p.stage}`)}</Typography>
                <Typography variant="caption" color="text.secondary" component="div">
                  {p.takenAt ? translate('gw.case.photo_taken', { at: formatShanghai(p.takenAt, locale) }) : translate('gw.case.photo_no_exif')}
                </Typography>
                {p.lng != null && p.lat != null ? (
                  <Typography variant="caption" color="text.secondary" component="div">
                    {translate('gw.case.photo_place', { lng: p.lng.toFixed(5), lat: p.lat.toFixed(5) })}
                  </Typography>
                ) : null}
              </CardContent>
            </Card>
          ))}
        </Box>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('gw.case.photos_none')}
        </Typography>
      )}
    </Box>
  );
};
