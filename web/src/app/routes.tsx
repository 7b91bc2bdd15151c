// The staff back office lives under "/"; "/portal" is reserved for the citizen portal.
import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { RequirePermission } from './access';
import { HomePage } from './HomePage';
import { LoginPage } from './LoginPage';
import { NotFoundPage } from './NotFoundPage';
import { RequireAuth } from './RequireAuth';
import { Shell } from './Shell';

const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const PersonListPage = named(() => import('../features/registry/PersonListPage'), 'PersonListPage');
const PersonPage = named(() => import('../features/registry/PersonPage'), 'PersonPage');
const PersonFormPage = named(() => import('../features/registry/PersonFormPage'), 'PersonFormPage');
const EventFormPage = named(() => import('../features/registry/EventFormPage'), 'EventFormPage');
const ImportPage = named(() => import('../features/imports/ImportPage'), 'ImportPage');
const UsersPage = named(() => import('../features/users/UsersPage'), 'UsersPage');
const AuditPage = named(() => import('../features/audit/AuditPage'), 'AuditPage');
const ProgrammesPage = named(() => import('../features/benefits/ProgrammesPage'), 'ProgrammesPage');
const CyclesPage = named(() => import('../features/benefits/CyclesPage'), 'CyclesPage');
const CyclePage = named(() => import('../features/benefits/CyclePage'), 'CyclePage');
const ConsistencyPage = named(() => import('../features/benefits/ConsistencyPage'), 'ConsistencyPage');
const ForecastPage = named(() => import('../features/benefits/ForecastPage'), 'ForecastPage');
const PublicNoticePage = named(() => import('../features/benefits/PublicNoticePage'), 'PublicNoticePage');
const DashboardPage = named(() => import('../features/stats/DashboardPage'), 'DashboardPage');
const StatsPage = named(() => import('../features/stats/StatsPage'), 'StatsPage');
const TargetsPage = named(() => import('../features/stats/TargetsPage'), 'TargetsPage');
const ServiceRecordsPage = named(() => import('../features/stats/ServiceRecordsPage'), 'ServiceRecordsPage');

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/notice/:id', element: <Suspense fallback={null}><PublicNoticePage /></Suspense> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Shell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'persons', element: <RequirePermission permission="persons.read"><PersonListPage /></RequirePermission> },
      { path: 'persons/new', element: <RequirePermission permission="persons.write"><PersonFormPage /></RequirePermission> },
      { path: 'persons/:id', element: <RequirePermission permission="persons.read"><PersonPage /></RequirePermission> },
      { path: 'persons/:id/edit', element: <RequirePermission permission="persons.write"><PersonFormPage /></RequirePermission> },
      { path: 'events/new', element: <RequirePermission permission="persons.write"><EventFormPage /></RequirePermission> },
      { path: 'imports', element: <RequirePermission permission="imports.run"><ImportPage /></RequirePermission> },
      { path: 'users', element: <RequirePermission permission="users.manage"><UsersPage /></RequirePermission> },
      { path: 'benefits/programmes', element: <RequirePermission permission="benefits.read"><ProgrammesPage /></RequirePermission> },
      { path: 'benefits/cycles', element: <RequirePermission permission="benefits.read"><CyclesPage /></RequirePermission> },
      { path: 'benefits/cycles/:id', element: <RequirePermission permission="benefits.read"><CyclePage /></RequirePermission> },
      { path: 'benefits/consistency', element: <RequirePermission permission="benefits.read"><ConsistencyPage /></RequirePermission> },
      { path: 'benefits/forecast', element: <RequirePermission permission="benefits.read"><ForecastPage /></RequirePermission> },
      { path: 'audit', element: <RequirePermission permission="audit.read"><AuditPage /></RequirePermission> },
      { path: 'dashboard', element: <RequirePermission permission="stats.read"><DashboardPage /></RequirePermission> },
      { path: 'stats', element: <RequirePermission permission="stats.read"><StatsPage /></RequirePermission> },
      { path: 'targets', element: <RequirePermission permission="stats.read"><TargetsPage /></RequirePermission> },
      { path: 'service-records', element: <RequirePermission permission="stats.read"><ServiceRecordsPage /></RequirePermission> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
