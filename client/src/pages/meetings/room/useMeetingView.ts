// React's view of a MeetingClient, and the small hooks the room page needs around it.
import { useEffect, useSyncExternalStore } from 'react';
import { authApi } from '../../../api/auth.ts';
import { ApiError } from '../../../api/http.ts';
import type { MeetingClient, MeetingView } from './media/MeetingClient.ts';

export function useMeetingView(client: MeetingClient): MeetingView {
  return useSyncExternalStore(client.subscribe, client.getSnapshot);
}

/** Being in a meeting is activity: refresh the session now and then, as any other page does by calling the API. */
const KEEP_ALIVE_MS = 4 * 60_000;

export function useKeepSessionAlive(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => {
      authApi.session().catch((err: unknown) => {
        // A lost session is handled by the session provider (a 401 anywhere signs the page out).
        if (!(err instanceof ApiError)) console.warn('session refresh failed', err);
      });
    }, KEEP_ALIVE_MS);
    return () => window.clearInterval(timer);
  }, [active]);
}
