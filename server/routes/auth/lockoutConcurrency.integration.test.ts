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
    // Every answer is the unknown name's 401 (the account's state is not told), but they count one by one: the fifth
    // locks, and every later one finds the account locked without its password being judged.
    expect(answers.map((r) => r.statusCode)).toEqual(Array(10).fill(401));
    const user = await t.app.svc.db.user.findUniqueOrThrow({ where: { username: 'hejun' } });
    expect(user.lockedUntil).not.toBeNull();
    expect((await new TestClient(t.app).signIn('hejun', DEMO_PASSWORD)).statusCode).toBe(401);
    expect(await t.app.svc.db.auditEvent.count({ where: { action: 'auth.lockout', resourceId: user.id } })).toBe(1);
    const reasons = (
      await t.app.svc.db.auditEvent.findMany({ where: { action: 'auth.sign_in', resourceId: user.id } })
    ).map((e) => (JSON.parse(e.detail) as { reason?: string }).reason);
    expect(reasons.filter((r) => r === 'wrong_password')).toHaveLength(5);
    expect(reasons.filter((r) => r === 'locked')).toHaveLength(6);
  });
});
