// 三员分立: the three administrators get 403 from every business area (documents, meetings, rooms, minutes,
// supervision), whatever the route, and keep their own (accounts, units, audit, notifications, their session).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  signedIn,
  signedInWithMfa,
  type TestApp,
  type TestClient,
} from '../../tests/support/testApp.ts';

const CLOCK_AT = new Date('2026-03-16T09:00:00+08:00');
const ADMINS = ['sysadmin', 'secadmin', 'auditadmin'] as const;

/** A sample of each business area: lists, one object, creations, an export; reads and writes. */
const BUSINESS: ReadonlyArray<[method: 'GET' | 'POST', url: string, body?: unknown]> = [
  ['GET', '/api/documents'],
  ['POST', '/api/documents', { title: '通知', classification: 'internal' }],
  ['GET', '/api/documents/any-id'],
  ['GET', '/api/meetings?view=week&date=2026-03-16'],
  ['POST', '/api/meetings/clash-check', {}],
  ['GET', '/api/meetings/any-id'],
  ['GET', '/api/meetings/join/ABCDEF'],
  ['GET', '/api/rooms'],
  ['GET', '/api/rooms/availability?date=2026-03-16'],
  ['POST', '/api/rooms', { name: '第一会议室' }],
  ['POST', '/api/minutes/extract', { text: '一、会议议定' }],
  ['GET', '/api/supervision/capabilities'],
  ['GET', '/api/supervision/tasks?scope=mine'],
  ['GET', '/api/supervision/tasks/any-id'],
  ['GET', '/api/supervision/statistics'],
  ['GET', '/api/supervision/dashboard'],
  ['GET', '/api/supervision/proposals'],
  ['POST', '/api/supervision/proposals/any-id/drop', {}],
];

let t: TestApp;
const as: Partial<Record<(typeof ADMINS)[number] | 'zhangwei', TestClient>> = {};
beforeAll(async () => {
  t = await createTestApp({ clockAt: CLOCK_AT });
  for (const admin of ADMINS) as[admin] = await signedInWithMfa(t, admin);
  as.zhangwei = await signedIn(t, 'zhangwei');
});
afterAll(async () => {
  await t.close();
});

describe('administrators and the business workspace', () => {
  it.each(ADMINS)('%s gets 403 from every business area, each refusal audited', async (admin) => {
    const client = as[admin]!;
    const before = await t.app.svc.db.auditEvent.count({ where: { action: 'access.denied' } });
    for (const [method, url, body] of BUSINESS) {
      const res = await client.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().code, `${method} ${url}`).toBe('admin_no_business');
    }
    const events = await t.app.svc.db.auditEvent.findMany({
      where: { action: 'access.denied' },
      orderBy: { seq: 'asc' },
      skip: before,
    });
    expect(events).toHaveLength(BUSINESS.length);
    expect(new Set(events.map((e) => e.actorName))).toEqual(new Set([admin]));
  });

  it('keeps their own areas open to them', async () => {
    for (const admin of ADMINS) {
      for (const url of ['/api/auth/session', '/api/notifications', '/api/users?q=张', '/api/units']) {
        expect((await as[admin]!.get(url)).statusCode, `${admin} ${url}`).toBe(200);
      }
    }
    expect((await as.auditadmin!.get('/api/audit')).statusCode).toBe(200);
  });

  it('is a rule for administrators only: a staff member reads the same areas', async () => {
    for (const url of [
      '/api/documents',
      '/api/rooms',
      '/api/supervision/capabilities',
      '/api/supervision/tasks?scope=mine',
    ]) {
      expect((await as.zhangwei!.get(url)).statusCode, url).toBe(200);
    }
  });

  it('is offered to business users only, as a capability the client shapes its pages by', async () => {
    expect((await as.zhangwei!.get('/api/auth/session')).json().capabilities).toContain('workspace.use');
    for (const admin of ADMINS) {
      expect((await as[admin]!.get('/api/auth/session')).json().capabilities).not.toContain('workspace.use');
    }
  });
});
