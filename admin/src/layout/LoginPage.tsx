import { Box, Typography } from '@mui/material';
import { LocalesMenuButton, Login, LoginForm, useTranslate } from 'react-admin';

/** The sign-in card: the product's name, the form, and the language switch. */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login>
      <Typography variant="h6" align="center" data-testid="login-title">
        {translate('gw.app.title')}
      </Typography>
      <Typography variant="caption" component="p" align="center" color="text.secondary">
        {translate('gw.app.subtitle')}
      </Typography>
      <LoginForm />
      <Box sx={{ display: 'flex', justifyContent: 'center', pb: 1 }}>
        <LocalesMenuButton />
      </Box>
    </Login>
  );
};
