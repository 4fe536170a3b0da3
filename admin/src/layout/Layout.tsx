import EventBusyIcon from '@mui/icons-material/EventBusy';
import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import DirectionsWalkIcon from '@mui/icons-material/DirectionsWalk';
import MapIcon from '@mui/icons-material/Map';
import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, Menu, TitlePortal, useGetIdentity, useTranslate } from 'react-admin';
import { can } from '../auth/authProvider';
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

/** Screens that are not a resource, each shown when the rules let the user read what it lists. */
const GwMenu = () => {
  useGetIdentity(); // re-render once `me` (and its rules) has loaded
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.ResourceItems />
      {can('read', 'Inspection') ? <Menu.Item to="/inspection-overdue" primaryText="gw.menu.inspection_overdue" leftIcon={<EventBusyIcon />} /> : null}
      {can('read', 'PatrolPlan') ? <Menu.Item to="/coverage" primaryText="gw.menu.coverage" leftIcon={<DirectionsWalkIcon />} /> : null}
      {can('read', 'AssessmentRow') ? <Menu.Item to="/assessment" primaryText="gw.menu.assessment" leftIcon={<LeaderboardIcon />} /> : null}
      <Menu.Item to="/map" primaryText="gw.menu.map" leftIcon={<MapIcon />} />
    </Menu>
  );
};

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={GwAppBar} menu={GwMenu}>
    {children}
  </RaLayout>
);
