// Helpers for online-meeting tests: schedule an online meeting through the real command, and a signed-in socket that
// speaks the meeting contract (requests with acknowledgements, notifications it can wait for).
import { EventEmitter } from 'node:events';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll } from 'vitest';
import { createMeeting } from '../../server/commands/meetings/meetingScheduler.ts';
import { loadPerson } from '../../server/queries/meetings/onlineMeeting.ts';
import type {
  JoinResult,
  MeetingAck,
  MeetingMethod,
  MeetingNotification,
  MeetingResponses,
  NotificationMethod,
  RequestData,
} from '../../media/signaling.ts';
import type { Config } from '../../server/config.ts';
import { MEETING_QUERY } from '../../common/socket/meetingQuery.ts';
import { createTestApp, signedIn, type TestApp } from './testApp.ts';

export async function userIdOf(t: TestApp, username: string): Promise<string> {
  const user = await t.app.svc.db.user.findUniqueOrThrow({ where: { username } });
  return user.id;
}

/** Schedules an online meeting starting in five minutes, organised by 赵静 (clerk). Returns its id and passcode. */
export async function scheduleOnlineMeeting(
  t: TestApp,
  input: { host: string; participants: string[]; mode?: 'online' | 'hybrid'; plenary?: boolean },
): Promise<{ meetingId: string; passcode: string; joinCode: string }> {
  const svc = t.app.svc;
  const organiser = await loadPerson(svc.db, await userIdOf(t, 'zhaojing'));
  if (!organiser) throw new Error('no organiser');
  const now = t.clock.now();
  const ctx = {
    actor: { id: organiser.subject.id, name: organiser.subject.username },
    ip: '127.0.0.1',
    userAgent: 'test',
    at: now,
    auditKey: svc.keys.audit,
  };
  const outcome = await createMeeting(
    svc,
    ctx,
    organiser.subject,
    {
      title: '线上专题会议',
      type: 'zhuanti',
      customType: null,
      description: '',
      hostId: await userIdOf(t, input.host),
      minuteTakerId: null,
      startAt: new Date(now.getTime() + 5 * 60_000),
      endAt: new Date(now.getTime() + 65 * 60_000),
      timeZone: 'Asia/Shanghai',
      mode: input.mode ?? 'online',
      plenary: input.plenary ?? false,
      roomId: null,
      classification: 1,
      agenda: [],
      invitation: {
        users: await Promise.all(
          input.participants.map(async (p) => ({ userId: await userIdOf(t, p), role: 'attendee' as const })),
        ),
        units: [],
      },
      reminderMinutes: null,
    },
    { schedule: true, acceptClashes: true },
  );
  const row = await svc.db.meeting.findUniqueOrThrow({ where: { id: outcome.id }, select: { joinCode: true } });
  if (!outcome.passcode || !row.joinCode) throw new Error('an online meeting has a passcode');
  return { meetingId: outcome.id, passcode: outcome.passcode, joinCode: row.joinCode };
}

/** A browser-like participant: signed in over HTTP, then talking to the meeting over socket.io. */
export class MeetingSocket {
  readonly notifications: MeetingNotification[] = [];
  private readonly events = new EventEmitter();

  private constructor(
    readonly socket: Socket,
    readonly userId: string,
  ) {
    socket.on('meeting:notification', (n: MeetingNotification) => {
      this.notifications.push(n);
      this.events.emit(n.method, n);
    });
  }

  /** `meeting`: the connection is opened for that meeting (the handshake query the meeting room sends). */
  static async connect(t: TestApp, url: string, username: string, meeting?: string): Promise<MeetingSocket> {
    const client = await signedIn(t, username);
    const socket = connect(url, {
      transports: ['websocket'],
      extraHeaders: { cookie: client.cookie },
      reconnection: false,
      ...(meeting === undefined ? {} : { query: { [MEETING_QUERY]: meeting } }),
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return new MeetingSocket(socket, await userIdOf(t, username));
  }

  /** Sends a request and returns the whole acknowledgement (ok or refusal). */
  ask<M extends MeetingMethod>(method: M, data: RequestData<M>): Promise<MeetingAck<M>> {
    return this.socket.timeout(10_000).emitWithAck('meeting:request', { method, data }) as Promise<MeetingAck<M>>;
  }

  /** Sends a request and returns its data, failing on a refusal. */
  async request<M extends MeetingMethod>(method: M, data: RequestData<M>): Promise<MeetingResponses[M]> {
    const ack = await this.ask(method, data);
    if (!ack.ok) throw new Error(`${method} refused: ${ack.code} ${ack.message}`);
    return ack.data;
  }

  /** Resolves with the next notification of this kind that matches. */
  next<N extends NotificationMethod>(
    method: N,
    match: (n: Extract<MeetingNotification, { method: N }>) => boolean = () => true,
  ): Promise<Extract<MeetingNotification, { method: N }>> {
    return new Promise((resolve) => {
      const listener = (n: Extract<MeetingNotification, { method: N }>) => {
        if (!match(n)) return;
        this.events.off(method, listener);
        resolve(n);
      };
      this.events.on(method, listener);
    });
  }

  close(): void {
    this.socket.close();
  }
}

/**
 * A test file's app with real mediasoup workers on loopback, listening for sockets: created before the file's tests,
 * closed after them with every socket `as` opened. `config` adds to (or overrides) the loopback media settings.
 */
export function useOnlineMeetingApp(config: Partial<Config> = {}): {
  readonly t: TestApp;
  readonly url: string;
  /** A signed-in socket; with `meeting`, opened for that meeting's signalling only. */
  as(username: string, meeting?: string): Promise<MeetingSocket>;
} {
  let app: TestApp | null = null;
  let url = '';
  const sockets: MeetingSocket[] = [];
  beforeAll(async () => {
    app = await createTestApp({
      config: { mediaPort: 0, mediaWorkers: 1, mediaListenIp: '127.0.0.1', mediaAnnouncedIp: '127.0.0.1', ...config },
    });
    url = await app.listen();
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await app?.close();
  });
  const started = (): TestApp => {
    if (!app) throw new Error('useOnlineMeetingApp: the app starts in beforeAll');
    return app;
  };
  return {
    get t() {
      return started();
    },
    get url() {
      return url;
    },
    async as(username, meeting) {
      const s = await MeetingSocket.connect(started(), url, username, meeting);
      sockets.push(s);
      return s;
    },
  };
}

/** The join's answer when it let the person in (any other outcome fails the test). */
export function joined(result: JoinResult): Extract<JoinResult, { status: 'joined' }> {
  if (result.status !== 'joined') throw new Error(`expected to join, got ${result.status}`);
  return result;
}
