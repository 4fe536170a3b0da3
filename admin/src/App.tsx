import { lazy } from 'react';
import { Route } from 'react-router';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { apolloClient } from './apollo';
import { authProvider } from './auth/authProvider';
import { createDataProvider } from './data/dataProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
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

// Charts are only on the dashboard: load them after the first paint of the other screens.
const Dashboard = lazy(() => import('./dashboard/Dashboard'));
const SourceImportPage = lazy(() => import('./resources/sources/SourceImport').then((m) => ({ default: m.SourceImportPage })));

const dataProvider = createDataProvider(apolloClient);

export const App = () => (
  <Admin
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={Layout}
    loginPage={LoginPage}
    dashboard={Dashboard}
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
      <Route path="/calendar" element={<CalendarPage />} />
    </CustomRoutes>
  </Admin>
);
