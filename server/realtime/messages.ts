// The socket.io contract: what clients may send (validated here) and what the server pushes. The client imports these types.
import { z } from 'zod';
import type { NotificationView } from '../presenters/notification.ts';

export const clientMessages = {
  'notification:read': z.strictObject({ ids: z.array(z.string().max(64)).min(1).max(500).optional() }),
} as const;

export type ClientEvent = keyof typeof clientMessages;
export type ClientPayload<E extends ClientEvent> = z.infer<(typeof clientMessages)[E]>;

export type Ack = { ok: true } | { ok: false; code: string; message: string };

export interface ServerToClient {
  'notification:new': (n: NotificationView) => void;
  'notification:count': (c: { unread: number }) => void;
  'session:ended': (e: { reason: 'signed_out' | 'expired' }) => void;
  'error:message': (e: { code: string; message: string; event?: string }) => void;
}
