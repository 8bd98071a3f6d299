// socket.io: session authentication, live notifications, validation of client messages, session end.
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp, type TestClient } from '../../tests/support/testApp.ts';
import { inTransaction } from '../db/transaction.ts';
import { notice } from '../notifications/notificationHub.ts';

let t: TestApp;
let url: string;
beforeAll(async () => {
  t = await createTestApp();
  url = await t.listen();
});
afterAll(async () => t.close());

function once<T>(socket: Socket, event: string): Promise<T> {
  return new Promise((resolve) => socket.once(event, (payload: T) => resolve(payload)));
}

async function connectAs(username: string): Promise<{ socket: Socket; client: TestClient; userId: string }> {
  const client = await signedIn(t, username);
  const userId = (await client.get('/api/auth/session')).json().user.id as string;
  const socket = connect(url, {
    transports: ['websocket'],
    extraHeaders: { cookie: client.cookie },
    reconnection: false,
  });
  await once(socket, 'connect');
  return { socket, client, userId };
}

describe('socket.io', () => {
  it('refuses a connection without a session', async () => {
    const socket = connect(url, { transports: ['websocket'], reconnection: false });
    const err = await once<Error>(socket, 'connect_error');
    expect(err.message).toBe('unauthenticated');
    socket.close();
  });

  it('pushes a new notification and the unread count live', async () => {
    const { socket, client, userId } = await connectAs('zhangwei');
    const arrived = once<{ kind: string; params: unknown; title: string }>(socket, 'notification:new');
    const counted = once<{ unread: number }>(socket, 'notification:count');
    const created = await inTransaction(t.app.svc, (tx) =>
      t.app.svc.notifications.create(
        tx,
        [notice(userId, 'account.clearance_changed', {}, '/settings', { kind: 'account', userId })],
        t.clock.now(),
      ),
    );
    await t.app.svc.notifications.publish(created);
    expect(await arrived).toMatchObject({
      kind: 'account.clearance_changed',
      params: {},
      title: '您的密级已调整',
    });
    expect((await counted).unread).toBe(1);
    const list = (await client.get('/api/notifications')).json();
    expect(list.unread).toBe(1);
    const ack = await socket.emitWithAck('notification:read', { ids: [created[0]!.id] });
    expect(ack).toEqual({ ok: true });
    expect((await client.get('/api/notifications')).json().unread).toBe(0);
    socket.close();
  });

  it('answers malformed and unknown messages with an error and keeps serving', async () => {
    const { socket } = await connectAs('hejun');
    expect(await socket.emitWithAck('notification:read', { ids: 'not-an-array' })).toMatchObject({
      ok: false,
      code: 'invalid_message',
    });
    expect(await socket.emitWithAck('notification:read', { ids: ['a'], extra: 1 })).toMatchObject({
      ok: false,
      code: 'invalid_message',
    });
    expect(await socket.emitWithAck('admin:everything', {})).toMatchObject({ ok: false, code: 'unknown_event' });
    // A lone UTF-16 surrogate survives JSON on the wire; it is refused before any handler sees it.
    expect(await socket.emitWithAck('meeting:watch', { meetingId: 'x\ud800' })).toMatchObject({
      ok: false,
      code: 'malformed_text',
      message: expect.stringContaining('payload.meetingId'),
    });
    const error = once<{ code: string }>(socket, 'error:message');
    socket.emit('notification:read', 42);
    expect((await error).code).toBe('invalid_message');
    socket.emit('notification:read', null);
    socket.emit('notification:read', { ids: ['x'.repeat(70)] });
    // Random garbage of various shapes: none of it may take the server down.
    for (let i = 0; i < 200; i++) {
      const junk = [
        undefined,
        null,
        i,
        'x'.repeat(i),
        [i, {}],
        { ids: [i] },
        { ids: Array.from({ length: 600 }, String) },
      ][i % 7];
      socket.emit(i % 3 === 0 ? 'notification:read' : `junk:${i}`, junk);
    }
    expect(await socket.emitWithAck('notification:read', {})).toEqual({ ok: true });
    expect(socket.connected).toBe(true);
    socket.close();
  });

  it('ends the socket when its session is signed out everywhere', async () => {
    const { socket, client } = await connectAs('xuyan');
    const ended = once<{ reason: string }>(socket, 'session:ended');
    const gone = once<string>(socket, 'disconnect');
    await client.post('/api/auth/sign-out-everywhere');
    expect((await ended).reason).toBe('signed_out');
    await gone;
  });
});
