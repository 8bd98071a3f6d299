// The supervisor's task proposals of one status, grouped by meeting, re-read when a notification about proposals arrives
// (minutes were just closed somewhere) and after every reconnect.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { proposalsApi, type Proposal, type ProposalStatus } from '../../../api/minutes.ts';
import { realtime } from '../../../realtime/connection.ts';

export interface MeetingProposals {
  meetingId: string;
  meetingTitle: string;
  minutesDocumentId: string;
  items: Proposal[];
}

/** Meetings in the order their first proposal came, items in the server's order (the minutes' order). */
export function groupByMeeting(items: readonly Proposal[]): MeetingProposals[] {
  const groups = new Map<string, MeetingProposals>();
  for (const item of items) {
    let group = groups.get(item.meetingId);
    if (!group) {
      group = {
        meetingId: item.meetingId,
        meetingTitle: item.meetingTitle,
        minutesDocumentId: item.minutesDocumentId,
        items: [],
      };
      groups.set(item.meetingId, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
}

export function useProposals(status: ProposalStatus): {
  groups: MeetingProposals[];
  loading: boolean;
  error: unknown;
  reload: () => Promise<void>;
} {
  const [items, setItems] = useState<Proposal[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try {
      setItems((await proposalsApi.list({ status })).items);
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, [status]);

  useEffect(() => {
    setLoading(true);
    void reload();
    const offs = [
      realtime.on('notification:new', (n) => (n.link ?? '').startsWith('/supervision/proposals') && void reload()),
      realtime.on('connected', () => void reload()),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, [reload]);

  const groups = useMemo(() => groupByMeeting(items), [items]);
  return { groups, loading, error, reload };
}
