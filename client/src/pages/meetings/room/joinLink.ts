// What a join link leads to (the meetings API): the meeting, and whether this person goes straight in, waits in the
// lobby after the passcode, or may not join.
import { http } from '../../../api/http.ts';

export interface JoinLinkInfo {
  meetingId: string;
  title: string | null;
  startAt: string;
  endAt: string;
  status: string;
  decision: 'admit' | 'lobby' | 'refuse';
}

export function fetchJoinLink(joinCode: string): Promise<JoinLinkInfo> {
  return http.get<JoinLinkInfo>(`/api/meetings/join/${encodeURIComponent(joinCode)}`);
}
