import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { type FormEvent, useEffect, useState } from 'react';
import { useLogout, useNotify, useRefresh, useTranslate } from 'react-admin';
import { authProvider, currentMe } from './authProvider';
import { isLapsed, onLapse } from './sessionLapse';

/**
 * Over the page whose session lapsed: why, and the password again. The page under it is not
 * left, so a half-written report keeps its text and the user goes on where they were; what
 * failed is sent again by pressing its button once more.
 */
export const SessionLapsedDialog = () => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const notify = useNotify();
  const logout = useLogout();
  const [open, setOpen] = useState(isLapsed);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => onLapse(setOpen), []);

  const before = currentMe()?.account;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await authProvider.login({ username: String(form.get('username') ?? ''), password: String(form.get('password') ?? '') });
      if (currentMe()?.account.id !== before?.id) {
        // Someone else signed in: nothing of the previous account's page is theirs.
        window.location.assign('#/');
        window.location.reload();
        return;
      }
      notify('gw.auth.signed_in_again', { type: 'success' });
      refresh();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'gw.auth.bad_credentials');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} aria-labelledby="session-lapsed-title" data-testid="session-lapsed" maxWidth="xs" fullWidth>
      <form onSubmit={submit}>
        <DialogTitle id="session-lapsed-title">{translate('gw.auth.lapsed_title')}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <DialogContentText>{translate('gw.auth.lapsed_explained')}</DialogContentText>
          <TextField name="username" label={translate('ra.auth.username')} autoComplete="username" defaultValue={before?.login ?? ''} required fullWidth />
          <TextField name="password" type="password" label={translate('ra.auth.password')} autoComplete="current-password" required autoFocus fullWidth />
          {error ? (
            <DialogContentText color="error" role="alert">
              {translate(error)}
            </DialogContentText>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => void logout()} sx={{ textTransform: 'none' }}>
            {translate('ra.auth.logout')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} sx={{ textTransform: 'none' }}>
            {translate('ra.auth.sign_in')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
