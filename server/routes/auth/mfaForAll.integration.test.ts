// TONGBAN_MFA_REQUIRED=all: every account signs in with a second factor, not only leaders and administrators.
import { afterEach, describe, expect, it } from 'vitest';
import { totpAt } from '../../domain/totp.ts';
import { createTestApp, signedIn, TestClient, type TestApp } from '../../../tests/support/testApp.ts';

const CLOCK_AT = new Date('2026-03-16T09:00:00+08:00');

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('second factor for every user', () => {
  it('is not asked of staff by default', async () => {
    t = await createTestApp({ clockAt: CLOCK_AT });
    const staff = new TestClient(t.app);
    expect((await staff.signIn('zhangwei')).json().stage).toBe('active');
    expect((await staff.get('/api/auth/session')).json().user.mfaRequired).toBe(false);
  });

  it('makes a staff member enrol an authenticator before anything else, then asks for it at every sign-in', async () => {
    t = await createTestApp({ clockAt: CLOCK_AT, config: { mfaRequired: 'all' } });
    const staff = new TestClient(t.app);
    expect((await staff.signIn('zhangwei')).json().stage).toBe('mfa_enrolment');
    const session = (await staff.get('/api/auth/session')).json();
    expect(session).toMatchObject({ stage: 'mfa_enrolment', capabilities: [] });
    expect(session.user.mfaRequired).toBe(true);
    expect((await staff.get('/api/documents')).statusCode).toBe(403);
    expect((await staff.get('/api/notifications')).statusCode).toBe(403);

    const { secret } = (await staff.post('/api/me/mfa/enrolment')).json() as { secret: string };
    const confirmed = await staff.post('/api/me/mfa/enrolment/confirm', { code: totpAt(secret, t.clock.now()) });
    expect(confirmed.json().stage).toBe('active');
    expect((await staff.get('/api/documents')).statusCode).toBe(200);

    t.clock.advance(31_000);
    const again = new TestClient(t.app);
    expect((await again.signIn('zhangwei')).json().stage).toBe('mfa');
    expect((await again.get('/api/documents')).statusCode).toBe(403);
    expect((await again.post('/api/auth/mfa', { code: totpAt(secret, t.clock.now()) })).json().stage).toBe('active');
    expect((await again.get('/api/documents')).statusCode).toBe(200);
  });

  it('is asked of clerks and supervisors too', async () => {
    t = await createTestApp({ clockAt: CLOCK_AT, config: { mfaRequired: 'all' } });
    for (const username of ['zhaojing', 'zhouqiang']) {
      expect((await new TestClient(t.app).signIn(username)).json().stage, username).toBe('mfa_enrolment');
    }
    // The shared helper enrols them like any leader.
    expect((await (await signedIn(t, 'zhaojing')).get('/api/auth/session')).json().stage).toBe('active');
  });
});
