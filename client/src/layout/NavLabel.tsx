// A navigation entry's name, with the number of 待办 on the entry that counts them (refreshed live by the 待办 feed).
import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTodoFeed } from '../realtime/todoFeed.ts';
import type { NavItem } from './navItems.ts';

function TodoBadge() {
  const { counts } = useTodoFeed();
  const total = counts?.total ?? 0;
  return (
    <span data-testid="nav-todo-count" data-count={total}>
      <Badge count={total} overflowCount={99} size="small" offset={[6, -2]} />
    </span>
  );
}

export function NavLabel({ item }: { item: NavItem }) {
  const { t } = useTranslation();
  return (
    <span className="tb-nav-label" data-testid={`nav-${item.key}`}>
      <span>{t(`nav.${item.key}`)}</span>
      {item.counted && <TodoBadge />}
    </span>
  );
}
