// The signed-in shell: header with notifications and account menu; side navigation on wide screens (desktop,
// landscape tablet) and a bottom tab bar in portrait.
import { Layout } from 'antd';
import { Outlet } from 'react-router-dom';
import { useWideLayout } from '../components/useWideLayout.ts';
import { NotificationsProvider } from '../realtime/NotificationsProvider.tsx';
import { useActiveSession } from '../session/sessionContext.ts';
import { AppHeader } from './AppHeader.tsx';
import { BottomTabBar } from './BottomTabBar.tsx';
import { navItems } from './navItems.ts';
import { SideNav } from './SideNav.tsx';

export function WorkbenchLayout() {
  const session = useActiveSession();
  const wide = useWideLayout();
  const items = navItems(session);
  return (
    <NotificationsProvider>
      <Layout className="tb-shell">
        <AppHeader />
        <Layout>
          {wide && <SideNav items={items} />}
          <Layout.Content className={wide ? 'tb-content' : 'tb-content tb-content--with-tabs'}>
            <Outlet />
          </Layout.Content>
        </Layout>
        {!wide && <BottomTabBar items={items} />}
      </Layout>
    </NotificationsProvider>
  );
}
