import { gql } from '@apollo/client';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import { Box, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, Confirm, useRecordContext, useTranslate } from 'react-admin';
import { apolloClient } from '../../apollo';
import { can } from '../../auth/authProvider';
import { useRun } from '../../common/useRun';
import { OUTLET_CODE } from './sourceCode';

const CREATE = gql`mutation CreateOutlet($input: CreateOutletInput!) { createOutlet(input: $input) { id } }`;
const UPDATE = gql`mutation UpdateOutlet($id: ID!, $version: Int!, $input: UpdateOutletInput!) { updateOutlet(id: $id, version: $version, input: $input) { id } }`;
const DELETE = gql`mutation DeleteOutlet($id: ID!) { deleteOutlet(id: $id) }`;

interface Outlet {
  id: string;
  code: string;
  name: string;
  medium: string;
  version: number;
}

/** 排放口 of a source (DA001 废气, DW001 废水): listed for whoever reads the source, kept by the archive's keepers. */
export const SourceOutlets = () => {
  const record = useRecordContext<{ id: string; outlets?: Outlet[] }>();
  const translate = useTranslate();
  const run = useRun();
  const [editing, setEditing] = useState<Outlet | 'new' | null>(null);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [removing, setRemoving] = useState<Outlet | null>(null);
  if (!record) return null;
  const outlets = record.outlets ?? [];
  const keeps = can('create', 'DischargeOutlet');

  const open = (outlet: Outlet | 'new') => {
    setEditing(outlet);
    setCode(outlet === 'new' ? '' : outlet.code);
    setName(outlet === 'new' ? '' : outlet.name);
  };
  const codeError = code !== '' && !OUTLET_CODE.test(code);
  const save = async () => {
    const input = { code, name: name.trim() };
    const ok = await run(
      () =>
        editing === 'new'
          ? apolloClient.mutate({ mutation: CREATE, variables: { input: { sourceId: record.id, ...input } } })
          : apolloClient.mutate({ mutation: UPDATE, variables: { id: (editing as Outlet).id, version: (editing as Outlet).version, input } }),
      'gw.source.outlet_saved',
    );
    if (ok) setEditing(null);
  };
  const remove = async (outlet: Outlet) => {
    setRemoving(null);
    await run(() => apolloClient.mutate({ mutation: DELETE, variables: { id: outlet.id } }), 'gw.source.outlet_deleted');
  };

  return (
    <Box data-testid="source-outlets">
      {outlets.length ? (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('gw.source.outlet_code')}</TableCell>
                <TableCell>{translate('gw.source.outlet_medium')}</TableCell>
                <TableCell>{translate('gw.source.outlet_name')}</TableCell>
                {keeps ? <TableCell /> : null}
              </TableRow>
            </TableHead>
            <TableBody>
              {outlets.map((o) => (
                <TableRow key={o.id} data-testid="outlet-row">
                  <TableCell sx={{ fontFamily: 'monospace' }}>{o.code}</TableCell>
                  <TableCell>{translate(`gw.enum.OutletMedium.${o.medium}`)}</TableCell>
                  <TableCell>{o.name}</TableCell>
                  {keeps ? (
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      <IconButton size="small" aria-label={translate('ra.action.edit')} onClick={() => open(o)} data-testid="outlet-edit">
                        <EditIcon fontSize="small" />
                      </IconButton>
                      <IconButton size="small" aria-label={translate('ra.action.delete')} onClick={() => setRemoving(o)} data-testid="outlet-delete">
                        <DeleteIcon fontSize="small" />
                      </IconButton>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      ) : (
        <Typography color="text.secondary">{translate('gw.source.outlets_empty')}</Typography>
      )}
      {keeps ? (
        <Button label="gw.source.outlet_add" onClick={() => open('new')} sx={{ mt: 1 }} data-testid="outlet-add">
          <AddIcon />
        </Button>
      ) : null}
      <Confirm
        isOpen={removing !== null}
        title="gw.source.outlet_delete"
        content="gw.source.outlet_delete_confirm"
        translateOptions={{ code: removing?.code ?? '' }}
        onConfirm={() => removing && void remove(removing)}
        onClose={() => setRemoving(null)}
      />
      <Dialog open={editing !== null} onClose={() => setEditing(null)} fullWidth maxWidth="xs">
        <DialogTitle>{translate(editing === 'new' ? 'gw.source.outlet_add' : 'gw.source.outlet_edit')}</DialogTitle>
        <DialogContent>
          <TextField
            fullWidth
            margin="dense"
            name="code"
            label={translate('gw.source.outlet_code')}
            value={code}
            onChange={(e) => setCode(e.target.value.trim().toUpperCase())}
            error={codeError}
            helperText={translate('gw.source.outlet_code_help')}
          />
          <TextField fullWidth margin="dense" name="name" label={translate('gw.source.outlet_name')} value={name} onChange={(e) => setName(e.target.value)} />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setEditing(null)} />
          <Button label="ra.action.save" variant="contained" disabled={!OUTLET_CODE.test(code) || !name.trim()} onClick={() => void save()} data-testid="outlet-save" />
        </DialogActions>
      </Dialog>
    </Box>
  );
};
