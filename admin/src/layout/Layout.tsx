import AlarmIcon from '@mui/icons-material/Alarm';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import EventNoteIcon from '@mui/icons-material/EventNote';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import DirectionsWalkIcon from '@mui/icons-material/DirectionsWalk';
import MapIcon from '@mui/icons-material/Map';
import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, Menu, TitlePortal, useGetIdentity, useSidebarState, useTranslate } from 'react-admin';
import { can } from '../auth/authProvider';
import { CalendarBanner } from '../calendar/CalendarBanner';
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

const overdue = (resource: string) => `/${resource}?filter=${encodeURIComponent(JSON.stringify({ overdue: true }))}`;

/** A group's heading, shown when the user may read something of it (and the sidebar is open). */
const Group = ({ label, show }: { label: string; show: boolean }) => {
  const translate = useTranslate();
  const [open] = useSidebarState();
  if (!show || !open) return null;
  return (
    <Typography variant="caption" color="text.secondary" sx={{ display: 'block', px: 2, pt: 1.5, pb: 0.5 }}>
      {translate(label)}
    </Typography>
  );
};

/**
 * Resources (shown by canAccess) and screens that are not a resource (shown when the rules
 * let the user read what they list), grouped by the work they belong to.
 */
const GwMenu = () => {
  useGetIdentity(); // re-render once `me` (and its rules) has loaded
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.ResourceItem name="cases" />
      <Menu.Item to="/map" primaryText="gw.menu.map" leftIcon={<MapIcon />} />
      <Group label="gw.menu.group_grid" show={can('read', 'Grid')} />
      <Menu.ResourceItem name="grids" />
      <Menu.ResourceItem name="departments" />
      <Menu.ResourceItem name="officers" />
      <Menu.ResourceItem name="gridWorkers" />
      <Group label="gw.menu.group_sources" show={can('read', 'PollutionSource')} />
      <Menu.ResourceItem name="sources" />
      {can('read', 'Inspection') ? <Menu.Item to="/inspection-overdue" primaryText="gw.menu.inspection_overdue" leftIcon={<EventBusyIcon />} /> : null}
      {can('create', 'PollutionSource') || can('update', 'PollutionSource') ? <Menu.Item to="/source-import" primaryText="gw.menu.source_import" leftIcon={<UploadFileIcon />} /> : null}
      <Menu.ResourceItem name="sensitivePeriods" />
      <Group label="gw.menu.group_plans" show={can('read', 'EnforcementPlan') || can('read', 'PatrolPlan')} />
      <Menu.ResourceItem name="enforcementPlans" />
      <Menu.ResourceItem name="tasks" />
      {can('read', 'WorkTask') ? <Menu.Item to={overdue('tasks')} primaryText="gw.menu.tasks_overdue" leftIcon={<AlarmIcon />} /> : null}
      <Menu.ResourceItem name="patrolPlans" />
      <Menu.ResourceItem name="patrolCheckIns" />
      {can('read', 'PatrolPlan') ? <Menu.Item to="/coverage" primaryText="gw.menu.coverage" leftIcon={<DirectionsWalkIcon />} /> : null}
      <Group label="gw.menu.group_supervision" show={can('read', 'SpotCheckCampaign') || can('read', 'Audit') || can('read', 'AssessmentIndicator')} />
      <Menu.ResourceItem name="spotChecks" />
      <Menu.ResourceItem name="audits" />
      {can('read', 'AuditRecommendation') ? <Menu.Item to={overdue('auditRecommendations')} primaryText="gw.menu.recommendations_overdue" leftIcon={<AlarmIcon />} /> : null}
      {can('read', 'AssessmentRow') ? <Menu.Item to="/assessment" primaryText="gw.menu.assessment" leftIcon={<LeaderboardIcon />} /> : null}
      <Menu.ResourceItem name="assessmentIndicators" />
      <Group label="gw.menu.group_system" show={can('create', 'Account') || can('create', 'ApiKey') || can('update', 'CalendarYear')} />
      <Menu.ResourceItem name="accounts" />
      <Menu.ResourceItem name="apiKeys" />
      {can('update', 'CalendarYear') ? <Menu.Item to="/calendar" primaryText="gw.menu.calendar" leftIcon={<EventNoteIcon />} /> : null}
    </Menu>
  );
};

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={GwAppBar} menu={GwMenu}>
    <CalendarBanner />
    {children}
  </RaLayout>
);
