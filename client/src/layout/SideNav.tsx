// Side navigation for desktops and landscape tablets.
import { Layout, Menu } from 'antd';
import { createElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { NavLabel } from './NavLabel.tsx';
import { activeNavKey, type NavItem } from './navItems.ts';

export function SideNav({ items }: { items: NavItem[] }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const active = activeNavKey(location.pathname, items);
  return (
    <Layout.Sider width={208} className="tb-sider" theme="light">
      <nav aria-label={t('nav.mainNavigation')}>
        <Menu
          mode="inline"
          selectedKeys={active ? [active] : []}
          items={items.map((item) => ({
            key: item.key,
            icon: createElement(item.icon),
            label: <NavLabel item={item} />,
          }))}
          onClick={({ key }) => {
            const item = items.find((i) => i.key === key);
            if (item) navigate(item.path);
          }}
          style={{ borderInlineEnd: 'none', paddingTop: 8 }}
        />
      </nav>
    </Layout.Sider>
  );
}
