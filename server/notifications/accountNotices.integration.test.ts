// A person is told (persisted and pushed live) when an administrator changes their roles, clearance or second factor,
// or when their password is reset; the notice is written in the same transaction as the change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, signedInWithMfa, TestClient, type TestApp } from '../../tests/support/testApp.ts';
import type { RealtimeSink } from './notificationHub.ts';

let t: TestApp;
let sys: TestClient;
let sec: TestClient;
const ids: Record<string, string> = {};
const pushed: Array<{ userId: string; event: string; payload: unknown }> = [];
const closed: string[][] = [];

beforeAll(async () => {
  t = await createTestApp();
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  sys = await signedInWithMfa(t, 'sysadmin');
  sec = await signedInWithMfa(t, 'secadmin');
  // Record what would go to sockets instead of running a socket.io client.
  const sink: RealtimeSink = {
    toUser: (userId, event, payload) => pushed.push({ userId, event, payload }),
    closeSessions: (sessionIds) => closed.push(sessionIds),
  };
  t.app.svc.notifications.attach(sink);
});
afterAll(async () => {
  await t.close();
});

async function kindsFor(username: string): Promise<string[]> {
  const rows = await t.app.svc.db.notification.findMany({
    where: { userId: ids[username] },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((n) => n.kind);
}

describe('account notices', () => {
  it('tells the person about a new clearance, live, without ending their session', async () => {
    pushed.length = 0;
    expect((await sec.put(`/api/users/${ids.xuyan}/clearance`, { clearance: 'secret' })).statusCode).toBe(200);
    expect(await kindsFor('xuyan')).toEqual(['account.clearance_changed']);
    // The notice, the unread count, and the nudge to fetch the 待办 again (a new clearance may change what waits).
    expect(pushed.map((p) => [p.userId, p.event])).toEqual([
      [ids.xuyan, 'notification:new'],
      [ids.xuyan, 'notification:count'],
      [ids.xuyan, 'todo:changed'],
    ]);
    expect(pushed[1]!.payload).toEqual({ unread: 1 });
    // Setting the same clearance again changes nothing and says nothing.
    expect((await sec.put(`/api/users/${ids.xuyan}/clearance`, { clearance: 'secret' })).statusCode).toBe(200);
    expect(await kindsFor('xuyan')).toHaveLength(1);
  });

  it('pushes the roles notice before the sessions close, so an open client sees why', async () => {
    const staff = await signedIn(t, 'zhengkai');
    pushed.length = 0;
    closed.length = 0;
    expect((await sec.put(`/api/users/${ids.zhengkai}/roles`, { roles: ['staff', 'clerk'] })).statusCode).toBe(200);
    expect(await kindsFor('zhengkai')).toEqual(['account.roles_changed']);
    expect(pushed[0]).toMatchObject({ userId: ids.zhengkai, event: 'notification:new' });
    expect(closed).toHaveLength(1);
    expect((await staff.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('tells the person when their password or authenticator is reset', async () => {
    const first = (await sys.post(`/api/users/${ids.hejun}/password-reset`)).json().code;
    const second = (await sec.post(`/api/users/${ids.hejun}/password-reset/approve`)).json().code;
    const reset = { username: 'hejun', firstCode: first, secondCode: second, newPassword: 'Budget#Office2026' };
    expect((await new TestClient(t.app).post('/api/auth/password-reset', reset)).statusCode).toBe(200);
    await signedInWithMfa(t, 'linqiang');
    expect((await sec.post(`/api/users/${ids.linqiang}/reset-mfa`)).statusCode).toBe(200);
    expect(await kindsFor('hejun')).toEqual(['account.password_reset']);
    expect(await kindsFor('linqiang')).toEqual(['account.mfa_reset']);
  });

  it('says nothing when a refused change did not happen', async () => {
    const before = await t.app.svc.db.notification.count({ where: { userId: ids.matao } });
    expect(
      (await sec.put(`/api/users/${ids.matao}/roles`, { roles: ['system_admin', 'audit_admin'] })).statusCode,
    ).toBe(400);
    expect(await t.app.svc.db.notification.count({ where: { userId: ids.matao } })).toBe(before);
  });
});
