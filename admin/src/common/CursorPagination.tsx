import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';
import { Box, Button, MenuItem, Select, Typography } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import { usePhone } from '../field/roles';

const PER_PAGE = [10, 25, 50, 100];

/**
 * Previous / next only: the API pages by keyset cursors, so there is no "jump to page 40"
 * (see data/cursors.ts). The total comes from the connection's opt-in totalCount.
 */
export const CursorPagination = () => {
  const { page, perPage, total, hasNextPage, setPage, setPerPage, isPending } = useListContext();
  const translate = useTranslate();
  // A phone keeps the page and the two buttons (clear of the floating create button).
  const phone = usePhone();
  if (isPending) return null;
  const more = hasNextPage ?? (total != null ? page * perPage < total : false);
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: phone ? 'flex-start' : 'flex-end', gap: phone ? 1 : 2, p: 1, pb: phone ? 10 : 1 }} data-testid="cursor-pagination">
      {phone ? null : (
        <>
          <Typography variant="body2">{translate('ra.navigation.page_rows_per_page')}</Typography>
          <Select size="small" variant="standard" value={perPage} onChange={(e) => setPerPage(Number(e.target.value))}>
            {PER_PAGE.map((n) => (
              <MenuItem key={n} value={n}>
                {n}
              </MenuItem>
            ))}
          </Select>
        </>
      )}
      <Typography variant="body2">
        {translate('gw.pagination.page', { page })}
        {total != null ? ` · ${translate('gw.pagination.total', { total })}` : ''}
      </Typography>
      <Button size="small" startIcon={<ChevronLeft />} disabled={page <= 1} onClick={() => setPage(page - 1)}>
        {translate('gw.pagination.previous')}
      </Button>
      <Button size="small" endIcon={<ChevronRight />} disabled={!more} onClick={() => setPage(page + 1)}>
        {translate('gw.pagination.next')}
      </Button>
    </Box>
  );
};
