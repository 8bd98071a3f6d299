// The signed-in user's notification centre.
import { http } from './http.ts';
import type { Notification, Ok } from './types.ts';

export const notificationsApi = {
  list: (query: { unread?: boolean; before?: string; limit?: number } = {}) =>
    http.get<{ items: Notification[]; unread: number }>('/api/notifications', {
      query: { unread: query.unread ? 'true' : undefined, before: query.before, limit: query.limit },
    }),
  markRead: (ids?: string[]) => http.post<Ok>('/api/notifications/read', ids ? { ids } : {}),
};
