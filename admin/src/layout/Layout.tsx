import AlarmIcon from '@mui/icons-material/Alarm';
import NotificationsIcon from '@mui/icons-material/Notifications';
import CampaignIcon from '@mui/icons-material/Campaign';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import EventNoteIcon from '@mui/icons-material/EventNote';
import GavelIcon from '@mui/icons-material/Gavel';
import PublicIcon from '@mui/icons-material/Public';
import WebhookIcon from '@mui/icons-material/Webhook';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import AssessmentIcon from '@mui/icons-material/Assessment';
import SchoolIcon from '@mui/icons-material/School';
import DirectionsWalkIcon from '@mui/icons-material/DirectionsWalk';
import MapIcon from '@mui/icons-material/Map';
import HomeIcon from '@mui/icons-material/Home';
import { Box, Typography } from '@mui/material';
import { useEffect, type ReactNode } from 'react';
import OutboxIcon from '@mui/icons-material/Outbox';
import AddAPhotoIcon from '@mui/icons-material/AddAPhoto';
import { AppBar, Layout as RaLayout, LoadingIndicator, LocalesMenuButton, Logout, Menu, UserMenu, useGetIdentity, useLocaleState, useSidebarState, useTranslate } from 'react-admin';
import { FieldShell } from '../field/FieldShell';
import { useFieldMode, usePhone } from '../field/roles';
import { can } from '../auth/authProvider';
import { CalendarBanner } from '../calendar/CalendarBanner';
import { SessionLapsedDialog } from '../auth/SessionLapsedDialog';
import { ChangePassword } from './ChangePassword';
import { UnreadBadge } from '../alerts/UnreadBadge';
import { Identity, IdentityLine } from './Identity';
import { BarTitle } from './BarTitle';

const GwUserMenu = () => (
  <UserMenu>
    {usePhone() ? <IdentityLine /> : null}
    <Logout />
  </UserMenu>
);

/**
 * No theme switch on a phone: the language and the loading indicator only. The language button
 * shows its icon only (the language's name stays its accessible name), so the title keeps room.
 */
const PhoneToolbar = () => (
  <>
    <Box component="span" sx={{ flexShrink: 0, '& .MuiButton-root': { fontSize: 0, minWidth: 0, px: 0.5 }, '& .MuiButton-startIcon': { mr: 0 } }}>
      <LocalesMenuButton />
    </Box>
    <LoadingIndicator />
  </>
);

const GwAppBar = () => {
  const translate = useTranslate();
  // On a phone the bar keeps the page's title, the unit, the language and the user menu on one line.
  const phone = usePhone();
  return (
    <AppBar userMenu={<GwUserMenu />} toolbar={phone ? <PhoneToolbar /> : undefined}>
      {phone ? null : (
        <Typography variant="h6" sx={{ mr: 2, whiteSpace: 'nowrap' }} data-testid="app-title">
          {translate('gw.app.title')}
        </Typography>
      )}
      <BarTitle />
      <UnreadBadge />
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
/** A field worker's phone: the few things done outside, in the order of the day. */
const FieldMenu = () => (
  <Menu>
    <Menu.Item to="/" primaryText="gw.field.home" leftIcon={<HomeIcon />} />
    <Menu.Item to="/report" primaryText="gw.field.report_short" leftIcon={<AddAPhotoIcon />} />
    <Menu.ResourceItem name="cases" />
    <Menu.ResourceItem name="patrolCheckIns" />
    <Menu.Item to="/map" primaryText="gw.menu.map" leftIcon={<MapIcon />} />
    <Menu.Item to="/outbox" primaryText="gw.field.outbox" leftIcon={<OutboxIcon />} />
  </Menu>
);

const GwMenu = () => {
  useGetIdentity(); // re-render once `me` (and its rules) has loaded
  if (useFieldMode()) return <FieldMenu />;
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.ResourceItem name="cases" />
      {can('read', 'CaseAlert') ? <Menu.Item to="/alerts" primaryText="gw.menu.alerts" leftIcon={<NotificationsIcon />} /> : null}
      <Menu.Item to="/map" primaryText="gw.menu.map" leftIcon={<MapIcon />} />
      <Group label="gw.menu.group_grid" show={can('read', 'Grid')} />
      <Menu.ResourceItem name="grids" />
      {can('create', 'Grid') || can('update', 'Grid') ? <Menu.Item to="/grid-import" primaryText="gw.menu.grid_import" leftIcon={<UploadFileIcon />} /> : null}
      <Menu.ResourceItem name="departments" />
      {can('read', 'DutyAssignment') ? <Menu.Item to="/duty-matrix" primaryText="gw.menu.duty_matrix" leftIcon={<GavelIcon />} /> : null}
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
      {can('read', 'CaseAlert') ? <Menu.Item to="/late-case-notice" primaryText="gw.menu.late_case_notice" leftIcon={<CampaignIcon />} /> : null}
      {can('read', 'MonthlyReport') ? <Menu.Item to="/monthly-report" primaryText="gw.menu.monthly_report" leftIcon={<AssessmentIcon />} /> : null}
      {can('read', 'TrainingSession') ? <Menu.Item to="/training" primaryText="gw.menu.training" leftIcon={<SchoolIcon />} /> : null}
      <Group label="gw.menu.group_system" show={can('create', 'Account') || can('create', 'ApiKey') || can('update', 'CalendarYear') || can('update', 'DisclosureSetting') || can('create', 'WebhookEndpoint')} />
      <Menu.ResourceItem name="accounts" />
      <Menu.ResourceItem name="apiKeys" />
      {can('create', 'WebhookEndpoint') ? <Menu.Item to="/webhooks" primaryText="gw.menu.webhooks" leftIcon={<WebhookIcon />} /> : null}
      {can('update', 'CalendarYear') ? <Menu.Item to="/calendar" primaryText="gw.menu.calendar" leftIcon={<EventNoteIcon />} /> : null}
      {can('update', 'DisclosureSetting') ? <Menu.Item to="/disclosure" primaryText="gw.menu.disclosure" leftIcon={<PublicIcon />} /> : null}
    </Menu>
  );
};

/** The page says which language it is in: screen readers read it so, and the browser picks Chinese or Latin fonts by it. */
const DocumentLanguage = () => {
  const [locale] = useLocaleState();
  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
  }, [locale]);
  return null;
};

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={GwAppBar} menu={GwMenu}>
    <DocumentLanguage />
    <CalendarBanner />
    {children}
    <FieldShell />
    <SessionLapsedDialog />
  </RaLayout>
);
