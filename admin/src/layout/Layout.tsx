import MapIcon from '@mui/icons-material/Map';
import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, Menu, TitlePortal, useTranslate } from 'react-admin';
import { ChangePassword } from './ChangePassword';
import { Identity } from './Identity';

const GwAppBar = () => {
  const translate = useTranslate();
  return (
    <AppBar>
      <Typography variant="h6" sx={{ mr: 2, whiteSpace: 'nowrap' }} data-testid="app-title">
        {translate('gw.app.title')}
      </Typography>
      <TitlePortal />
      <Box sx={{ flex: 1 }} />
      <Identity />
      <ChangePassword />
    </AppBar>
  );
};

const GwMenu = () => (
  <Menu>
    <Menu.DashboardItem />
    <Menu.ResourceItems />
    <Menu.Item to="/map" primaryText="gw.menu.map" leftIcon={<MapIcon />} />
  </Menu>
);

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={GwAppBar} menu={GwMenu}>
    {children}
  </RaLayout>
);
