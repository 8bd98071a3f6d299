// The bell in the header: live unread count, and a drawer with the notification centre.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Flex, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NotificationList } from '../components/NotificationList.tsx';
import { useWideLayout } from '../components/useWideLayout.ts';
import { useNotifications } from '../realtime/notificationsContext.ts';

type Filter = 'all' | 'unread';

export function NotificationBell() {
  const { t } = useTranslation();
  const wide = useWideLayout();
  const { unread, items, hasMore, loadMore, markAllRead } = useNotifications();
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState<Filter>('all');
  const shown = filter === 'unread' ? items.filter((n) => !n.readAt) : items;

  return (
    <>
      <Button
        type="text"
        className="tb-header-button"
        onClick={() => setOpen(true)}
        data-testid="notification-bell"
        aria-label={`${t('header.notifications')}${unread > 0 ? `, ${t('notifications.unreadCount', { count: unread })}` : ''}`}
      >
        <Badge count={unread} overflowCount={99} size="small" data-testid="notification-count">
          <BellOutlined style={{ fontSize: 20 }} />
        </Badge>
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('notifications.title')}
        size={wide ? 440 : '100%'}
        placement="right"
        extra={
          <Button onClick={() => void markAllRead()} disabled={unread === 0}>
            {t('notifications.markAllRead')}
          </Button>
        }
      >
        <Flex vertical gap={12}>
          <Segmented<Filter>
            block
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'all', label: t('notifications.showAll') },
              { value: 'unread', label: `${t('notifications.showUnread')}${unread > 0 ? ` (${unread})` : ''}` },
            ]}
          />
          <NotificationList
            items={shown}
            emptyText={filter === 'unread' ? t('notifications.emptyUnread') : t('notifications.empty')}
            onOpen={() => setOpen(false)}
          />
          {hasMore && filter === 'all' && (
            <Button block onClick={() => void loadMore()}>
              {t('notifications.loadMore')}
            </Button>
          )}
        </Flex>
      </Drawer>
    </>
  );
}
