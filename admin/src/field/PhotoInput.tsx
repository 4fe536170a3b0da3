import PhotoCameraIcon from '@mui/icons-material/PhotoCamera';
import { Box, Button, IconButton, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { useEffect, useMemo, useState } from 'react';
import { useTranslate } from 'react-admin';
import { shrinkPhoto } from './photo';

export interface TakenPhoto {
  blob: Blob;
  name: string;
}

const Thumb = ({ photo, onRemove }: { photo: TakenPhoto; onRemove: () => void }) => {
  const url = useMemo(() => URL.createObjectURL(photo.blob), [photo.blob]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <Box sx={{ position: 'relative', width: 88, height: 88 }}>
      <img src={url} alt={photo.name} style={{ width: 88, height: 88, objectFit: 'cover', borderRadius: 8 }} />
      <IconButton size="small" onClick={onRemove} sx={{ position: 'absolute', top: 0, right: 0, bgcolor: 'rgba(255,255,255,0.8)' }} aria-label="remove">
        <CloseIcon fontSize="small" />
      </IconButton>
    </Box>
  );
};

/**
 * One tap opens the camera (`capture`); the photo is resized on the phone before it is kept.
 * On a desktop the same button opens the file picker.
 */
interface Props {
  label: string;
  photos: TakenPhoto[];
  onChange: (photos: TakenPhoto[]) => void;
  /** While a photo is being resized the form must not be sent without it. */
  onBusy?: (busy: boolean) => void;
  max?: number;
  name?: string;
}

export const PhotoInput = ({ label, photos, onChange, onBusy, max = 3, name = 'photo' }: Props) => {
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  const working = (on: boolean) => {
    setBusy(on);
    onBusy?.(on);
  };
  const add = async (files: FileList | null) => {
    if (!files?.length) return;
    working(true);
    const taken = await Promise.all([...files].slice(0, max - photos.length).map(async (f) => ({ blob: await shrinkPhoto(f), name: f.name.replace(/\.\w+$/, '') + '.jpg' })));
    working(false);
    onChange([...photos, ...taken]);
  };
  return (
    <Box sx={{ my: 1 }}>
      <Typography variant="subtitle2">{label}</Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center', mt: 0.5 }}>
        {photos.map((p, i) => (
          <Thumb key={i} photo={p} onRemove={() => onChange(photos.filter((_, j) => j !== i))} />
        ))}
        {photos.length < max ? (
          <Button component="label" variant="outlined" size="large" startIcon={<PhotoCameraIcon />} disabled={busy} sx={{ minHeight: 56 }} data-testid={`${name}-button`}>
            {translate(busy ? 'gw.field.photo_busy' : 'gw.field.photo_take')}
            <input hidden type="file" name={name} accept="image/*" capture="environment" onChange={(e) => void add(e.target.files)} />
          </Button>
        ) : null}
      </Box>
    </Box>
  );
};
