// socket.io on the HTTP server, authenticated by the same session cookie. Every client message is validated;
// a bad one is answered with an error and never reaches a handler.
import type { Server as HttpServer, IncomingHttpHeaders } from 'node:http';
import { Server, type Socket } from 'socket.io';
import fastifyCookie from '@fastify/cookie';
import { isSessionLive, loadSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { sessionStage } from '../auth/stage.ts';
import { markNotificationsRead } from '../commands/notifications/notificationReader.ts';
import { recordAccessDenied } from '../audit/accessDenied.ts';
import type { RequestContext } from '../audit/auditLog.ts';
import { AppError, Concealed } from '../errors.ts';
import { clientAddress } from '../http/clientAddress.ts';
import { firstIllFormedText } from '../plugins/wellFormedText.ts';
import type { Services } from '../services.ts';
import type { Redis as IORedis } from 'ioredis';
import { MemoryAttemptLimiter, type AttemptLimiter } from '../security/attemptLimiter.ts';
import { RedisAttemptLimiter } from '../scaleOut/redisAttemptLimiter.ts';
import { LimitsUnavailable } from '../scaleOut/limitsUnavailable.ts';
import { MediaError } from '../../media/errors.ts';
import {
  clientMessages,
  meetingRoom,
  type Ack,
  type ClientEvent,
  type ClientPayload,
  type ServerToClient,
} from '../../common/socket/messages.ts';
import { MEETING_QUERY, MEETING_QUERY_ID } from '../../common/socket/meetingQuery.ts';
import { meetingWatchDecision } from '../queries/meetings/meetingWatch.ts';

const SESSION_RECHECK_MS = 60_000;
/** Between instances (socket.io's Redis adapter): this instance opened a meeting's media (LiveMeetings.movedAway). */
const MEETING_OPENED = 'tongban:meeting-opened';
interface InterServer {
  [MEETING_OPENED]: (meetingId: string) => void;
}
const MAX_MESSAGE_BYTES = 64 * 1024;
const LIMIT_WINDOW_MS = 60_000;

/** Per client address: failed handshakes, and meeting passcode guesses (the join link's limit, over socket.io). */
export interface SocketLimiters {
  connect: AttemptLimiter;
  join: AttemptLimiter;
}

/** One node's limiters, on the server's clock (the default: one process). */
export function memoryLimiters(svc: Services): SocketLimiters {
  const now = () => svc.clock.now().getTime();
  return {
    connect: new MemoryAttemptLimiter(svc.config.socketConnectRateLimit, LIMIT_WINDOW_MS, now),
    join: new MemoryAttemptLimiter(svc.config.socketJoinRateLimit, LIMIT_WINDOW_MS, now),
  };
}

/**
 * The deployment's limiters when it runs as several instances (TONGBAN_REDIS_URL): the same limits and windows, counted
 * in Redis under the deployment's prefix, so an address's handshakes and passcode guesses spread over the instances
 * count against one budget.
 */
export function redisLimiters(svc: Services, redis: IORedis): SocketLimiters {
  const now = () => svc.clock.now().getTime();
  const prefix = `${svc.config.redisPrefix}:limit`;
  return {
    connect: new RedisAttemptLimiter(
      redis,
      `${prefix}:socket-connect`,
      svc.config.socketConnectRateLimit,
      LIMIT_WINDOW_MS,
      now,
    ),
    join: new RedisAttemptLimiter(redis, `${prefix}:socket-join`, svc.config.socketJoinRateLimit, LIMIT_WINDOW_MS, now),
  };
}

interface SocketData {
  userId: string;
  username: string;
  sessionId: string;
  /**
   * The meeting this connection was opened for (handshake query `meeting`), or null for the tab's ordinary connection.
   * A meeting's connection carries that meeting's signalling only: the load balancer routed it by this id to the
   * instance that holds the meeting's media (deploy/nginx/tongban.conf.template), which another meeting's media may
   * not be on.
   */
  meetingId: string | null;
}

type TongbanSocket = Socket<Record<string, never>, ServerToClient, InterServer, SocketData>;

export function attachSocketServer(
  httpServer: HttpServer,
  svc: Services,
  limiters: SocketLimiters = memoryLimiters(svc),
): Server {
  const io = new Server<Record<string, never>, ServerToClient, InterServer, SocketData>(httpServer, {
    path: '/socket.io',
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    serveClient: false,
    // /collab upgrades on the same HTTP server belong to the collab server; socket.io must leave them alone.
    destroyUpgrade: false,
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      const host = req.headers.host;
      const ok =
        !origin ||
        origin === new URL(svc.config.publicUrl).origin ||
        origin === `http://${host}` ||
        origin === `https://${host}`;
      callback(ok ? null : 'origin not allowed', ok);
    },
  });

  /** The client's address: behind the load balancer the forwarded one (server/http/clientAddress.ts). */
  const addressOf = (socket: { handshake: { address: string; headers: IncomingHttpHeaders } }) =>
    clientAddress(socket.handshake.address, socket.handshake.headers, svc.config.trustProxy);

  io.use(async (socket, next) => {
    const query = socket.handshake.query[MEETING_QUERY];
    const meetingId = typeof query === 'string' && MEETING_QUERY_ID.test(query) ? query : null;
    if (query !== undefined && meetingId === null)
      return next(
        Object.assign(new Error('invalid_meeting'), {
          data: { message: 'The meeting of this connection is not a meeting id (连接所指的会议编号无效)' },
        }),
      );
    try {
      // Every handshake takes from its address's budget before its session is looked at (so that handshakes sent all
      // at once cannot each find the budget unspent); one with a valid session gives it back.
      const address = addressOf(socket);
      if (!(await limiters.connect.take(address))) return next(new Error('rate_limited'));
      const cookies = fastifyCookie.parse(socket.handshake.headers.cookie ?? '');
      const auth = await loadSession(svc.db, cookies[SESSION_COOKIE], svc.clock.now(), svc.config);
      if (!auth) return next(new Error('unauthenticated'));
      const stage = sessionStage({
        mfaPending: auth.session.mfaPending,
        mfaEnabled: auth.mfaEnabled,
        mustChangePassword: auth.mustChangePassword,
      });
      if (stage !== 'active') return next(new Error('sign_in_incomplete'));
      await limiters.connect.giveBack(address);
      socket.data = {
        userId: auth.subject.id,
        username: auth.subject.username,
        sessionId: auth.session.id,
        meetingId,
      };
      next();
    } catch (err) {
      if (err instanceof LimitsUnavailable) {
        // Refused, not let through uncounted (limitsUnavailable.ts); the error's data carries the message and the wait.
        svc.log.warn({ err: err.cause }, 'socket handshake refused: Redis for limits unreachable');
        return next(
          Object.assign(new Error(err.code), { data: { message: err.message, retryAfter: err.retryAfterSeconds } }),
        );
      }
      svc.log.error({ err }, 'socket authentication failed');
      next(new Error('internal_error'));
    }
  });

  io.on('connection', (socket: TongbanSocket) => {
    const { userId, sessionId, meetingId } = socket.data;
    // A meeting's connection closes with its session like any other, but the user's notifications go to the tab's
    // ordinary connection only (the meeting room does not read them twice).
    void socket.join(meetingId ? [`session:${sessionId}`] : [`user:${userId}`, `session:${sessionId}`]);
    svc.log.debug({ userId, meetingId }, 'socket connected');

    socket.onAny((event: string, ...args: unknown[]) => {
      void handle(socket, event, args);
    });
    socket.on('disconnect', () => svc.liveMeetings.socketClosed(socket.id));
  });

  /** Who is acting and from where, for the audit log, as the HTTP request context says it. */
  function contextOf(socket: TongbanSocket): RequestContext {
    return {
      actor: { id: socket.data.userId, name: socket.data.username },
      ip: addressOf(socket),
      userAgent: String(socket.handshake.headers['user-agent'] ?? ''),
      at: svc.clock.now(),
      auditKey: svc.keys.audit,
    };
  }

  async function handle(socket: TongbanSocket, event: string, args: unknown[]): Promise<void> {
    const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (a: Ack) => void) : null;
    const refuse = (code: string, message: string) => {
      const answer = { ok: false as const, code, message };
      if (ack) ack(answer);
      else socket.emit('error:message', { code, message, event });
    };
    if (!(event in clientMessages)) return refuse('unknown_event', `Unknown event "${String(event).slice(0, 40)}"`);
    const illFormed = firstIllFormedText(args[0], 'payload');
    if (illFormed)
      return refuse('malformed_text', `Text at ${illFormed} is not valid Unicode (文本含有无效的 Unicode 字符)`);
    const parsed = clientMessages[event as ClientEvent].safeParse(args[0] ?? {});
    if (!parsed.success)
      return refuse(
        'invalid_message',
        parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; '),
      );
    if (socket.data.meetingId !== null && event !== 'meeting:request')
      return refuse(
        'meeting_connection',
        `This connection carries one meeting's signalling only, not "${event}" (此连接只用于一场会议的信令)`,
      );
    try {
      // Sessions can end while a socket stays open: check before acting on a message.
      const session = await svc.db.session.findUnique({ where: { id: socket.data.sessionId } });
      if (!session || !isSessionLive(session, svc.clock.now(), svc.config)) {
        socket.emit('session:ended', { reason: 'expired' });
        socket.disconnect(true);
        return;
      }
      switch (event as ClientEvent) {
        case 'notification:read': {
          const { ids } = parsed.data as ClientPayload<'notification:read'>;
          await markNotificationsRead(svc, contextOf(socket), socket.data.userId, ids);
          break;
        }
        case 'meeting:watch': {
          const { meetingId } = parsed.data as ClientPayload<'meeting:watch'>;
          const decision = await meetingWatchDecision(svc, socket.data.userId, meetingId);
          if (!decision.ok) {
            if (decision.hidden) await recordAccessDenied(svc, contextOf(socket), decision.hidden);
            return refuse('forbidden', 'You cannot follow this meeting');
          }
          await socket.join(meetingRoom(meetingId));
          break;
        }
        case 'meeting:unwatch': {
          const { meetingId } = parsed.data as ClientPayload<'meeting:unwatch'>;
          await socket.leave(meetingRoom(meetingId));
          break;
        }
        case 'meeting:request': {
          const request = parsed.data as ClientPayload<'meeting:request'>;
          // A join with a passcode is a guess at it: limited per address as the HTTP join link is, before any check.
          if (request.method === 'join' && request.data.passcode !== undefined) {
            if (!(await limiters.join.take(addressOf(socket))))
              return refuse('rate_limited', 'Too many passcode attempts from this address; try again in a minute');
          }
          const who = {
            id: socket.id,
            userId: socket.data.userId,
            username: socket.data.username,
            ip: addressOf(socket),
            userAgent: String(socket.handshake.headers['user-agent'] ?? ''),
            meetingId: socket.data.meetingId,
          };
          ack?.({
            ok: true,
            data: await svc.liveMeetings.handle(who, request),
          });
          return;
        }
      }
      ack?.({ ok: true });
    } catch (err) {
      // A refused join to a meeting one may not see answers as a missing one, and is audited like an HTTP refusal.
      if (err instanceof Concealed) await recordAccessDenied(svc, contextOf(socket), err.refusal);
      if (err instanceof AppError || err instanceof MediaError) return refuse(err.code, err.message);
      svc.log.error({ err, event, userId: socket.data.userId }, 'socket handler failed');
      refuse('internal_error', 'Internal server error');
    }
  }

  // Idle and absolute time-outs apply to open sockets too, not only to HTTP requests. Each instance re-checks only its
  // own sockets (with Redis, io.fetchSockets() would ask every instance for all of theirs, and each would then check
  // every session of the deployment); a session that ended is closed everywhere, as signing out closes it.
  const recheck = setInterval(() => {
    void (async () => {
      const sockets = await io.local.fetchSockets();
      const ids = [...new Set(sockets.map((s) => s.data.sessionId))];
      if (ids.length === 0) return;
      const live = await svc.db.session.findMany({ where: { id: { in: ids } } });
      const now = svc.clock.now();
      const ok = new Set(live.filter((s) => isSessionLive(s, now, svc.config)).map((s) => s.id));
      for (const id of ids) if (!ok.has(id)) endSessions([id], 'expired');
    })().catch((err: unknown) => svc.log.error({ err }, 'socket session recheck failed'));
  }, SESSION_RECHECK_MS);
  recheck.unref();
  io.engine.on('close', () => clearInterval(recheck));

  function endSessions(ids: string[], reason: 'signed_out' | 'expired') {
    for (const id of ids) {
      io.to(`session:${id}`).emit('session:ended', { reason });
      io.in(`session:${id}`).disconnectSockets(true);
    }
  }

  svc.notifications.attach({
    toUser: (userId, event, payload) => {
      io.to(`user:${userId}`).emit(event as keyof ServerToClient, payload as never);
    },
    closeSessions: (ids) => endSessions(ids, 'signed_out'),
    roomMembers: async (room) =>
      (await io.in(room).fetchSockets()).map((s) => ({ socketId: s.id, userId: s.data.userId })),
    toSocket: (socketId, event, payload) => {
      io.to(socketId).emit(event as keyof ServerToClient, payload as never);
    },
  });
  svc.liveMeetings.attach({
    toSocket: (socketId, n) => io.to(socketId).emit('meeting:notification', n),
    reconnect: (socketId) => io.sockets.sockets.get(socketId)?.conn.close(),
    // With Redis (shareSocketRooms) the other instances hear it through the socket.io adapter; alone, nobody does.
    announceOpened: (meetingId) => {
      if (svc.config.redisUrl) io.serverSideEmit(MEETING_OPENED, meetingId);
    },
  });
  io.on(MEETING_OPENED, (meetingId: unknown) => {
    if (typeof meetingId === 'string' && MEETING_QUERY_ID.test(meetingId)) svc.liveMeetings.movedAway(meetingId);
    else svc.log.warn({ meetingId }, 'a malformed meeting-opened message from another instance was ignored');
  });

  return io;
}
