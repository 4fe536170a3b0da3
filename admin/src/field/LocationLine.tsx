import MyLocationIcon from '@mui/icons-material/MyLocation';
import { Box, Button, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Locating } from './location';

/** Where the phone is, as the report and the check-in will send it. */
export const LocationLine = ({ locating, again }: { locating: Locating; again: () => void }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, my: 1 }} data-testid="field-location">
      <MyLocationIcon color={locating.state === 'found' ? 'success' : 'disabled'} />
      <Typography variant="body2" sx={{ flex: 1 }}>
        {locating.state === 'found'
          ? translate('gw.field.position', { lng: locating.position.lng.toFixed(5), lat: locating.position.lat.toFixed(5), accuracy: locating.position.accuracy })
          : translate(locating.state === 'locating' ? 'gw.field.locating' : 'gw.field.no_position')}
      </Typography>
      {locating.state === 'none' ? (
        <Button size="small" onClick={again}>
          {translate('gw.field.locate_again')}
        </Button>
      ) : null}
    </Box>
  );
};
