// A list of notifications with read state, time and actions; used in the bell's drawer and on the workbench.
import { CheckOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Empty, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Notification } from '../api/types.ts';
import { useNotifications } from '../realtime/notificationsContext.ts';
import { useNotificationText } from '../realtime/notificationText.ts';

interface Props {
  items: Notification[];
  emptyText: string;
  /** Called after following a notification's link (the drawer closes itself). */
  onOpen?: () => void;
}

export function NotificationList({ items, emptyText, onOpen }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { markRead } = useNotifications();
  const describe = useNotificationText();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;

  const open = (n: Notification) => {
    if (!n.readAt) void markRead([n.id]);
    if (n.link) {
      navigate(n.link);
      onOpen?.();
    }
  };

  return (
    <ul className="tb-notifications" data-testid="notification-list">
      {items.map((n) => {
        const text = describe(n);
        const unread = !n.readAt;
        return (
          <li
            key={n.id}
            className={unread ? 'tb-notification tb-notification--unread' : 'tb-notification'}
            data-kind={n.kind}
          >
            <span className="tb-notification__dot" aria-hidden />
            <div className="tb-notification__main">
              <Typography.Text strong={unread}>{text.title}</Typography.Text>
              {text.body && (
                <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                  {text.body}
                </Typography.Paragraph>
              )}
              <Typography.Text
                type="secondary"
                style={{ fontSize: 13 }}
                title={dayjs(n.createdAt).format('YYYY-MM-DD HH:mm:ss')}
              >
                {dayjs(n.createdAt).fromNow()}
              </Typography.Text>
            </div>
            <div className="tb-notification__actions">
              {unread && (
                <Button
                  type="text"
                  icon={<CheckOutlined />}
                  onClick={() => void markRead([n.id])}
                  aria-label={t('notifications.markRead')}
                >
                  <span className="tb-hide-narrow">{t('notifications.markRead')}</span>
                </Button>
              )}
              {n.link && (
                <Button
                  type="text"
                  icon={<RightOutlined />}
                  onClick={() => open(n)}
                  aria-label={t('notifications.open')}
                />
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
