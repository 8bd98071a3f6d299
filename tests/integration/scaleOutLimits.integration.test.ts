// Limits across instances (issue #20): a client whose requests the load balancer spreads over two instances gets the
// budget of one. The sign-in rate limit (@fastify/rate-limit's Redis store), socket.io's handshake and passcode-guess
// limits (server/scaleOut/redisAttemptLimiter.ts) count in Redis under the deployment's prefix; the lockout counter
// lives in the database, and failed sign-ins on two instances at once count one by one. The Redis tests run when
// TONGBAN_TEST_REDIS_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeetingSocket, scheduleOnlineMeeting } from '../support/onlineMeeting.ts';
import { REDIS_SKIPPED, TEST_REDIS_URL, testRedisPrefix } from '../support/redis.ts';
import { handshake } from '../support/sockets.ts';
import { secondInstance, type Instance } from '../support/secondInstance.ts';
import { createTestApp, DEMO_PASSWORD, signedIn, TestClient, type TestApp } from '../support/testApp.ts';
import { redisConnection } from '../../server/scaleOut/redis.ts';

const at = new Date('2026-11-18T09:00:00+08:00');

describe.skipIf(!TEST_REDIS_URL)(`limits across two instances${TEST_REDIS_URL ? '' : ` (${REDIS_SKIPPED})`}`, () => {
  let a: TestApp;
  let b: Instance;
  let urlA: string;
  let urlB: string;
  const prefix = testRedisPrefix();
  const limits = { authRateLimit: 6, socketConnectRateLimit: 5, socketJoinRateLimit: 8 };
  const sockets: MeetingSocket[] = [];

  beforeAll(async () => {
    a = await createTestApp({ clockAt: at, config: { redisUrl: TEST_REDIS_URL, redisPrefix: prefix, ...limits } });
    b = await secondInstance(a, limits);
    urlA = await a.listen();
    urlB = await b.listen();
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await b?.close();
    await a?.close();
  });

  it('answers exactly the limit of ten parallel sign-ins from one address spread over two instances', async () => {
    const signIn = (i: number, address: string) =>
      (i % 2 ? a.app : b.app).inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { username: 'no-such-person', password: `wrong-password-${i}` },
        remoteAddress: address,
      });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => signIn(i, '10.30.0.1')));
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
    expect(statuses.filter((s) => s !== 429)).toEqual(Array(6).fill(401));
    expect(answers.find((r) => r.statusCode === 429)!.json()).toMatchObject({ code: 'rate_limited' });
    // Another address has a budget of its own, on either instance.
    expect((await signIn(1, '10.30.0.2')).statusCode).toBe(401);
    expect((await signIn(0, '10.30.0.2')).statusCode).toBe(401);
    // The count is the deployment's, under its prefix.
    const redis = redisConnection(TEST_REDIS_URL!, 'limits-test', console);
    try {
      expect(await redis.keys(`${prefix}:rate-limit:*`)).not.toHaveLength(0);
    } finally {
      await redis.quit();
    }
  });

  it('refuses passcode guesses beyond the limit per address, whichever instance the sockets connected to', async () => {
    const { meetingId, passcode } = await scheduleOnlineMeeting(a, { host: 'wanglei', participants: ['zhangwei'] });
    const wrong = passcode === '000000' ? '111111' : '000000';
    const people = ['matao', 'hejun', 'xuyan', 'zhengkai'];
    const guessers: MeetingSocket[] = [];
    for (const [i, username] of people.entries())
      guessers.push(await MeetingSocket.connect(a, i % 2 ? urlA : urlB, username, meetingId));
    sockets.push(...guessers);
    // Four people, three guesses each, all at once, half of them on each instance: beyond the address's limit of 8.
    const answers = await Promise.all(
      guessers.flatMap((s) => Array.from({ length: 3 }, () => s.ask('join', { meetingId, passcode: wrong }))),
    );
    const codes = answers.map((r) => (r.ok ? 'ok' : r.code));
    expect(codes.filter((c) => c === 'rate_limited')).toHaveLength(4);
    expect(codes.filter((c) => c === 'wrong_passcode')).toHaveLength(8);
  });

  it('refuses handshakes beyond the limit per address, counted on both instances, until the window passes', async () => {
    const attempt = (url: string, cookie: string) => handshake(url, cookie);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt(i % 2 ? urlA : urlB, `tb_session=forged-${i}`)),
    );
    expect(answers.filter((r) => r === 'unauthenticated')).toHaveLength(5);
    expect(answers.filter((r) => r === 'rate_limited')).toHaveLength(7);
    // A real session from that address is refused by both until the window passes (on the clock they share).
    const person = await signedIn(a, 'matao');
    expect(await attempt(urlA, person.cookie)).toBe('rate_limited');
    expect(await attempt(urlB, person.cookie)).toBe('rate_limited');
    a.clock.advance(60_000);
    expect(await attempt(urlB, person.cookie)).toBe('connected');
    expect(await attempt(urlA, person.cookie)).toBe('connected');
  });
});

// The lockout counter is in the database the instances share; no Redis needed.
describe('lockout across two instances', () => {
  let a: TestApp;
  let b: Instance;

  beforeAll(async () => {
    a = await createTestApp({ clockAt: at, config: { authRateLimit: 1000, lockoutThreshold: 5 } });
    b = await secondInstance(a, { lockoutThreshold: 5 });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('counts ten parallel wrong passwords on two instances one by one and locks the account once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => new TestClient(i % 2 ? a.app : b.app).signIn('hejun', 'wrong-password-1')),
    );
    expect(answers.map((r) => r.statusCode)).toEqual(Array(10).fill(401));
    const user = await a.app.svc.db.user.findUniqueOrThrow({ where: { username: 'hejun' } });
    expect(user.lockedUntil).not.toBeNull();
    expect(user.failedAttempts).toBe(5);
    expect((await new TestClient(b.app).signIn('hejun', DEMO_PASSWORD)).statusCode).toBe(401);
    expect(await a.app.svc.db.auditEvent.count({ where: { action: 'auth.lockout', resourceId: user.id } })).toBe(1);
    const reasons = (
      await a.app.svc.db.auditEvent.findMany({ where: { action: 'auth.sign_in', resourceId: user.id } })
    ).map((e) => (JSON.parse(e.detail) as { reason?: string }).reason);
    expect(reasons.filter((r) => r === 'wrong_password')).toHaveLength(5);
    expect(reasons.filter((r) => r === 'locked')).toHaveLength(6);
  });
});
