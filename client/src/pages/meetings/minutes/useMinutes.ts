// The minutes of one meeting and where their confirmation stands, kept current: re-read when the server says they moved
// on (minutes:changed), when the meeting changes or a notification about it arrives, and after every reconnect.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../api/http.ts';
import { minutesApi, type MinutesInfo } from '../../../api/minutes.ts';
import { realtime } from '../../../realtime/connection.ts';

const RELOAD_DELAY_MS = 200;

export type MinutesState =
  | { phase: 'loading' }
  | { phase: 'none' }
  /** This person may see the meeting but not its minutes. */
  | { phase: 'hidden' }
  | { phase: 'ready'; minutes: MinutesInfo }
  | { phase: 'failed'; error: unknown };

export function useMinutes(meetingId: string | null): { state: MinutesState; reload: () => Promise<void> } {
  const [state, setState] = useState<MinutesState>({ phase: 'loading' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const reload = useCallback(async () => {
    if (!meetingId) return;
    try {
      setState({ phase: 'ready', minutes: await minutesApi.get(meetingId) });
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setState({ phase: 'none' });
      else if (err instanceof ApiError && err.status === 403) setState({ phase: 'hidden' });
      else setState({ phase: 'failed', error: err });
    }
  }, [meetingId]);

  useEffect(() => {
    if (!meetingId) return undefined;
    void reload();
    const later = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void reload(), RELOAD_DELAY_MS);
    };
    const unwatch = realtime.watchMeeting(meetingId);
    const offs = [
      realtime.on('meeting:changed', (e) => e.meetingId === meetingId && later()),
      realtime.on('minutes:changed', (e) => e.meetingId === meetingId && later()),
      realtime.on('notification:new', (n) => (n.link ?? '').includes(meetingId) && later()),
      realtime.on('connected', later),
    ];
    return () => {
      unwatch();
      for (const off of offs) off();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [meetingId, reload]);

  return { state, reload };
}
