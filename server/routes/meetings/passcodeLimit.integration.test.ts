// Guess limits on meeting passcodes under concurrency: wrong passcodes sent all at once count one by one, so at most
// the limit are checked and the right passcode is then refused too; over socket.io, passcode guesses are also limited
// per client address, as the HTTP join link is (issue #14).
import { afterEach, describe, expect, it } from 'vitest';
import { PASSCODE_MAX_FAILURES, PASSCODE_WINDOW_MS } from '../../commands/meetings/meetingOnlineAccess.ts';
import { MeetingSocket, scheduleOnlineMeeting } from '../../../tests/support/onlineMeeting.ts';
import { handshake } from '../../../tests/support/sockets.ts';
import { createTestApp, signedIn, type TestApp } from '../../../tests/support/testApp.ts';

let t: TestApp | null = null;
const sockets: MeetingSocket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await t?.close();
  t = null;
});

const codeOf = (res: { body: string }) => (JSON.parse(res.body) as { code?: string }).code;

describe('meeting passcode guesses', () => {
  it('checks at most the limit of twenty parallel wrong passcodes, then refuses the right one too (HTTP)', async () => {
    t = await createTestApp({ clockAt: new Date('2026-11-18T09:00:00+08:00') });
    const app = t;
    const { meetingId, passcode, joinCode } = await scheduleOnlineMeeting(app, {
      host: 'wanglei',
      participants: ['zhangwei'],
    });
    const outsider = await signedIn(app, 'matao');
    const wrong = passcode === '000000' ? '111111' : '000000';
    // Each from its own address, so that the join link's per-address limit does not hide the per-person one.
    const guess = (code: string, i: number) =>
      app.app.inject({
        method: 'POST',
        url: `/api/meetings/join/${joinCode}`,
        headers: { cookie: outsider.cookie, 'x-csrf-token': outsider.csrf },
        payload: { passcode: code },
        remoteAddress: `10.20.0.${i + 1}`,
      });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => guess(wrong, i)));
    const codes = answers.map(codeOf);
    expect(codes.filter((c) => c === 'wrong_passcode')).toHaveLength(PASSCODE_MAX_FAILURES);
    expect(codes.filter((c) => c === 'passcode_attempts')).toHaveLength(20 - PASSCODE_MAX_FAILURES);
    const right = await guess(passcode, 100);
    expect([right.statusCode, codeOf(right)]).toEqual([429, 'passcode_attempts']);
    const audited = await app.app.svc.db.auditEvent.findMany({
      where: { action: 'meeting.passcode_check', resourceId: meetingId },
    });
    expect(audited.filter((e) => e.detail.includes('wrong_passcode'))).toHaveLength(PASSCODE_MAX_FAILURES);
    expect(audited.filter((e) => e.outcome === 'success')).toHaveLength(0);
    // After the window the person may try again.
    app.clock.advance(PASSCODE_WINDOW_MS + 1_000);
    const later = await signedIn(app, 'matao');
    const again = await later.post(`/api/meetings/join/${joinCode}`, { passcode });
    expect(again.json()).toMatchObject({ meetingId, result: 'lobby' });
  });

  it('checks at most the limit of twenty parallel wrong passcodes from one person over socket.io', async () => {
    t = await createTestApp({ clockAt: new Date('2026-11-18T09:00:00+08:00') });
    const url = await t.listen();
    const { meetingId, passcode } = await scheduleOnlineMeeting(t, { host: 'wanglei', participants: ['zhangwei'] });
    const wrong = passcode === '000000' ? '111111' : '000000';
    const guesser = await MeetingSocket.connect(t, url, 'matao');
    sockets.push(guesser);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => guesser.ask('join', { meetingId, passcode: wrong })),
    );
    const codes = answers.map((a) => (a.ok ? 'ok' : a.code));
    expect(codes.filter((c) => c === 'wrong_passcode').length).toBeLessThanOrEqual(PASSCODE_MAX_FAILURES);
    expect(codes).not.toContain('ok');
    const right = await guesser.ask('join', { meetingId, passcode });
    expect(right.ok ? 'ok' : right.code).toMatch(/^(passcode_attempts|rate_limited)$/);
  });

  it('limits passcode guesses per client address on socket.io, across people', async () => {
    t = await createTestApp({
      clockAt: new Date('2026-11-18T09:00:00+08:00'),
      config: { socketJoinRateLimit: 8 },
    });
    const url = await t.listen();
    const { meetingId, passcode } = await scheduleOnlineMeeting(t, { host: 'wanglei', participants: ['zhangwei'] });
    const wrong = passcode === '000000' ? '111111' : '000000';
    const people = ['matao', 'hejun', 'xuyan', 'zhengkai'];
    for (const username of people) sockets.push(await MeetingSocket.connect(t, url, username));
    // Four people, three guesses each, all at once: within any one person's limit, beyond the address's.
    const answers = await Promise.all(
      sockets.flatMap((s) => Array.from({ length: 3 }, () => s.ask('join', { meetingId, passcode: wrong }))),
    );
    const codes = answers.map((a) => (a.ok ? 'ok' : a.code));
    expect(codes.filter((c) => c === 'wrong_passcode')).toHaveLength(8);
    expect(codes.filter((c) => c === 'rate_limited')).toHaveLength(4);
    // Joining without a passcode (a participant, straight in) is not a guess and is never limited.
    const participant = await MeetingSocket.connect(t, url, 'zhangwei');
    sockets.push(participant);
    expect((await participant.ask('join', { meetingId })).ok).toBe(true);
    // The window passes: guesses from the address are checked again.
    t.clock.advance(60_000);
    const next = await sockets[3]!.ask('join', { meetingId, passcode });
    expect(next.ok).toBe(true);
  });

  it('limits failed socket.io handshakes per client address', async () => {
    t = await createTestApp({
      clockAt: new Date('2026-11-18T09:00:00+08:00'),
      config: { socketConnectRateLimit: 5 },
    });
    const url = await t.listen();
    const attempt = (cookie: string) => handshake(url, cookie);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(`tb_session=forged-${i}`)));
    expect(answers.filter((a) => a === 'unauthenticated')).toHaveLength(5);
    expect(answers.filter((a) => a === 'rate_limited')).toHaveLength(7);
    // A real session from that address is refused until the window passes, then connects.
    const person = await signedIn(t, 'matao');
    expect(await attempt(person.cookie)).toBe('rate_limited');
    t.clock.advance(60_000);
    expect(await attempt(person.cookie)).toBe('connected');
  });
  it('behind the load balancer (trusted proxy), counts failed handshakes per forwarded client address', async () => {
    t = await createTestApp({
      clockAt: new Date('2026-11-18T09:00:00+08:00'),
      config: { socketConnectRateLimit: 3, trustProxy: true },
    });
    const url = await t.listen();
    // Every connection comes from 127.0.0.1, as from nginx; the forwarded address is the client's.
    const attempt = (cookie: string, client: string) => handshake(url, cookie, { 'x-forwarded-for': client });
    const forged = await Promise.all(
      Array.from({ length: 6 }, (_, i) => attempt(`tb_session=forged-${i}`, '203.0.113.7')),
    );
    expect(forged.filter((a) => a === 'unauthenticated')).toHaveLength(3);
    expect(forged.filter((a) => a === 'rate_limited')).toHaveLength(3);
    // Another office's browser behind the same proxy keeps its own budget and connects.
    const person = await signedIn(t, 'matao');
    expect(await attempt(person.cookie, '198.51.100.20')).toBe('connected');
    expect(await attempt(person.cookie, '203.0.113.7')).toBe('rate_limited');
  });
});
