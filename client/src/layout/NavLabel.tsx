// A navigation entry's name, and on the entry that counts them the number of 待办 (refreshed live by the 待办 feed):
// beside the name in the side navigation, on the icon in the phone's tab bar where the names are short of room.
import { Badge } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useTodoFeed } from '../realtime/todoFeed.ts';
import type { NavItem } from './navItems.ts';

/** The 待办 total around `children` (or alone); `data-count` says it whatever the badge shows. */
function TodoCount({ children, offset }: { children?: ReactNode; offset: [number, number] }) {
  const { counts } = useTodoFeed();
  const total = counts?.total ?? 0;
  return (
    <span data-testid="nav-todo-count" data-count={total}>
      <Badge count={total} overflowCount={99} size="small" offset={offset}>
        {children}
      </Badge>
    </span>
  );
}

export function NavLabel({ item }: { item: NavItem }) {
  const { t } = useTranslation();
  return (
    <span className="tb-nav-label" data-testid={`nav-${item.key}`}>
      <span>{t(`nav.${item.key}`)}</span>
      {item.counted && <TodoCount offset={[6, -2]} />}
    </span>
  );
}

/** A tab's icon, with the 待办 count on it for the entry that counts them. */
export function NavIcon({ item, icon }: { item: NavItem; icon: ReactNode }) {
  if (!item.counted) return icon;
  // The badge's wrapper sets its own font size: the icon keeps the tab bar's.
  return (
    <TodoCount offset={[2, 2]}>
      <span className="tb-tabbar__icon">{icon}</span>
    </TodoCount>
  );
}
