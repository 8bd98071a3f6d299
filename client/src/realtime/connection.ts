// The socket.io connection for the signed-in user, typed by the server's contract (common/socket/messages.ts).
// One connection per tab; the session provider starts and stops it, components subscribe to its events. An online
// meeting's room signals over a connection of its own (meetingConnection.ts).
import { io, type Socket } from 'socket.io-client';
import { EventHandlers } from './eventHandlers.ts';
import type { Ack, ClientPayload, ServerToClient } from '../../../common/socket/messages.ts';

interface ClientToServer {
  'notification:read': (payload: ClientPayload<'notification:read'>, ack: (answer: Ack) => void) => void;
  'meeting:watch': (payload: ClientPayload<'meeting:watch'>, ack: (answer: Ack) => void) => void;
  'meeting:unwatch': (payload: ClientPayload<'meeting:unwatch'>, ack: (answer: Ack) => void) => void;
}

type TongbanSocket = Socket<ServerToClient, ClientToServer>;

/** Server pushes, plus two local events: (re)connected, and refused because the session is not valid. */
export interface RealtimeEvents extends ServerToClient {
  connected: () => void;
  disconnected: () => void;
  refused: (reason: string) => void;
}

type EventName = keyof RealtimeEvents;
const ACK_TIMEOUT_MS = 10_000;

class RealtimeConnection {
  private socket: TongbanSocket | null = null;
  private readonly handlers = new EventHandlers<RealtimeEvents>();
  /** Meetings whose live counts a page follows, with how many pages do. */
  private readonly watched = new Map<string, number>();

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  start(): void {
    if (this.socket) return;
    const socket: TongbanSocket = io({ path: '/socket.io', withCredentials: true });
    socket.on('connect', () => this.handlers.dispatch('connected'));
    socket.on('disconnect', () => this.handlers.dispatch('disconnected'));
    // A refusal by the server's auth middleware is final for this socket; the session provider decides what next.
    socket.on('connect_error', (err) => {
      if (!socket.active) this.handlers.dispatch('refused', err.message);
    });
    socket.on('notification:new', (n) => this.handlers.dispatch('notification:new', n));
    socket.on('notification:count', (c) => this.handlers.dispatch('notification:count', c));
    socket.on('session:ended', (e) => this.handlers.dispatch('session:ended', e));
    socket.on('error:message', (e) => this.handlers.dispatch('error:message', e));
    socket.on('meeting:rsvp', (e) => this.handlers.dispatch('meeting:rsvp', e));
    socket.on('meeting:attendance', (e) => this.handlers.dispatch('meeting:attendance', e));
    socket.on('meeting:changed', (e) => this.handlers.dispatch('meeting:changed', e));
    socket.on('minutes:changed', (e) => this.handlers.dispatch('minutes:changed', e));
    socket.on('todo:changed', (e) => this.handlers.dispatch('todo:changed', e));
    // Watches are per socket on the server: ask again after every reconnect.
    socket.on('connect', () => {
      for (const meetingId of this.watched.keys()) this.emitWatch('meeting:watch', meetingId);
    });
    this.socket = socket;
  }

  stop(): void {
    this.socket?.disconnect();
    this.socket = null;
  }

  on<E extends EventName>(event: E, handler: RealtimeEvents[E]): () => void {
    return this.handlers.on(event, handler);
  }

  /** Marks notifications read over the socket; resolves false when there is no live connection to ask. */
  async markRead(ids?: string[]): Promise<boolean> {
    const socket = this.socket;
    if (!socket?.connected) return false;
    const answer = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('notification:read', ids ? { ids } : {});
    if (!answer.ok) throw new Error(`${answer.code}: ${answer.message}`);
    return true;
  }

  /** Follows a meeting's live replies and sign-ins (meeting:rsvp, meeting:attendance, meeting:changed) until the returned function is called. */
  watchMeeting(meetingId: string): () => void {
    const count = this.watched.get(meetingId) ?? 0;
    this.watched.set(meetingId, count + 1);
    if (count === 0) this.emitWatch('meeting:watch', meetingId);
    return () => {
      const left = (this.watched.get(meetingId) ?? 1) - 1;
      if (left > 0) {
        this.watched.set(meetingId, left);
        return;
      }
      this.watched.delete(meetingId);
      this.emitWatch('meeting:unwatch', meetingId);
    };
  }

  /** A refused or unanswered watch is reported like any other socket error (error:message), never dropped. */
  private emitWatch(event: 'meeting:watch' | 'meeting:unwatch', meetingId: string): void {
    const socket = this.socket;
    if (!socket?.connected) return;
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck(event, { meetingId })
      .then(
        (answer) => {
          if (!answer.ok)
            this.handlers.dispatch('error:message', { code: answer.code, message: answer.message, event });
        },
        (err: unknown) =>
          this.handlers.dispatch('error:message', {
            code: 'timeout',
            message: err instanceof Error ? err.message : String(err),
            event,
          }),
      );
  }
}

export const realtime = new RealtimeConnection();
