// The page map. Administration pages load on demand: most people never open them.
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { PageLoading } from './components/PageLoading.tsx';
import { WorkbenchLayout } from './layout/WorkbenchLayout.tsx';
import { HomePage } from './pages/home/HomePage.tsx';
import { ModuleEmptyPage } from './pages/modules/ModuleEmptyPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { SettingsPage } from './pages/settings/SettingsPage.tsx';
import { SetupPage } from './pages/setup/SetupPage.tsx';
import { SignInPage } from './pages/signIn/SignInPage.tsx';
import { RequireAnyCapability, RequireCapability, RequireSession } from './session/guards.tsx';

const AdminPage = lazy(() => import('./pages/admin/AdminPage.tsx'));
const UsersPage = lazy(() => import('./pages/admin/users/UsersPage.tsx'));
const UnitsPage = lazy(() => import('./pages/admin/units/UnitsPage.tsx'));
const AuditPage = lazy(() => import('./pages/admin/audit/AuditPage.tsx'));

const later = (page: ReactNode) => <Suspense fallback={<PageLoading />}>{page}</Suspense>;

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/setup', element: <SetupPage /> },
  {
    path: '/',
    element: <RequireSession><WorkbenchLayout /></RequireSession>,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'meetings', element: <ModuleEmptyPage module="meetings" /> },
      { path: 'documents', element: <ModuleEmptyPage module="documents" /> },
      { path: 'supervision', element: <ModuleEmptyPage module="supervision" /> },
      { path: 'settings', element: <SettingsPage /> },
      {
        path: 'admin',
        element: <RequireCapability capability="admin.console">{later(<AdminPage />)}</RequireCapability>,
        children: [
          { path: 'users', element: <RequireAnyCapability capabilities={['user.create', 'user.assignRoles']}>{later(<UsersPage />)}</RequireAnyCapability> },
          { path: 'units', element: later(<UnitsPage />) },
          { path: 'audit', element: <RequireAnyCapability capabilities={['audit.read']}>{later(<AuditPage />)}</RequireAnyCapability> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
