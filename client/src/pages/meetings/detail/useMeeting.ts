// One meeting, kept current: loaded over REST, then the live counts (replies, sign-ins) applied as they are pushed,
// and the whole meeting re-read shortly after any change so the lists behind the counts follow.
import { useCallback, useEffect, useRef, useState } from 'react';
import { meetingsApi, type MeetingDetail } from '../../../api/meetings.ts';
import { realtime } from '../../../realtime/connection.ts';

const RELOAD_DELAY_MS = 300;

export function useMeeting(id: string): { meeting: MeetingDetail | null; error: unknown; reload: () => Promise<void> } {
  const [meeting, setMeeting] = useState<MeetingDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const reload = useCallback(async () => {
    try {
      setMeeting(await meetingsApi.get(id));
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, [id]);

  useEffect(() => {
    void reload();
    const later = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void reload(), RELOAD_DELAY_MS);
    };
    const unwatch = realtime.watchMeeting(id);
    const offs = [
      realtime.on('meeting:rsvp', (e) => {
        if (e.meetingId !== id) return;
        // Counts are shown at once to those who see them; the lists come with the re-read.
        setMeeting((m) => (m && m.rsvpSummary ? { ...m, rsvpSummary: e.summary } : m));
        later();
      }),
      realtime.on('meeting:attendance', (e) => {
        if (e.meetingId !== id) return;
        setMeeting((m) => (m && m.attendanceSummary ? { ...m, attendanceSummary: e.summary } : m));
        later();
      }),
      realtime.on('meeting:changed', (e) => e.meetingId === id && later()),
      realtime.on('notification:new', (n) => n.link === `/meetings/${id}` && later()),
      realtime.on('connected', later),
    ];
    return () => {
      unwatch();
      for (const off of offs) off();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [id, reload]);

  return { meeting, error, reload };
}
