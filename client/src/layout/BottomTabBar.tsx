// Bottom tab bar for tablets in portrait and narrow windows: every destination one thumb-tap away (desk work such as
// 收文登记 stays in the side navigation of wide screens).
import { createElement } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router-dom';
import { NavIcon } from './NavLabel.tsx';
import { activeNavKey, type NavItem } from './navItems.ts';

export function BottomTabBar({ items }: { items: NavItem[] }) {
  const { t } = useTranslation();
  const location = useLocation();
  const shown = items.filter((item) => !item.wideOnly);
  const active = activeNavKey(location.pathname, shown);
  return (
    <nav className="tb-tabbar" aria-label={t('nav.mainNavigation')}>
      {shown.map((item) => (
        <NavLink
          key={item.key}
          to={item.path}
          className={item.key === active ? 'tb-tabbar__item tb-tabbar__item--active' : 'tb-tabbar__item'}
          aria-current={item.key === active ? 'page' : undefined}
        >
          <span className="tb-tabbar__icon">
            <NavIcon item={item} icon={createElement(item.icon)} />
          </span>
          <span className="tb-tabbar__label">{t(`nav.${item.key}`)}</span>
        </NavLink>
      ))}
    </nav>
  );
}
