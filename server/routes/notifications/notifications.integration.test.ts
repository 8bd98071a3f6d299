// The notification centre: notices are stored as kind + params, name people by their display name, and read in the
// reader's language (the list and the live push alike); rows from before params keep the text they were stored with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../tests/support/meetings.ts';
import { nextEvent, socketAs } from '../../../tests/support/sockets.ts';
import { createTestApp, signedIn, type TestApp, type TestClient } from '../../../tests/support/testApp.ts';

let t: TestApp;
let url: string;
let users: Record<string, string>;
const clients: Record<'zhangwei' | 'hejun', TestClient> = {} as Record<'zhangwei' | 'hejun', TestClient>;

interface Item {
  id: string;
  kind: string;
  params: Record<string, unknown> | null;
  title: string;
  body: string;
  link: string | null;
}

beforeAll(async () => {
  t = await createTestApp({ clockAt: new Date('2026-12-01T02:00:00Z') });
  url = await t.listen();
  users = (await demoIds(t)).users;
  for (const name of ['zhangwei', 'hejun'] as const) clients[name] = await signedIn(t, name);
});
afterAll(async () => t.close());

async function inbox(client: TestClient): Promise<Item[]> {
  const res = await client.get('/api/notifications');
  expect(res.statusCode).toBe(200);
  return res.json().items as Item[];
}

async function mention(title: string, body: string): Promise<{ documentId: string; threadId: string }> {
  const documentId = (await clients.zhangwei.post('/api/documents', { kind: 'draft', title })).json().id as string;
  // 何军 works in another unit: he is mentioned on a draft shared with him (only readers may be mentioned).
  const shared = await clients.zhangwei.put(`/api/documents/${documentId}/shares`, {
    shares: [{ granteeType: 'user', granteeId: users.hejun, access: 'comment' }],
  });
  expect(shared.statusCode).toBe(200);
  const thread = await clients.zhangwei.post(`/api/documents/${documentId}/threads`, {
    quote: '',
    body,
    mentions: [users.hejun],
  });
  expect(thread.statusCode).toBe(201);
  return { documentId, threadId: thread.json().threadId as string };
}

describe('notifications', () => {
  it('name the person who mentions someone by their name (张伟), never their login name', async () => {
    const { documentId, threadId } = await mention('关于开展专项检查的通知', '请核对第三条的数据。');
    const [item] = (await inbox(clients.hejun)).filter(
      (n) => n.kind === 'comment.mention' && n.link === `/documents/${documentId}?thread=${threadId}`,
    );
    expect(item).toMatchObject({
      params: {
        author: { id: users.zhangwei, name: '张伟' },
        document: '关于开展专项检查的通知',
        excerpt: '请核对第三条的数据。',
      },
      title: '张伟 在《关于开展专项检查的通知》中提到了你',
      body: '请核对第三条的数据。',
    });
    expect(JSON.stringify(item)).not.toContain('zhangwei');
    const row = await t.app.svc.db.notification.findUniqueOrThrow({ where: { id: item!.id } });
    expect(row.params).not.toContain('zhangwei');
  });

  it('reach a reader who chose English in English, live and in the list', async () => {
    expect((await clients.hejun.patch('/api/me', { locale: 'en' })).statusCode).toBe(200);
    const socket = await socketAs(url, clients.hejun);
    try {
      const pushed = nextEvent<Item>(socket, 'notification:new', (n) => n.kind === 'comment.mention');
      const { documentId } = await mention('安全生产检查方案', '请补充时间安排。');
      expect(await pushed).toMatchObject({
        title: '张伟 mentioned you in “安全生产检查方案”',
        body: '请补充时间安排。',
      });
      const listed = (await inbox(clients.hejun)).find((n) => n.link?.startsWith(`/documents/${documentId}?`));
      expect(listed?.title).toBe('张伟 mentioned you in “安全生产检查方案”');
    } finally {
      socket.close();
      expect((await clients.hejun.patch('/api/me', { locale: 'zh-CN' })).statusCode).toBe(200);
    }
  });

  it('keep rows from before params on their stored text; account notices still follow the reader’s language', async () => {
    const at = t.clock.now();
    const old = await t.app.svc.db.notification.create({
      data: {
        userId: users.hejun,
        kind: 'meeting.scheduled',
        title: '会议通知：旧会议',
        body: '2026年11月1日 09:00–10:00，第一会议室。请及时回执。',
        link: '/meetings/old',
        createdAt: at,
      },
    });
    const account = await t.app.svc.db.notification.create({
      data: {
        userId: users.hejun,
        kind: 'account.roles_changed',
        title: '您的角色已调整',
        body: '安全保密管理员调整了您的角色，重新登录后生效。',
        link: '/settings',
        createdAt: at,
      },
    });
    const byId = (items: Item[], id: string) => items.find((n) => n.id === id);
    const zh = await inbox(clients.hejun);
    expect(byId(zh, old.id)).toMatchObject({
      kind: 'meeting.scheduled',
      params: null,
      title: '会议通知：旧会议',
      body: '2026年11月1日 09:00–10:00，第一会议室。请及时回执。',
    });
    expect(byId(zh, account.id)).toMatchObject({ params: {}, title: '您的角色已调整' });

    await clients.hejun.patch('/api/me', { locale: 'en' });
    try {
      const en = await inbox(clients.hejun);
      expect(byId(en, old.id)).toMatchObject({ params: null, title: '会议通知：旧会议' });
      expect(byId(en, account.id)).toMatchObject({ params: {}, title: 'Your roles were changed' });
    } finally {
      await clients.hejun.patch('/api/me', { locale: 'zh-CN' });
    }
  });
});
