// First-run setup over HTTP: weak passwords are refused naming each administrator they belong to, and nothing is
// created; good ones create the three administrators, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSetupToken } from '../../commands/accounts/setupAdministrators.ts';
import { createTestApp, type TestApp } from '../../../tests/support/testApp.ts';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  token = (await issueSetupToken(t.app.svc))!;
});
afterAll(async () => t.close());

const body = (passwords: { system: string; security: string; audit: string }) => ({
  token,
  organisationName: '某某区人民政府',
  system: { username: 'sysadmin', displayName: '系统管理员', password: passwords.system },
  security: { username: 'secadmin', displayName: '安全保密管理员', password: passwords.security },
  audit: { username: 'auditadmin', displayName: '安全审计员', password: passwords.audit },
});

describe('first-run setup', () => {
  it('names every administrator whose password falls short, and creates nobody', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: body({ system: 'Tongban#2026a', security: 'short1A', audit: 'auditadmin#2026A' }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'weak_password',
      details: {
        account: 'security',
        problems: ['too_short'],
        minLength: 10,
        accounts: [
          { account: 'security', problems: ['too_short'] },
          { account: 'audit', problems: ['contains_username'] },
        ],
      },
    });
    expect(res.json().message).toContain('security administrator (too_short); audit administrator (contains_username)');
    expect(await t.app.svc.db.user.count()).toBe(0);
  });

  it('creates the three administrators with acceptable passwords', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: body({ system: 'Tongban#2026a', security: 'Security#2026b', audit: 'Auditing#2026c' }),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      (await t.app.svc.db.user.findMany({ orderBy: { username: 'asc' } })).map((u) => [u.username, u.adminRole]),
    ).toEqual([
      ['auditadmin', 'audit'],
      ['secadmin', 'security'],
      ['sysadmin', 'system'],
    ]);
  });
});
