// The page map. Administration pages load on demand: most people never open them.
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { PageLoading } from './components/PageLoading.tsx';
import { WorkbenchLayout } from './layout/WorkbenchLayout.tsx';
import { HomePage } from './pages/home/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { SettingsPage } from './pages/settings/SettingsPage.tsx';
import { SetupPage } from './pages/setup/SetupPage.tsx';
import { SignInPage } from './pages/signIn/SignInPage.tsx';
import { RequireAnyCapability, RequireCapability, RequireSession } from './session/guards.tsx';

const AdminPage = lazy(() => import('./pages/admin/AdminPage.tsx'));
const UsersPage = lazy(() => import('./pages/admin/users/UsersPage.tsx'));
const UnitsPage = lazy(() => import('./pages/admin/units/UnitsPage.tsx'));
const AuditPage = lazy(() => import('./pages/admin/audit/AuditPage.tsx'));
// The editor brings Tiptap and Yjs: loaded when a document is opened.
const DocumentsPage = lazy(() => import('./pages/documents/DocumentsPage.tsx'));
const DocumentEditorPage = lazy(() => import('./pages/documents/editor/DocumentEditorPage.tsx'));

// The meeting room brings mediasoup-client: loaded when someone joins a meeting.
const MeetingRoomPage = lazy(() => import('./pages/meetings/room/MeetingRoomPage.tsx'));
// Meetings (会议): calendar, scheduling, the meeting page, the room's sign-in screen and the QR code's landing page.
const MeetingsPage = lazy(() => import('./pages/meetings/MeetingsPage.tsx'));
const MeetingFormPage = lazy(() => import('./pages/meetings/form/MeetingFormPage.tsx'));
const MeetingDetailPage = lazy(() => import('./pages/meetings/detail/MeetingDetailPage.tsx'));
const RecordingPlayerPage = lazy(() => import('./pages/meetings/recordings/RecordingPlayerPage.tsx'));
const SignInScreenPage = lazy(() => import('./pages/meetings/signIn/SignInScreenPage.tsx'));
const SignInLandingPage = lazy(() => import('./pages/meetings/signIn/SignInLandingPage.tsx'));
// Co-annotation of materials and the whiteboard brings pdf.js: loaded when opened.
const AnnotatePage = lazy(() => import('./pages/meetings/annotate/AnnotatePage.tsx'));

// 办文 (发文): the lists, and the 公文 page with its 正文 in the editor.
const OfficialDocsPage = lazy(() => import('./pages/officialDocs/OfficialDocsPage.tsx'));
const OfficialDocPage = lazy(() => import('./pages/officialDocs/OfficialDocPage.tsx'));
const RouteTemplatesPage = lazy(() => import('./pages/officialDocs/RouteTemplatesPage.tsx'));
const NumberRegisterPage = lazy(() => import('./pages/officialDocs/NumberRegisterPage.tsx'));
const IncomingRegisterPage = lazy(() => import('./pages/officialDocs/IncomingRegisterPage.tsx'));
const InboxPage = lazy(() => import('./pages/officialDocs/InboxPage.tsx'));

// 待办: everything that waits for me, and what I have done.
const TodoPage = lazy(() => import('./pages/todo/TodoPage.tsx'));

// 日程 and 通讯录: the personal calendar grids and the address book.
const CalendarPage = lazy(() => import('./pages/calendar/CalendarPage.tsx'));
const AddressBookPage = lazy(() => import('./pages/addressBook/AddressBookPage.tsx'));
// Full-text search results (the header's box opens them).
const SearchPage = lazy(() => import('./pages/search/SearchPage.tsx'));
const ArchivePage = lazy(() => import('./pages/archive/ArchivePage.tsx'));

// Supervision (督办) loads its pages and charts when the module is opened.
const SupervisionLayout = lazy(() => import('./pages/supervision/SupervisionLayout.tsx'));
const SupervisionTaskList = lazy(() => import('./pages/supervision/TaskListPage.tsx'));
const SupervisionBoard = lazy(() => import('./pages/supervision/TaskBoardPage.tsx'));
const SupervisionStatistics = lazy(() => import('./pages/supervision/StatisticsPage.tsx'));
const SupervisionDashboard = lazy(() => import('./pages/supervision/DashboardPage.tsx'));
const SupervisionTask = lazy(() => import('./pages/supervision/TaskPage.tsx'));
const SupervisionProposals = lazy(() => import('./pages/supervision/proposals/ProposalsPage.tsx'));

const later = (page: ReactNode) => <Suspense fallback={<PageLoading />}>{page}</Suspense>;
/** The business modules: not pages for the three administrators (三员分立), whose requests there the server refuses. */
const business = (page: ReactNode) => <RequireCapability capability="workspace.use">{page}</RequireCapability>;

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/setup', element: <SetupPage /> },
  // Full screen, outside the workbench layout: the meeting needs the whole display, on tablets most of all.
  ...['/meetings/:meetingId/room', '/meetings/join/:joinCode'].map((path) => ({
    path,
    element: <RequireSession>{business(later(<MeetingRoomPage />))}</RequireSession>,
  })),
  {
    path: '/meetings/:meetingId/annotate',
    element: <RequireSession>{business(later(<AnnotatePage />))}</RequireSession>,
  },
  { path: '/meetings/:id/screen', element: <RequireSession>{business(later(<SignInScreenPage />))}</RequireSession> },
  {
    path: '/meetings/:id/sign-in',
    element: <RequireSession>{business(later(<SignInLandingPage />))}</RequireSession>,
  },
  {
    path: '/',
    element: (
      <RequireSession>
        <WorkbenchLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'todo', element: business(later(<TodoPage />)) },
      { path: 'meetings', element: business(later(<MeetingsPage />)) },
      {
        path: 'meetings/new',
        element: <RequireCapability capability="meeting.create">{later(<MeetingFormPage />)}</RequireCapability>,
      },
      { path: 'meetings/:id', element: business(later(<MeetingDetailPage />)) },
      { path: 'meetings/:id/recordings/:recordingId', element: business(later(<RecordingPlayerPage />)) },
      { path: 'calendar', element: business(later(<CalendarPage />)) },
      { path: 'address-book', element: business(later(<AddressBookPage />)) },
      { path: 'search', element: business(later(<SearchPage />)) },
      { path: 'archive', element: business(later(<ArchivePage />)) },
      { path: 'documents', element: business(later(<DocumentsPage />)) },
      { path: 'documents/:id', element: business(later(<DocumentEditorPage />)) },
      { path: 'official-documents', element: business(later(<OfficialDocsPage />)) },
      { path: 'official-documents/route-templates', element: business(later(<RouteTemplatesPage />)) },
      { path: 'official-documents/register', element: business(later(<NumberRegisterPage />)) },
      { path: 'official-documents/incoming', element: business(later(<IncomingRegisterPage />)) },
      { path: 'official-documents/:id', element: business(later(<OfficialDocPage />)) },
      { path: 'inbox', element: business(later(<InboxPage />)) },
      {
        path: 'supervision',
        element: business(later(<SupervisionLayout />)),
        children: [
          { index: true, element: later(<SupervisionTaskList scope="mine" />) },
          { path: 'unit', element: later(<SupervisionTaskList scope="unit" />) },
          { path: 'desk', element: later(<SupervisionTaskList scope="desk" />) },
          { path: 'board', element: later(<SupervisionBoard />) },
          { path: 'statistics', element: later(<SupervisionStatistics />) },
          { path: 'dashboard', element: later(<SupervisionDashboard />) },
          { path: 'proposals', element: later(<SupervisionProposals />) },
          { path: 'tasks/:id', element: later(<SupervisionTask />) },
        ],
      },
      { path: 'settings', element: <SettingsPage /> },
      {
        path: 'admin',
        element: <RequireCapability capability="admin.console">{later(<AdminPage />)}</RequireCapability>,
        children: [
          {
            path: 'users',
            element: (
              <RequireAnyCapability capabilities={['user.create', 'user.assignRoles']}>
                {later(<UsersPage />)}
              </RequireAnyCapability>
            ),
          },
          { path: 'units', element: later(<UnitsPage />) },
          {
            path: 'audit',
            element: <RequireAnyCapability capabilities={['audit.read']}>{later(<AuditPage />)}</RequireAnyCapability>,
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
