import { lazy } from 'react';
import { Route } from 'react-router';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { apolloClient } from './apollo';
import { authProvider } from './auth/authProvider';
import { createDataProvider } from './data/dataProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
import { darkTheme, lightTheme } from './layout/theme';
import { LoginPage } from './layout/LoginPage';
import { MapPage } from './map/MapPage';
import { accounts } from './resources/accounts';
import { apiKeys } from './resources/apiKeys';
import { caseCategories } from './resources/caseCategories';
import { cases } from './resources/cases';
import { departments } from './resources/departments';
import { gridWorkers } from './resources/gridWorkers';
import { grids } from './resources/grids';
import { officers } from './resources/officers';
import { sources } from './resources/sources';
import { spotChecks } from './resources/spotChecks';
import { enforcementPlans } from './resources/enforcementPlans';
import { tasks } from './resources/tasks';
import { patrolPlans } from './resources/patrolPlans';
import { patrolCheckIns } from './resources/patrolCheckIns';
import { sensitivePeriods } from './resources/sensitivePeriods';
import { audits } from './resources/audits';
import { auditRecommendations } from './resources/auditRecommendations';
import { assessmentIndicators } from './resources/assessmentIndicators';
import { InspectionOverduePage } from './resources/sources/InspectionOverdue';
import { AssessmentPage } from './assessment/AssessmentPage';
import { CoveragePage } from './patrol/CoveragePage';
import { CalendarPage } from './calendar/CalendarPage';
import { DutyMatrixPage } from './duty/DutyMatrixPage';
import { DisclosurePage } from './disclosure/DisclosurePage';
import { TrainingPage } from './training/TrainingPage';
import { WebhooksPage } from './webhooks/WebhooksPage';
import { MonthlyReportPage } from './report/MonthlyReportPage';
import { AlertInboxPage } from './alerts/AlertInboxPage';
import { LateCaseNoticePage } from './alerts/LateCaseNoticePage';
import { useFieldMode } from './field/roles';

// Charts are only on the dashboard: load them after the first paint of the other screens.
const Dashboard = lazy(() => import('./dashboard/Dashboard'));
// The field screens (phones): a chunk of their own, cached by the service worker for offline use.
const FieldHome = lazy(() => import('./field/FieldHome').then((m) => ({ default: m.FieldHome })));
const ReportPage = lazy(() => import('./field/ReportPage').then((m) => ({ default: m.ReportPage })));
const CheckInPage = lazy(() => import('./field/CheckInPage').then((m) => ({ default: m.CheckInPage })));
const OutboxPage = lazy(() => import('./field/OutboxPage').then((m) => ({ default: m.OutboxPage })));
const GridImportPage = lazy(() => import('./resources/grids/GridImport').then((m) => ({ default: m.GridImportPage })));
const SourceImportPage = lazy(() => import('./resources/sources/SourceImport').then((m) => ({ default: m.SourceImportPage })));

const dataProvider = createDataProvider(apolloClient);

/** A field worker's phone opens on their day's work; everyone else on the dashboard. */
const Home = () => (useFieldMode() ? <FieldHome /> : <Dashboard />);

export const App = () => (
  <Admin
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={Layout}
    theme={lightTheme}
    darkTheme={darkTheme}
    loginPage={LoginPage}
    dashboard={Home}
    title="gw.app.title"
    requireAuth
    disableTelemetry
  >
    <Resource {...cases} />
    <Resource {...grids} />
    <Resource {...sources} />
    <Resource {...departments} />
    <Resource {...officers} />
    <Resource {...gridWorkers} />
    <Resource {...spotChecks} />
    <Resource {...enforcementPlans} />
    <Resource {...tasks} />
    <Resource {...patrolPlans} />
    <Resource {...patrolCheckIns} />
    <Resource {...sensitivePeriods} />
    <Resource {...audits} />
    <Resource {...auditRecommendations} />
    <Resource {...assessmentIndicators} />
    <Resource {...caseCategories} />
    <Resource {...accounts} />
    <Resource {...apiKeys} />
    <CustomRoutes>
      <Route path="/map" element={<MapPage />} />
      <Route path="/inspection-overdue" element={<InspectionOverduePage />} />
      <Route path="/assessment" element={<AssessmentPage />} />
      <Route path="/coverage" element={<CoveragePage />} />
      <Route path="/source-import" element={<SourceImportPage />} />
      <Route path="/grid-import" element={<GridImportPage />} />
      <Route path="/calendar" element={<CalendarPage />} />
      <Route path="/duty-matrix" element={<DutyMatrixPage />} />
      <Route path="/disclosure" element={<DisclosurePage />} />
      <Route path="/training" element={<TrainingPage />} />
      <Route path="/webhooks" element={<WebhooksPage />} />
      <Route path="/monthly-report" element={<MonthlyReportPage />} />
      <Route path="/alerts" element={<AlertInboxPage />} />
      <Route path="/late-case-notice" element={<LateCaseNoticePage />} />
      <Route path="/report" element={<ReportPage />} />
      <Route path="/check-in/:gridId" element={<CheckInPage />} />
      <Route path="/outbox" element={<OutboxPage />} />
    </CustomRoutes>
  </Admin>
);
