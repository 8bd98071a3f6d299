// Limits while Redis is away (issue #20): with several instances the per-route limits and socket.io's handshake limit
// are counted only in Redis, so while it cannot be reached the limited routes answer 503 with Retry-After and a
// message in both languages (server/scaleOut/limitsUnavailable.ts says why), every other route answers as usual, and
// the limits count again once Redis is back, without a restart. The app reaches Redis through a relay the test cuts
// (tests/support/redisRelay.ts); runs when TONGBAN_TEST_REDIS_URL is set.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REDIS_SKIPPED, TEST_REDIS_URL, testRedisPrefix } from '../support/redis.ts';
import { RedisRelay } from '../support/redisRelay.ts';
import { handshake } from '../support/sockets.ts';
import { createTestApp, signedIn, type TestApp, type TestClient } from '../support/testApp.ts';

const at = new Date('2026-11-18T09:00:00+08:00');
/** Long enough for the limits connection to reconnect (it tries at least every second), on a loaded machine. */
const RECONNECT_WAIT = { timeout: 15_000, interval: 200 };

describe.skipIf(!TEST_REDIS_URL)(`limits while Redis is away${TEST_REDIS_URL ? '' : ` (${REDIS_SKIPPED})`}`, () => {
  let t: TestApp;
  let relay: RedisRelay;
  let url: string;
  let person: TestClient;
  let leaving: TestClient;

  const signIn = (address: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'no-such-person', password: 'wrong-password-1' },
      remoteAddress: address,
    });

  beforeAll(async () => {
    relay = await RedisRelay.start(TEST_REDIS_URL!);
    t = await createTestApp({
      clockAt: at,
      config: { redisUrl: relay.url, redisPrefix: testRedisPrefix(), authRateLimit: 3 },
    });
    url = await t.listen();
    person = await signedIn(t, 'zhangwei');
    leaving = await signedIn(t, 'matao');
  });
  afterAll(async () => {
    await relay?.restore();
    await t?.close();
    await relay?.close();
  });

  it('answers the limited routes 503 in both languages, the others as usual, and limits again once Redis is back', async () => {
    await relay.cut();

    const refused = await signIn('10.40.0.1');
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    const body = refused.json() as { code: string; message: string };
    expect(body.code).toBe('limits_unavailable');
    expect(body.message).toContain('Try again in a few seconds');
    expect(body.message).toContain('请稍后几秒再试');
    // A socket.io handshake is refused the same way, not let through uncounted.
    expect(await handshake(url, person.cookie)).toBe('limits_unavailable');
    // Routes without a limit do not need Redis.
    expect((await person.get('/api/auth/session')).statusCode).toBe(200);
    expect((await person.get('/api/meetings')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    // Signing out tells the other instances through Redis too; that message is lost, the sign-out still succeeds.
    expect((await leaving.post('/api/auth/sign-out')).statusCode).toBe(200);

    await relay.restore();
    await vi.waitFor(async () => expect((await signIn('10.40.0.2')).statusCode).toBe(401), RECONNECT_WAIT);
    // Counted again: a fresh address gets its three attempts, then 429.
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await signIn('10.40.0.3')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(await handshake(url, person.cookie)).toBe('connected');
  });
});
