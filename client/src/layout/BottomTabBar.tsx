// Bottom tab bar for tablets in portrait and narrow windows: every destination one thumb-tap away.
import { createElement } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router-dom';
import { NavLabel } from './NavLabel.tsx';
import { activeNavKey, type NavItem } from './navItems.ts';

export function BottomTabBar({ items }: { items: NavItem[] }) {
  const { t } = useTranslation();
  const location = useLocation();
  const active = activeNavKey(location.pathname, items);
  return (
    <nav className="tb-tabbar" aria-label={t('nav.mainNavigation')}>
      {items.map((item) => (
        <NavLink
          key={item.key}
          to={item.path}
          className={item.key === active ? 'tb-tabbar__item tb-tabbar__item--active' : 'tb-tabbar__item'}
          aria-current={item.key === active ? 'page' : undefined}
        >
          <span className="tb-tabbar__icon">{createElement(item.icon)}</span>
          <span className="tb-tabbar__label">
            <NavLabel item={item} />
          </span>
        </NavLink>
      ))}
    </nav>
  );
}
