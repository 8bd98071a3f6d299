// Lockout under concurrency: wrong passwords sent all at once must count one by one, so the account locks at the
// threshold and the right password is then refused, exactly as when they arrive one after another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, TestClient, type TestApp } from '../../../tests/support/testApp.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({
    clockAt: new Date('2026-11-18T09:00:00+08:00'),
    config: { authRateLimit: 1000, lockoutThreshold: 5 },
  });
});

afterAll(async () => {
  await t.close();
});

describe('lockout', () => {
  it('counts ten parallel wrong passwords one by one and locks the account', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => new TestClient(t.app).signIn('hejun', 'wrong-password-1')),
    );
    const codes = answers.map((r) => r.statusCode).sort();
    // The first four failures answer 401, the fifth locks (423), and every later one finds the account locked.
    expect(codes).toEqual([401, 401, 401, 401, 423, 423, 423, 423, 423, 423]);
    const user = await t.app.svc.db.user.findUniqueOrThrow({ where: { username: 'hejun' } });
    expect(user.lockedUntil).not.toBeNull();
    expect((await new TestClient(t.app).signIn('hejun', DEMO_PASSWORD)).statusCode).toBe(423);
    expect(await t.app.svc.db.auditEvent.count({ where: { action: 'auth.lockout', resourceId: user.id } })).toBe(1);
  });
});
