// The socket.io contract: what clients may send (validated here) and what the server pushes. The client imports these types.
import { z } from 'zod';
import type { NotificationView } from '../../server/presenters/notification.ts';
import type { AttendanceSummaryView, RsvpSummaryView } from '../../server/presenters/meeting.ts';
import { meetingRequestSchema, type MeetingNotification } from '../../media/signaling.ts';

export const clientMessages = {
  'notification:read': z.strictObject({ ids: z.array(z.string().max(64)).min(1).max(500).optional() }),
  /** Live replies and sign-ins of one meeting (counts only; lists come from the REST API under its policies). */
  'meeting:watch': z.strictObject({ meetingId: z.string().min(1).max(64) }),
  'meeting:unwatch': z.strictObject({ meetingId: z.string().min(1).max(64) }),
  /** Online meetings: join, media, chat, hands, host controls (the contract is media/signaling.ts). */
  'meeting:request': meetingRequestSchema,
} as const;

export type ClientEvent = keyof typeof clientMessages;
export type ClientPayload<E extends ClientEvent> = z.infer<(typeof clientMessages)[E]>;

export type Ack = { ok: true; data?: unknown } | { ok: false; code: string; message: string };

export interface ServerToClient {
  'notification:new': (n: NotificationView) => void;
  'notification:count': (c: { unread: number }) => void;
  'session:ended': (e: { reason: 'signed_out' | 'expired' }) => void;
  'error:message': (e: { code: string; message: string; event?: string }) => void;
  'meeting:rsvp': (e: { meetingId: string; summary: RsvpSummaryView }) => void;
  'meeting:attendance': (e: { meetingId: string; summary: AttendanceSummaryView }) => void;
  'meeting:changed': (e: { meetingId: string; status: string; revision: number }) => void;
  /** The minutes' finalisation moved on (finalised, answered, resolved, reopened, closed): reload GET …/minutes. */
  'minutes:changed': (e: { meetingId: string; status: string; round: number }) => void;
  'meeting:notification': (n: MeetingNotification) => void;
  /** Something waiting for me (待办) may have appeared or gone: ask GET /api/todo/counts again. Carries nothing. */
  'todo:changed': (e: Record<string, never>) => void;
}

/** The socket.io room of a meeting's watchers. */
export function meetingRoom(meetingId: string): string {
  return `meeting:${meetingId}`;
}
