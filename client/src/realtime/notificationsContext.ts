// The signed-in user's notifications as the UI sees them: live unread count and the newest items.
import { createContext, useContext } from 'react';
import type { Notification } from '../api/types.ts';

export interface NotificationsApi {
  unread: number;
  items: Notification[];
  loading: boolean;
  hasMore: boolean;
  loadMore(): Promise<void>;
  markRead(ids: string[]): Promise<void>;
  markAllRead(): Promise<void>;
}

export const NotificationsContext = createContext<NotificationsApi | null>(null);

export function useNotifications(): NotificationsApi {
  const api = useContext(NotificationsContext);
  if (!api) throw new Error('useNotifications outside NotificationsProvider');
  return api;
}
