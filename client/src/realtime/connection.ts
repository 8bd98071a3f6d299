// The socket.io connection for the signed-in user, typed by the server's contract (server/realtime/messages.ts).
// One connection per tab; the session provider starts and stops it, components subscribe to its events.
import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientPayload, ServerToClient } from '../../../server/realtime/messages.ts';

interface ClientToServer {
  'notification:read': (payload: ClientPayload<'notification:read'>, ack: (answer: Ack) => void) => void;
}

type TongbanSocket = Socket<ServerToClient, ClientToServer>;

/** Server pushes, plus two local events: (re)connected, and refused because the session is not valid. */
export interface RealtimeEvents extends ServerToClient {
  connected: () => void;
  refused: (reason: string) => void;
}

type EventName = keyof RealtimeEvents;
const ACK_TIMEOUT_MS = 10_000;

class RealtimeConnection {
  private socket: TongbanSocket | null = null;
  private readonly handlers = new Map<EventName, Set<(...args: never[]) => void>>();

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  start(): void {
    if (this.socket) return;
    const socket: TongbanSocket = io({ path: '/socket.io', withCredentials: true });
    socket.on('connect', () => this.dispatch('connected'));
    // A refusal by the server's auth middleware is final for this socket; the session provider decides what next.
    socket.on('connect_error', (err) => {
      if (!socket.active) this.dispatch('refused', err.message);
    });
    socket.on('notification:new', (n) => this.dispatch('notification:new', n));
    socket.on('notification:count', (c) => this.dispatch('notification:count', c));
    socket.on('session:ended', (e) => this.dispatch('session:ended', e));
    socket.on('error:message', (e) => this.dispatch('error:message', e));
    this.socket = socket;
  }

  stop(): void {
    this.socket?.disconnect();
    this.socket = null;
  }

  on<E extends EventName>(event: E, handler: RealtimeEvents[E]): () => void {
    let set = this.handlers.get(event);
    if (!set) {
      set = new Set();
      this.handlers.set(event, set);
    }
    set.add(handler as (...args: never[]) => void);
    return () => set.delete(handler as (...args: never[]) => void);
  }

  /** Marks notifications read over the socket; resolves false when there is no live connection to ask. */
  async markRead(ids?: string[]): Promise<boolean> {
    const socket = this.socket;
    if (!socket?.connected) return false;
    const answer = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('notification:read', ids ? { ids } : {});
    if (!answer.ok) throw new Error(`${answer.code}: ${answer.message}`);
    return true;
  }

  private dispatch<E extends EventName>(event: E, ...args: Parameters<RealtimeEvents[E]>): void {
    for (const handler of this.handlers.get(event) ?? []) (handler as (...a: Parameters<RealtimeEvents[E]>) => void)(...args);
  }
}

export const realtime = new RealtimeConnection();
