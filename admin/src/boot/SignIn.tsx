import { Box, Button, Card, CardContent, CircularProgress, CssBaseline, Menu, MenuItem, TextField, Typography } from '@mui/material';
import { type FormEvent, useEffect, useState } from 'react';
import { lapsedBefore } from '../auth/sessionLapse';
import { type Locale, messagesOf, storedLocale, storeLocale, translator } from './messages';

const LANGUAGES: { locale: Locale; name: string }[] = [
  { locale: 'zh', name: '中文' },
  { locale: 'en', name: 'English' },
];

/**
 * The first sign-in of a page load, without react-admin: the same fields, texts and errors as the
 * app's LoginPage (layout/LoginPage.tsx, still used after a sign-out), but only React and MUI.
 * Signing in goes through the app's authProvider, loaded while the user types.
 */
export const SignIn = ({ onSignedIn }: { onSignedIn: () => void }) => {
  const [locale, setLocale] = useState<Locale>(storedLocale);
  const [translate, setTranslate] = useState<((key: string) => string) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [menu, setMenu] = useState<HTMLElement | null>(null);

  useEffect(() => {
    let current = true;
    void messagesOf(locale).then((pack) => current && setTranslate(() => translator(pack)));
    return () => {
      current = false;
    };
  }, [locale]);

  if (!translate) return null;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const { authProvider } = await import('../auth/authProvider');
      await authProvider.login({ username: String(form.get('username') ?? ''), password: String(form.get('password') ?? '') });
      onSignedIn();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'gw.auth.bad_credentials');
      setBusy(false);
    }
  };

  const choose = (chosen: Locale) => () => {
    storeLocale(chosen);
    setLocale(chosen);
    setMenu(null);
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', bgcolor: 'grey.100', p: 2 }}>
      <CssBaseline />
      <Card sx={{ width: '100%', maxWidth: 340 }}>
        <CardContent>
          <Typography variant="h6" align="center" data-testid="login-title">
            {translate('gw.app.title')}
          </Typography>
          <Typography variant="caption" component="p" align="center" color="text.secondary">
            {translate('gw.app.subtitle')}
          </Typography>
          <Box component="form" onSubmit={submit} sx={{ display: 'flex', flexDirection: 'column', gap: 2, mt: 2 }}>
            <TextField name="username" label={translate('ra.auth.username')} autoComplete="username" required autoFocus fullWidth />
            <TextField name="password" type="password" label={translate('ra.auth.password')} autoComplete="current-password" required fullWidth />
            {lapsedBefore() && !error ? (
              <Typography color="warning.main" variant="body2" role="status" data-testid="session-lapsed-before">
                {translate('gw.auth.lapsed_before')}
              </Typography>
            ) : null}
            {error && (
              <Typography color="error" variant="body2" role="alert">
                {translate(error)}
              </Typography>
            )}
            <Button type="submit" variant="contained" disabled={busy} fullWidth sx={{ textTransform: 'none' }} startIcon={busy ? <CircularProgress size={18} /> : undefined}>
              {translate('ra.auth.sign_in')}
            </Button>
          </Box>
          <Box sx={{ display: 'flex', justifyContent: 'center', pt: 1 }}>
            <Button onClick={(event) => setMenu(event.currentTarget)} sx={{ textTransform: 'none' }}>
              {LANGUAGES.find((l) => l.locale === locale)?.name}
            </Button>
            <Menu anchorEl={menu} open={menu !== null} onClose={() => setMenu(null)}>
              {LANGUAGES.map((l) => (
                <MenuItem key={l.locale} selected={l.locale === locale} onClick={choose(l.locale)}>
                  {l.name}
                </MenuItem>
              ))}
            </Menu>
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
};
