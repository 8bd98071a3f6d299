// 管理: the administrators' console. Each tab appears only for the duty that uses it (三员分立).
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useOutlet } from 'react-router-dom';
import { useSession, type SessionApi } from '../../session/sessionContext.ts';

type AdminTab = 'users' | 'units' | 'audit';

function tabsFor(session: SessionApi): AdminTab[] {
  const tabs: AdminTab[] = [];
  if (session.can('user.create') || session.can('user.assignRoles')) tabs.push('users');
  tabs.push('units');
  if (session.can('audit.read')) tabs.push('audit');
  return tabs;
}

export default function AdminPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const outlet = useOutlet();
  const tabs = tabsFor(session);
  const first = tabs[0] ?? 'units';
  if (!outlet) return <Navigate to={first} replace />;
  const active = tabs.find((tab) => location.pathname.startsWith(`/admin/${tab}`)) ?? first;

  return (
    <div className="tb-page" data-testid="admin-home">
      <Typography.Title level={3} className="tb-page-title" style={{ marginBottom: 4 }}>
        {t('admin.title')}
      </Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(key)}
        items={tabs.map((tab) => ({ key: tab, label: t(`admin.tabs.${tab}`) }))}
      />
      {outlet}
    </div>
  );
}
