// 三员分立 between the administrators themselves, and a password reset no administrator can turn into a sign-in as
// the user: the system administrator requests it and holds one half of a one-time code, the security administrator
// approves it and holds the other, and only the user, handed both, sets a new password.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignRoles } from '../../commands/accounts/roleAssigner.ts';
import {
  createTestApp,
  DEMO_PASSWORD,
  signedIn,
  signedInWithMfa,
  TestClient,
  type TestApp,
} from '../../../tests/support/testApp.ts';

const CLOCK_AT = new Date('2026-03-16T09:00:00+08:00');
const NEW_PASSWORD = 'Zhang#Wei2026new';

let t: TestApp;
let sys: TestClient;
let sec: TestClient;
let aud: TestClient;
const ids: Record<string, string> = {};

beforeEach(async () => {
  t = await createTestApp({ clockAt: CLOCK_AT });
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  sys = await signedInWithMfa(t, 'sysadmin');
  sec = await signedInWithMfa(t, 'secadmin');
  aud = await signedInWithMfa(t, 'auditadmin');
});
afterEach(async () => {
  await t.close();
});

async function auditActions(resourceId: string): Promise<string[]> {
  const events = await t.app.svc.db.auditEvent.findMany({ where: { resourceId }, orderBy: { seq: 'asc' } });
  return events.map((e) => `${e.actorName} ${e.action} ${e.outcome}`);
}

/** The user's side of a reset: the sign-in page's "set a new password with a reset code". */
function completeReset(username: string, firstCode: string, secondCode: string, newPassword = NEW_PASSWORD) {
  return new TestClient(t.app).post('/api/auth/password-reset', { username, firstCode, secondCode, newPassword });
}

describe('administrators and one another’s accounts', () => {
  it('refuses every administrator action on an administrator account, their own included, audited', async () => {
    const attempts: Array<[TestClient, 'POST' | 'PUT' | 'PATCH', string, unknown?]> = [
      [sys, 'PATCH', `/api/users/${ids.auditadmin}`, { disabled: true }],
      [sys, 'PATCH', `/api/users/${ids.secadmin}`, { displayName: '某人' }],
      [sys, 'PATCH', `/api/users/${ids.sysadmin}`, { disabled: true }],
      [sys, 'POST', `/api/users/${ids.secadmin}/password-reset`],
      [sys, 'POST', `/api/users/${ids.sysadmin}/password-reset`],
      [sec, 'PUT', `/api/users/${ids.sysadmin}/roles`, { roles: ['staff'] }],
      [sec, 'PUT', `/api/users/${ids.secadmin}/roles`, { roles: ['system_admin'] }],
      [sec, 'PUT', `/api/users/${ids.auditadmin}/clearance`, { clearance: 'public' }],
      [sec, 'POST', `/api/users/${ids.sysadmin}/unlock`],
      [sec, 'POST', `/api/users/${ids.auditadmin}/reset-mfa`],
      [sec, 'POST', `/api/users/${ids.sysadmin}/password-reset/approve`],
    ];
    for (const [client, method, url, body] of attempts) {
      const res = await client.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().code, `${method} ${url}`).toBe('admin_account');
    }
    const admins = await t.app.svc.db.user.findMany({ where: { adminRole: { not: null } }, include: { roles: true } });
    expect(
      admins.map((a) => [a.username, a.adminRole, a.disabled, a.displayName !== '某人', a.totpEnabledAt !== null]),
    ).toEqual(
      expect.arrayContaining([
        ['sysadmin', 'system', false, true, true],
        ['secadmin', 'security', false, true, true],
        ['auditadmin', 'audit', false, true, true],
      ]),
    );
    expect(await t.app.svc.db.passwordReset.count()).toBe(0);
    const denied = await t.app.svc.db.auditEvent.count({ where: { action: 'access.denied' } });
    expect(denied).toBe(attempts.length);
    // Each is still signed in: nothing happened to them.
    for (const client of [sys, sec, aud]) expect((await client.get('/api/auth/session')).statusCode).toBe(200);
  });

  it('still lets them manage business accounts', async () => {
    expect((await sys.patch(`/api/users/${ids.zhangwei}`, { disabled: true })).statusCode).toBe(200);
    expect((await sys.patch(`/api/users/${ids.zhangwei}`, { disabled: false })).statusCode).toBe(200);
    expect((await sec.put(`/api/users/${ids.hejun}/clearance`, { clearance: 'secret' })).statusCode).toBe(200);
    expect((await sec.post(`/api/users/${ids.hejun}/unlock`)).statusCode).toBe(200);
  });

  it('keeps the last holder of a duty where accounts are changed outside the web (the operator CLI)', async () => {
    const cli = { actor: { id: 'cli', name: 'cli:root' }, ip: 'cli', userAgent: 'test', at: t.clock.now() };
    await expect(
      assignRoles(t.app.svc, { ...cli, auditKey: t.app.svc.keys.audit }, ids.auditadmin!, ['staff']),
    ).rejects.toMatchObject({ statusCode: 409, code: 'last_admin' });
    expect((await t.app.svc.db.user.findUniqueOrThrow({ where: { id: ids.auditadmin } })).adminRole).toBe('audit');
  });
});

describe('a password reset under two-person control', () => {
  it('gives each administrator one half of a code that only the user, holding both, can use', async () => {
    const requested = await sys.post(`/api/users/${ids.zhangwei}/password-reset`);
    expect(requested.statusCode).toBe(200);
    const first = requested.json() as { code: string; expiresAt: string };
    expect(first.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(requested.body).not.toMatch(/password"/i);
    // Nothing changed for the user yet: their password still works, nobody else can set one.
    expect((await new TestClient(t.app).signIn('zhangwei')).json().stage).toBe('active');
    // The system administrator alone, with their half and any guess for the other, gets nowhere.
    expect((await completeReset('zhangwei', first.code, first.code)).statusCode).toBe(400);

    // Each duty stays with its administrator.
    expect((await sys.post(`/api/users/${ids.zhangwei}/password-reset/approve`)).statusCode).toBe(403);
    expect((await sec.post(`/api/users/${ids.zhangwei}/password-reset`)).statusCode).toBe(403);
    expect((await aud.post(`/api/users/${ids.zhangwei}/password-reset/approve`)).statusCode).toBe(403);

    const approved = await sec.post(`/api/users/${ids.zhangwei}/password-reset/approve`);
    expect(approved.statusCode).toBe(200);
    const second = approved.json() as { code: string };
    expect(second.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(second.code).not.toBe(first.code);
    // The half is shown once.
    expect((await sec.post(`/api/users/${ids.zhangwei}/password-reset/approve`)).json().code).toBe(
      'reset_already_approved',
    );

    const done = await completeReset('zhangwei', first.code.toLowerCase(), second.code.replace('-', ''));
    expect(done.statusCode).toBe(200);
    expect((await new TestClient(t.app).signIn('zhangwei')).statusCode).toBe(401);
    // The user chose the password: no forced change after it.
    expect((await new TestClient(t.app).signIn('zhangwei', NEW_PASSWORD)).json().stage).toBe('active');
    // Used once.
    expect((await completeReset('zhangwei', first.code, second.code, 'Another#Pass2026')).statusCode).toBe(400);

    expect(await auditActions(ids.zhangwei!)).toEqual(
      expect.arrayContaining([
        'sysadmin user.password_reset.request success',
        'secadmin user.password_reset.approve success',
        'zhangwei user.password_reset.complete success',
      ]),
    );
    const notices = await t.app.svc.db.notification.findMany({ where: { userId: ids.zhangwei } });
    expect(notices.map((n) => n.kind)).toContain('account.password_reset');
    const reset = await t.app.svc.db.passwordReset.findFirstOrThrow({ where: { userId: ids.zhangwei } });
    expect(reset).toMatchObject({ closedReason: 'used', requestedById: ids.sysadmin, approvedById: ids.secadmin });
    expect(JSON.stringify(reset)).not.toContain(first.code.replace('-', ''));
  });

  it('ends the user’s sessions and lifts a lockout when the new password is set', async () => {
    const open = await signedIn(t, 'zhangwei');
    await t.app.svc.db.user.update({
      where: { id: ids.zhangwei },
      data: { failedAttempts: 5, lockedUntil: new Date(t.clock.now().getTime() + 30 * 60_000) },
    });
    const first = (await sys.post(`/api/users/${ids.zhangwei}/password-reset`)).json().code as string;
    const second = (await sec.post(`/api/users/${ids.zhangwei}/password-reset/approve`)).json().code as string;
    expect((await completeReset('zhangwei', first, second)).statusCode).toBe(200);
    expect((await open.get('/api/auth/session')).statusCode).toBe(401);
    expect((await new TestClient(t.app).signIn('zhangwei', NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('answers the same for an unknown user, a wrong code, no reset and an unapproved reset', async () => {
    const first = (await sys.post(`/api/users/${ids.hejun}/password-reset`)).json().code as string;
    const answers = [
      await completeReset('nobody', first, first),
      await completeReset('lihua', first, first),
      await completeReset('hejun', first, first),
      await completeReset('hejun', 'ABCD-EFGH', 'JKLM-NPQR'),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('invalid_reset_code');
    }
    // A weak new password is refused before any code is looked at, and says why.
    const weak = await completeReset('hejun', first, first, 'short');
    expect(weak.json().code).toBe('weak_password');
  });

  it('closes a reset after five wrong codes, even when they arrive together', async () => {
    const first = (await sys.post(`/api/users/${ids.zhangwei}/password-reset`)).json().code as string;
    const second = (await sec.post(`/api/users/${ids.zhangwei}/password-reset/approve`)).json().code as string;
    const guesses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => completeReset('zhangwei', first, `WRNG-CD${'23456789'[i]}X`)),
    );
    for (const res of guesses) expect(res.statusCode).toBe(400);
    // The right halves no longer help: the reset is closed and a new one must be requested.
    expect((await completeReset('zhangwei', first, second)).statusCode).toBe(400);
    const reset = await t.app.svc.db.passwordReset.findFirstOrThrow({ where: { userId: ids.zhangwei } });
    expect(reset).toMatchObject({ closedReason: 'too_many_attempts', failedAttempts: 5 });
    expect((await new TestClient(t.app).signIn('zhangwei', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('lasts 24 hours, and a new request replaces an open one', async () => {
    const old = (await sys.post(`/api/users/${ids.zhangwei}/password-reset`)).json().code as string;
    const first = (await sys.post(`/api/users/${ids.zhangwei}/password-reset`)).json().code as string;
    const second = (await sec.post(`/api/users/${ids.zhangwei}/password-reset/approve`)).json().code as string;
    expect((await completeReset('zhangwei', old, second)).statusCode).toBe(400);
    t.clock.advance(24 * 3_600_000 + 60_000);
    expect((await completeReset('zhangwei', first, second)).statusCode).toBe(400);
    // An expired request cannot be approved either (the administrators sign in again: a day has passed).
    sys = await signedInWithMfa(t, 'sysadmin');
    expect((await sys.post(`/api/users/${ids.hejun}/password-reset`)).statusCode).toBe(200);
    t.clock.advance(24 * 3_600_000 + 60_000);
    sec = await signedInWithMfa(t, 'secadmin');
    expect((await sec.post(`/api/users/${ids.hejun}/password-reset/approve`)).json().code).toBe('no_reset_pending');
  });

  it('shows the administrators that a reset waits for approval, without any code', async () => {
    await sys.post(`/api/users/${ids.zhangwei}/password-reset`);
    const seen = (await sec.get(`/api/users/${ids.zhangwei}`)).json();
    expect(seen.passwordReset).toEqual({
      requestedAt: expect.any(String),
      expiresAt: expect.any(String),
      approved: false,
    });
    const listed = (await sec.get('/api/users?q=zhangwei')).json().items[0];
    expect(listed.passwordReset.approved).toBe(false);
    await sec.post(`/api/users/${ids.zhangwei}/password-reset/approve`);
    expect((await sys.get(`/api/users/${ids.zhangwei}`)).json().passwordReset.approved).toBe(true);
    expect((await sys.get(`/api/users/${ids.hejun}`)).json().passwordReset).toBeNull();
  });
});
