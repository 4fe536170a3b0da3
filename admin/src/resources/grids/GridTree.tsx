import ChevronRight from '@mui/icons-material/ChevronRight';
import ExpandMore from '@mui/icons-material/ExpandMore';
import { Box, Button, Card, CardContent, Collapse, IconButton, List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Link, useCreatePath, useDataProvider, useGetIdentity, useTranslate, type RaRecord } from 'react-admin';
import type { Identity } from '../../auth/authProvider';

interface TreeGrid extends RaRecord {
  name: string;
  code: string;
  level: string;
}

const PAGE = 100;

/** One level of children, fetched when the node opens (keyset pages of 100, "load more"). */
function Children({ parentId, depth }: { parentId: string; depth: number }) {
  const dataProvider = useDataProvider();
  const translate = useTranslate();
  const [rows, setRows] = useState<TreeGrid[] | null>(null);
  const [page, setPage] = useState(1);
  const [more, setMore] = useState(false);

  const load = useCallback(async (next: number) => {
    const result = await dataProvider.getList<TreeGrid>('grids', {
      filter: { parentId },
      pagination: { page: next, perPage: PAGE },
      sort: { field: 'code', order: 'ASC' },
    });
    setRows((prev) => [...(next === 1 ? [] : (prev ?? [])), ...result.data]);
    setMore(result.pageInfo?.hasNextPage ?? false);
    setPage(next);
  }, [dataProvider, parentId]);
  useEffect(() => {
    void load(1);
  }, [load]);
  if (rows === null) {
    return <Typography sx={{ pl: depth * 2 + 2 }} variant="body2">…</Typography>;
  }
  if (!rows.length) return <Typography sx={{ pl: depth * 2 + 2 }} variant="body2" color="text.secondary">{translate('gw.tree.empty')}</Typography>;
  return (
    <List dense disablePadding>
      {rows.map((g) => (
        <Node key={g.id} grid={g} depth={depth} />
      ))}
      {more ? (
        <Button size="small" sx={{ ml: depth * 2 + 2 }} onClick={() => void load(page + 1)}>
          {translate('gw.tree.more')}
        </Button>
      ) : null}
    </List>
  );
}

function Node({ grid, depth, open: initiallyOpen = false }: { grid: TreeGrid; depth: number; open?: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  const createPath = useCreatePath();
  const leaf = grid.level === 'VILLAGE';
  return (
    <>
      <ListItem disablePadding sx={{ pl: depth * 2 }} data-testid="tree-node" data-level={grid.level}>
        <IconButton size="small" disabled={leaf} onClick={() => setOpen(!open)} aria-label={grid.name}>
          {leaf ? <Box sx={{ width: 20 }} /> : open ? <ExpandMore fontSize="small" /> : <ChevronRight fontSize="small" />}
        </IconButton>
        <ListItemButton component={Link} to={createPath({ resource: 'grids', id: grid.id, type: 'show' })} sx={{ py: 0 }}>
          <ListItemText primary={grid.name} secondary={grid.code} slotProps={{ primary: { 'data-testid': 'tree-name' } as object }} />
        </ListItemButton>
      </ListItem>
      <Collapse in={open} unmountOnExit>
        <Children parentId={String(grid.id)} depth={depth + 1} />
      </Collapse>
    </>
  );
}

/** The grid tree from the signed-in account's unit down, opened one level at a time. */
export const GridTree = () => {
  const { data } = useGetIdentity();
  const translate = useTranslate();
  const identity = data as Identity | undefined;
  if (!identity) return null;
  const root: TreeGrid = { id: identity.unitId, name: identity.unitName, code: identity.unitCode, level: identity.unitLevel };
  return (
    <Card sx={{ minWidth: { sm: 280 }, maxWidth: { sm: 360 }, ml: { sm: 2 }, mt: { xs: 2, sm: 0 }, alignSelf: { sm: 'flex-start' }, maxHeight: '80vh', overflow: 'auto' }} data-testid="grid-tree">
      <CardContent>
        <Typography variant="h6">{translate('gw.tree.title')}</Typography>
        <Typography variant="caption" color="text.secondary">
          {translate('gw.tree.hint')}
        </Typography>
        <List dense>
          <Node grid={root} depth={0} open />
        </List>
      </CardContent>
    </Card>
  );
};
