// Sign-in, lockout, second factor, sessions and CSRF against a real app and database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpAt } from '../../domain/totp.ts';
import { createTestApp, DEMO_PASSWORD, TestClient, type TestApp } from '../../../tests/support/testApp.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('password sign-in', () => {
  it('signs a staff user in, shows the session, and signs out', async () => {
    const c = new TestClient(t.app);
    const res = await c.signIn('zhangwei');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'active' });
    const cookie = res.cookies.find((k) => k.name === 'tb_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const session = (await c.get('/api/auth/session')).json();
    expect(session.user).toMatchObject({ username: 'zhangwei', displayName: '张伟', roles: ['staff'] });
    expect((await c.post('/api/auth/sign-out')).statusCode).toBe(200);
    const stale = new TestClient(t.app);
    stale.cookie = cookie.value ? `tb_session=${cookie.value}` : '';
    expect((await stale.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const c = new TestClient(t.app);
    const wrong = await c.signIn('hejun', 'Wrong#Password1');
    const unknown = await c.signIn('nobody', 'Wrong#Password1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe(unknown.json().code);
  });

  it('locks after five failures; the sixth attempt fails even with the right password until 30 minutes pass', async () => {
    const c = new TestClient(t.app);
    const unknown = await c.signIn('nobody', 'Wrong#Pass5x');
    for (let i = 1; i <= 4; i++) expect((await c.signIn('matao', `Wrong#Pass${i}x`)).statusCode).toBe(401);
    // Locking and locked answer exactly as an unknown name does: nobody learns that the account exists or is locked.
    const fifth = await c.signIn('matao', 'Wrong#Pass5x');
    expect([fifth.statusCode, fifth.json()]).toEqual([401, unknown.json()]);
    const sixth = await c.signIn('matao', DEMO_PASSWORD);
    expect([sixth.statusCode, sixth.json()]).toEqual([401, unknown.json()]);
    t.clock.advance(29 * 60_000);
    expect((await c.signIn('matao', DEMO_PASSWORD)).statusCode).toBe(401);
    t.clock.advance(60_000);
    const after = await c.signIn('matao', DEMO_PASSWORD);
    expect(after.statusCode).toBe(200);
    expect(after.json().stage).toBe('active');
    // The person learns of the lockout from their own notifications, once signed in.
    const notices = (await c.get('/api/notifications')).json() as { items: Array<{ kind: string }> };
    expect(notices.items.map((n) => n.kind)).toContain('account.locked');
    const events = await t.app.svc.db.auditEvent.findMany({
      where: { actorName: 'matao', action: { in: ['auth.sign_in', 'auth.lockout'] } },
    });
    expect(events.filter((e) => e.outcome === 'failure').length).toBeGreaterThanOrEqual(7);
    expect(events.some((e) => e.action === 'auth.lockout')).toBe(true);
  });
});

describe('second factor', () => {
  it('forces a leader to enrol, then requires a fresh TOTP code at each sign-in and refuses replays', async () => {
    const c = new TestClient(t.app);
    expect((await c.signIn('yangfan')).json().stage).toBe('mfa_enrolment');
    expect((await c.get('/api/users')).statusCode).toBe(403);
    const enrol = (await c.post('/api/me/mfa/enrolment')).json();
    expect(enrol.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrol.otpauthUri).toContain(`secret=${enrol.secret}`);
    expect((await c.post('/api/me/mfa/enrolment/confirm', { code: '000000' })).statusCode).toBe(401);
    // The code that confirmed the enrolment, replayed below: the same code whether or not the clock, which runs on in
    // real time, has since crossed into the next 30-second step (a replay is refused either way).
    const used = totpAt(enrol.secret, t.clock.now());
    const confirmed = await c.post('/api/me/mfa/enrolment/confirm', { code: used });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().recoveryCodes).toHaveLength(10);
    expect((await c.get('/api/users')).statusCode).toBe(200);
    const recovery: string[] = confirmed.json().recoveryCodes;

    const again = new TestClient(t.app);
    expect((await again.signIn('yangfan')).json().stage).toBe('mfa');
    expect((await again.get('/api/users')).statusCode).toBe(403);
    expect((await again.post('/api/auth/mfa', { code: used })).statusCode).toBe(401); // the enrolment's code: a replay
    t.clock.advance(31_000);
    const code = totpAt(enrol.secret, t.clock.now());
    expect((await again.post('/api/auth/mfa', { code })).json().stage).toBe('active');
    expect((await again.get('/api/users')).statusCode).toBe(200);

    const replay = new TestClient(t.app);
    await replay.signIn('yangfan');
    expect((await replay.post('/api/auth/mfa', { code })).statusCode).toBe(401);
    expect((await replay.post('/api/auth/mfa', { code: recovery[0]! })).json().stage).toBe('active');
    const reuse = new TestClient(t.app);
    await reuse.signIn('yangfan');
    expect((await reuse.post('/api/auth/mfa', { code: recovery[0]! })).statusCode).toBe(401);
  });

  it('issues a new session token once the second factor is proven', async () => {
    const c = new TestClient(t.app);
    expect((await c.signIn('guomin')).json().stage).toBe('mfa_enrolment');
    const before = c.cookie;
    const enrol = (await c.post('/api/me/mfa/enrolment')).json();
    expect(
      (await c.post('/api/me/mfa/enrolment/confirm', { code: totpAt(enrol.secret, t.clock.now()) })).statusCode,
    ).toBe(200);
    expect(c.cookie).not.toBe(before);
    const old = new TestClient(t.app);
    old.cookie = before;
    expect((await old.get('/api/auth/session')).statusCode).toBe(401);
  });
});

describe('sessions', () => {
  it('ends after 30 idle minutes and after the absolute limit however active', async () => {
    const idle = new TestClient(t.app);
    await idle.signIn('xuyan');
    t.clock.advance(29 * 60_000);
    expect((await idle.get('/api/auth/session')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    expect((await idle.get('/api/auth/session')).statusCode).toBe(401);

    const busy = new TestClient(t.app);
    await busy.signIn('xuyan');
    // Active every 15 minutes: never idle, yet the session ends 12 hours after sign-in.
    for (let quarter = 1; quarter < 48; quarter++) {
      t.clock.advance(15 * 60_000);
      expect((await busy.get('/api/auth/session')).statusCode).toBe(200);
    }
    t.clock.advance(15 * 60_000);
    expect((await busy.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('signs out everywhere', async () => {
    const a = new TestClient(t.app);
    const b = new TestClient(t.app);
    await a.signIn('zhengkai');
    await b.signIn('zhengkai');
    expect((await a.post('/api/auth/sign-out-everywhere')).statusCode).toBe(200);
    expect((await b.get('/api/auth/session')).statusCode).toBe(401);
  });
});

describe('CSRF and origin checks', () => {
  it('refuses a state change without the CSRF token or from another origin', async () => {
    const c = new TestClient(t.app);
    await c.signIn('zhangwei');
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/read',
      headers: { cookie: c.cookie },
      payload: {},
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('csrf');
    const foreign = await c.request('POST', '/api/notifications/read', {}, { origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('bad_origin');
    expect((await c.post('/api/notifications/read', {})).statusCode).toBe(200);
  });
});

describe('passwords', () => {
  it('enforces the policy and forbids reusing any of the last five', async () => {
    const c = new TestClient(t.app);
    await c.signIn('hejun');
    const weak = await c.post('/api/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('weak_password');
    const same = await c.post('/api/me/password', { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD });
    expect(same.json().code).toBe('password_reused');
    let current = DEMO_PASSWORD;
    for (let i = 1; i <= 5; i++) {
      const next = `Rotate#Pass${i}word`;
      expect((await c.post('/api/me/password', { currentPassword: current, newPassword: next })).statusCode).toBe(200);
      current = next;
    }
    // The original is now six passwords back and may be used again; the last five may not.
    expect(
      (await c.post('/api/me/password', { currentPassword: current, newPassword: 'Rotate#Pass2word' })).json().code,
    ).toBe('password_reused');
    expect(
      (await c.post('/api/me/password', { currentPassword: current, newPassword: DEMO_PASSWORD })).statusCode,
    ).toBe(200);
  });
});

describe('bad input', () => {
  it('rejects unknown fields, wrong types, malformed JSON and oversized bodies with clear errors', async () => {
    const c = new TestClient(t.app);
    const extra = await c.post('/api/auth/sign-in', { username: 'zhangwei', password: DEMO_PASSWORD, admin: true });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().code).toBe('invalid_request');
    expect(extra.json().message).toMatch(/admin|Unrecognized/i);
    const wrongType = await c.post('/api/auth/sign-in', { username: 42, password: DEMO_PASSWORD });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().details.issues[0].path).toContain('username');
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(malformed.statusCode).toBe(400);
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x', password: 'y'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    await c.signIn('zhangwei');
    expect((await c.get('/api/no-such-route')).statusCode).toBe(404);
  });
});
