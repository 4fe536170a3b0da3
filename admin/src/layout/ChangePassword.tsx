import { gql } from '@apollo/client';
import KeyIcon from '@mui/icons-material/Key';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, TextField, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { apolloClient } from '../apollo';
import { toHttpError } from '../data/errors';

const CHANGE_PASSWORD = gql`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`;

/** The API's rule (account.inputs.ts IsPassword): 10 to 128 characters, not only digits, without the login. */
const MIN_LENGTH = 10;

/** Every signed-in user changes their own password here (the current one is asked again). */
export const ChangePassword = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setOpen(false);
    setCurrent('');
    setNext('');
    setRepeat('');
    setError(null);
  };
  const mismatch = repeat !== '' && repeat !== next;
  const submit = async () => {
    setError(null);
    try {
      await apolloClient.mutate({ mutation: CHANGE_PASSWORD, variables: { input: { currentPassword: current, newPassword: next } } });
      notify('gw.password.changed', { type: 'success' });
      close();
    } catch (e) {
      const http = toHttpError(e);
      const fields = (http.body as { errors?: Record<string, string> } | undefined)?.errors ?? {};
      setError(fields.currentPassword ? 'gw.password.wrong_current' : fields.newPassword ? 'gw.password.weak' : http.message);
    }
  };
  const field = (name: string, value: string, set: (v: string) => void, invalid = false) => (
    <TextField name={name} type="password" label={translate(`gw.password.${name}`)} fullWidth margin="dense" required value={value} error={invalid} onChange={(e) => set(e.target.value)} />
  );
  return (
    <>
      <Tooltip title={translate('gw.password.title')}>
        <IconButton color="inherit" onClick={() => setOpen(true)} aria-label={translate('gw.password.title')} data-testid="change-password">
          <KeyIcon />
        </IconButton>
      </Tooltip>
      <Dialog open={open} onClose={close} fullWidth maxWidth="xs">
        <DialogTitle>{translate('gw.password.title')}</DialogTitle>
        <DialogContent>
          {field('current', current, setCurrent)}
          {field('next', next, setNext, next !== '' && next.length < MIN_LENGTH)}
          {field('repeat', repeat, setRepeat, mismatch)}
          {mismatch ? <Alert severity="warning">{translate('gw.password.mismatch')}</Alert> : null}
          {error ? (
            <Alert severity="error" data-testid="password-error">
              {translate(error)}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={!current || next.length < MIN_LENGTH || next !== repeat} onClick={() => void submit()}>
            {translate('ra.action.save')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
