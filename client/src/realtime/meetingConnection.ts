// The socket.io connection of one online meeting's room, for its signalling only (media/signaling.ts). It is opened
// with the handshake query `meeting=<id>`, so that a load balancer in front of several instances routes every
// participant of one meeting to the instance holding that meeting's media (deploy/nginx/tongban.conf.template), and
// it is closed when the room is left. Notifications and watches stay on the tab's ordinary connection (connection.ts).
import { io, type Socket } from 'socket.io-client';
import { EventHandlers } from './eventHandlers.ts';
import { MEETING_QUERY } from '../../../common/socket/meetingQuery.ts';
import type {
  MeetingAck,
  MeetingMethod,
  MeetingNotification,
  MeetingRequest,
  MeetingResponses,
  RequestData,
} from '../../../media/signaling.ts';

/** A meeting request the server refused, with its code (wrong_passcode, media_blocked …). */
export class MeetingRequestError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'MeetingRequestError';
    this.code = code;
  }
}

interface ServerToClient {
  'meeting:notification': (n: MeetingNotification) => void;
}

interface ClientToServer {
  'meeting:request': (payload: MeetingRequest, ack: (answer: MeetingAck<MeetingMethod>) => void) => void;
}

export interface MeetingConnectionEvents {
  notification: (n: MeetingNotification) => void;
  /**
   * Connected, the first time or again: socket.io reconnects by itself, through the load balancer to wherever the
   * meeting now is.
   */
  connected: () => void;
  disconnected: () => void;
}

const ACK_TIMEOUT_MS = 10_000;
/** How long the first connection may take before a join reports the server unreachable. */
const CONNECT_TIMEOUT_MS = 10_000;

export class MeetingConnection {
  private readonly socket: Socket<ServerToClient, ClientToServer>;
  private readonly handlers = new EventHandlers<MeetingConnectionEvents>();
  /** Why the server refused the handshake (it will not retry), if it did. */
  private refusal: MeetingRequestError | null = null;

  constructor(readonly meetingId: string) {
    // forceNew: never shares the tab's ordinary connection (socket.io-client would multiplex one URL's sockets).
    const socket: Socket<ServerToClient, ClientToServer> = io({
      path: '/socket.io',
      withCredentials: true,
      forceNew: true,
      query: { [MEETING_QUERY]: meetingId },
    });
    socket.on('connect', () => this.handlers.dispatch('connected'));
    socket.on('disconnect', () => this.handlers.dispatch('disconnected'));
    socket.on('connect_error', (err: Error & { data?: { message?: string } }) => {
      // A refusal by the server's handshake middleware is final; a network error is retried by socket.io.
      if (!socket.active) this.refusal = new MeetingRequestError(err.message, err.data?.message ?? err.message);
    });
    socket.on('meeting:notification', (n) => this.handlers.dispatch('notification', n));
    this.socket = socket;
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /** Resolves once connected; a refused handshake, or none within CONNECT_TIMEOUT_MS, throws MeetingRequestError. */
  ready(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    if (this.refusal) return Promise.reject(this.refusal);
    return new Promise((resolve, reject) => {
      const timer = window.setTimeout(() => {
        done();
        reject(new MeetingRequestError('disconnected', 'Not connected to the server'));
      }, CONNECT_TIMEOUT_MS);
      const onConnect = () => {
        done();
        resolve();
      };
      const onError = () => {
        if (!this.refusal) return;
        done();
        reject(this.refusal);
      };
      const done = () => {
        window.clearTimeout(timer);
        this.socket.off('connect', onConnect);
        this.socket.off('connect_error', onError);
      };
      this.socket.on('connect', onConnect);
      this.socket.on('connect_error', onError);
    });
  }

  /** Sends a meeting request and returns its answer; a refusal throws MeetingRequestError. */
  async request<M extends MeetingMethod>(method: M, data: RequestData<M>): Promise<MeetingResponses[M]> {
    if (!this.socket.connected) throw new MeetingRequestError('disconnected', 'Not connected to the server');
    const answer = (await this.socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('meeting:request', { method, data } as MeetingRequest)) as MeetingAck<M>;
    if (!answer.ok) throw new MeetingRequestError(answer.code, answer.message);
    return answer.data;
  }

  on<E extends keyof MeetingConnectionEvents>(event: E, handler: MeetingConnectionEvents[E]): () => void {
    return this.handlers.on(event, handler);
  }

  /** Closes the connection; the server lets the membership go with it. */
  close(): void {
    this.handlers.clear();
    this.socket.disconnect();
  }
}
