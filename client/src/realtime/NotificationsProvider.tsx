// Keeps the notification list and unread count current: loaded over REST, then updated live over socket.io.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import { errorMessage } from '../api/errorMessage.ts';
import { notificationsApi } from '../api/notifications.ts';
import type { Notification } from '../api/types.ts';
import { realtime } from './connection.ts';
import { liveNotes, noteLive, readFirstPage } from './notificationPage.ts';
import { NotificationsContext, type NotificationsApi } from './notificationsContext.ts';
import { useNotificationText } from './notificationText.ts';

const PAGE = 30;

export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const describe = useNotificationText();
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const [loading, setLoading] = useState(true);
  const [hasMore, setHasMore] = useState(false);

  // What arrives live while a page is read (readFirstPage reads it again rather than undo it).
  const live = useRef(liveNotes<Notification>());

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const page = await readFirstPage(() => notificationsApi.list({ limit: PAGE }), live.current);
      setItems(page.items);
      if (page.unread !== null) setUnread(page.unread);
      setHasMore(page.items.length >= PAGE);
    } catch (err) {
      message.error(t('common.loadFailed', { message: errorMessage(t, err) }));
    } finally {
      setLoading(false);
    }
  }, [message, t]);

  useEffect(() => {
    void reload();
    // Anything pushed while the socket was down is picked up by reloading on every (re)connect.
    const offConnected = realtime.on('connected', () => void reload());
    const offNew = realtime.on('notification:new', (n) => {
      noteLive(live.current, n);
      setItems((list) => (list.some((x) => x.id === n.id) ? list : [n, ...list]));
      const text = describe(n);
      notification.info({ title: text.title, description: text.body, duration: 6 });
    });
    const offCount = realtime.on('notification:count', (c) => {
      noteLive(live.current);
      setUnread(c.unread);
    });
    return () => {
      offConnected();
      offNew();
      offCount();
    };
  }, [reload, describe, notification]);

  const api = useMemo<NotificationsApi>(
    () => ({
      unread,
      items,
      loading,
      hasMore,
      loadMore: async () => {
        const last = items[items.length - 1];
        if (!last) return;
        try {
          const page = await notificationsApi.list({ before: last.createdAt, limit: PAGE });
          setItems((list) => [...list, ...page.items.filter((n) => !list.some((x) => x.id === n.id))]);
          setHasMore(page.items.length === PAGE);
        } catch (err) {
          message.error(t('common.loadFailed', { message: errorMessage(t, err) }));
        }
      },
      markRead: async (ids: string[]) => {
        const now = new Date().toISOString();
        try {
          if (!(await realtime.markRead(ids))) await notificationsApi.markRead(ids);
          // The server pushes the new unread count; the read marks are applied here.
          setItems((list) => list.map((n) => (ids.includes(n.id) && !n.readAt ? { ...n, readAt: now } : n)));
        } catch (err) {
          message.error(errorMessage(t, err));
        }
      },
      markAllRead: async () => {
        const now = new Date().toISOString();
        try {
          if (!(await realtime.markRead())) await notificationsApi.markRead();
          setItems((list) => list.map((n) => (n.readAt ? n : { ...n, readAt: now })));
          setUnread(0);
        } catch (err) {
          message.error(errorMessage(t, err));
        }
      },
    }),
    [unread, items, loading, hasMore, message, t],
  );

  return <NotificationsContext.Provider value={api}>{children}</NotificationsContext.Provider>;
}
