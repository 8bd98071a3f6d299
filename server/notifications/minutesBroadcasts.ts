// Tells the meeting's open screens that its minutes moved on; and where notices about the minutes link to.
import type { CoreServices } from '../services.ts';
import { meetingRoom } from '../../common/socket/messages.ts';

/** Only to the watchers who may read the minutes (the people at the table, not every colleague who sees the meeting). */
export async function announceMinutes(
  svc: Pick<CoreServices, 'notifications'>,
  meetingId: string,
  status: string,
  round: number,
): Promise<void> {
  await svc.notifications.broadcast(minutesAbout(meetingId), meetingRoom(meetingId), 'minutes:changed', {
    meetingId,
    status,
    round,
  });
}

export const minutesLink = (documentId: string) => `/documents/${documentId}`;

/** What notices about a meeting's minutes are about: read by whom the minutes read rule allows. */
export const minutesAbout = (meetingId: string) => ({ kind: 'minutes', meetingId }) as const;
