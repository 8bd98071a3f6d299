// Account administration under separated duties, and what each person may see of others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, signedInWithMfa, TestClient, type TestApp } from '../../../tests/support/testApp.ts';

let t: TestApp;
let sys: TestClient;
let sec: TestClient;
let aud: TestClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  sys = await signedInWithMfa(t, 'sysadmin');
  sec = await signedInWithMfa(t, 'secadmin');
  aud = await signedInWithMfa(t, 'auditadmin');
});
afterAll(async () => {
  await t.close();
});

/** The security administrator tries to give 吴丽 two administrator duties, or one beside a business role: five refusals, audited. */
async function givenRefusedRoleChanges(): Promise<void> {
  for (const roles of [
    ['system_admin', 'security_admin'],
    ['security_admin', 'audit_admin'],
    ['system_admin', 'audit_admin'],
    ['system_admin', 'security_admin', 'audit_admin'],
    ['audit_admin', 'supervisor'],
  ]) {
    expect((await sec.put(`/api/users/${ids.wuli}/roles`, { roles })).statusCode).toBe(400);
  }
}

describe('least privilege for staff', () => {
  it('refuses administration routes with 403 and audits the refusal', async () => {
    const staff = await signedIn(t, 'zhangwei');
    const attempts = [
      await staff.post('/api/users', { username: 'intruder', displayName: '某人', unitId: 'x' }),
      await staff.get('/api/audit'),
      await staff.put(`/api/users/${ids.hejun}/roles`, { roles: ['leader'] }),
      await staff.post(`/api/users/${ids.hejun}/reset-mfa`),
      await staff.post('/api/units', { name: '新单位' }),
    ];
    for (const res of attempts) expect(res.statusCode).toBe(403);
    const denied = await t.app.svc.db.auditEvent.count({ where: { actorId: ids.zhangwei, action: 'access.denied' } });
    expect(denied).toBe(attempts.length);
  });

  it('shows only directory fields of people in other units, contact details of colleagues', async () => {
    const staff = await signedIn(t, 'zhangwei');
    const other = (await staff.get(`/api/users/${ids.hejun}`)).json();
    expect(other).toEqual({
      view: 'directory',
      id: ids.hejun,
      displayName: '何军',
      unitId: expect.any(String),
      unitName: '区财政局',
      title: '预算科科员',
    });
    const colleague = (await staff.get(`/api/users/${ids.lihua}`)).json();
    expect(colleague.view).toBe('colleague');
    expect(colleague).toHaveProperty('email');
    expect(colleague).not.toHaveProperty('roles');
    const list = (await staff.get('/api/users?q=何')).json();
    expect(list.items.find((u: { id: string }) => u.id === ids.hejun)).not.toHaveProperty('username');
    const full = (await sys.get(`/api/users/${ids.hejun}`)).json();
    expect(full).toMatchObject({ view: 'full', username: 'hejun', roles: ['staff'], clearance: 'internal' });
  });
});

describe('separated administrator duties', () => {
  it('refuses to give one account two administrator duties', async () => {
    for (const roles of [
      ['system_admin', 'security_admin'],
      ['security_admin', 'audit_admin'],
      ['system_admin', 'audit_admin'],
      ['system_admin', 'security_admin', 'audit_admin'],
    ]) {
      const res = await sec.put(`/api/users/${ids.wuli}/roles`, { roles });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('admin_roles_exclusive');
    }
    const mixed = await sec.put(`/api/users/${ids.wuli}/roles`, { roles: ['audit_admin', 'supervisor'] });
    expect(mixed.json().code).toBe('admin_with_business_role');
    const user = await t.app.svc.db.user.findUniqueOrThrow({ where: { id: ids.wuli }, include: { roles: true } });
    expect(user.adminRole).toBeNull();
    expect(user.roles.map((r) => r.role).sort()).toEqual(['staff', 'supervisor']);
  });

  it('keeps each duty to its administrator', async () => {
    expect((await sys.put(`/api/users/${ids.hejun}/roles`, { roles: ['leader'] })).statusCode).toBe(403);
    expect((await sys.get('/api/audit')).statusCode).toBe(403);
    expect(
      (await sec.post('/api/users', { username: 'newbie', displayName: '新人', unitId: ids.zhangwei })).statusCode,
    ).toBe(403);
    expect((await sec.get('/api/audit')).statusCode).toBe(403);
    expect((await aud.post(`/api/users/${ids.hejun}/unlock`)).statusCode).toBe(403);
    expect((await sec.put(`/api/users/${ids.secadmin}/roles`, { roles: ['system_admin'] })).statusCode).toBe(403);
    expect((await aud.get('/api/audit')).statusCode).toBe(200);
  });

  it('leaves an administrator’s roles to the operator CLI (where the last holder of a duty keeps it)', async () => {
    const res = await sec.put(`/api/users/${ids.auditadmin}/roles`, { roles: ['staff'] });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('admin_account');
  });

  it('lets the system administrator create an account whose holder must set a new password', async () => {
    const unit = await t.app.svc.db.unit.findFirstOrThrow({ where: { name: '区财政局' } });
    const created = await sys.post('/api/users', {
      username: 'qianli',
      displayName: '钱立',
      unitId: unit.id,
      title: '科员',
    });
    expect(created.statusCode).toBe(201);
    const { temporaryPassword } = created.json();
    const newbie = new TestClient(t.app);
    expect((await newbie.signIn('qianli', temporaryPassword)).json().stage).toBe('password_change');
    expect((await newbie.get('/api/users')).statusCode).toBe(403);
    expect(
      (await newbie.post('/api/me/password', { currentPassword: temporaryPassword, newPassword: 'Caizheng#Own2026' }))
        .statusCode,
    ).toBe(200);
    expect((await newbie.get('/api/users')).statusCode).toBe(200);
    const dup = await sys.post('/api/users', { username: 'qianli', displayName: '钱立', unitId: unit.id });
    expect(dup.statusCode).toBe(409);
  });

  it('lets the security administrator raise clearance, unlock and reset a second factor, all audited', async () => {
    await givenRefusedRoleChanges();
    expect((await sec.put(`/api/users/${ids.hejun}/clearance`, { clearance: 'secret' })).statusCode).toBe(200);
    expect((await sec.put(`/api/users/${ids.hejun}/clearance`, { clearance: 'top' })).statusCode).toBe(400);
    expect((await sec.post(`/api/users/${ids.hejun}/unlock`)).statusCode).toBe(200);
    const hejun = await signedIn(t, 'hejun');
    expect((await sec.post(`/api/users/${ids.hejun}/reset-mfa`)).statusCode).toBe(200);
    expect((await hejun.get('/api/auth/session')).statusCode).toBe(401);
    const actions = (
      await t.app.svc.db.auditEvent.findMany({ where: { actorId: ids.secadmin }, select: { action: true } })
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['user.set_clearance', 'user.unlock', 'user.reset_mfa', 'user.assign_roles']),
    );
  });

  it('shows the audit log only to the audit administrator, filtered and verifiable', async () => {
    await givenRefusedRoleChanges();
    const failures = (await aud.get('/api/audit?action=user.assign_roles&outcome=failure')).json();
    expect(failures.total).toBeGreaterThanOrEqual(5);
    expect(failures.items[0]).toMatchObject({ actorName: 'secadmin', outcome: 'failure' });
    const verdict = (await aud.post('/api/audit/verify')).json();
    expect(verdict).toMatchObject({ ok: true });
    expect((await aud.get('/api/audit?from=not-a-date')).statusCode).toBe(400);
  });
});
