// Enrolling an authenticator during a pending sign-in completes that sign-in, and the audit trail records it as one.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { totpAt } from '../../domain/totp.ts';
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/testApp.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

it('records the sign-in completed by a forced enrolment', async () => {
  const c = new TestClient(t.app);
  expect((await c.signIn('fengjie')).json().stage).toBe('mfa_enrolment');
  const { secret } = (await c.post('/api/me/mfa/enrolment')).json() as { secret: string };
  expect((await c.post('/api/me/mfa/enrolment/confirm', { code: totpAt(secret, t.clock.now()) })).statusCode).toBe(200);
  const events = await t.app.svc.db.auditEvent.findMany({ where: { actorName: 'fengjie' }, orderBy: { seq: 'asc' } });
  expect(events.map((e) => e.action)).toEqual([
    'auth.password_verified',
    'mfa.enrol_start',
    'mfa.enrol_confirm',
    'auth.sign_in',
  ]);
  expect(JSON.parse(events.at(-1)!.detail)).toEqual({ factor: 'totp_enrolment' });
});
