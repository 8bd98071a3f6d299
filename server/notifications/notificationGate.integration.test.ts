// Notices reach only people who may read what they are about, when they are sent: a mention of someone who cannot
// read the document is refused whole, a withdrawn share stops reply notices, workflow and meeting notices skip people
// whose clearance no longer covers the object, and no business notice reaches an administrator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, shanghai } from '../../tests/support/meetings.ts';
import { nextEvent, socketAs } from '../../tests/support/sockets.ts';
import {
  createTestApp,
  signedIn,
  signedInWithMfa,
  type TestApp,
  type TestClient,
} from '../../tests/support/testApp.ts';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let url: string;
const as: Record<string, TestClient> = {};

beforeAll(async () => {
  t = await createTestApp({ clockAt: new Date('2026-11-18T09:00:00+08:00') });
  ids = await demoIds(t);
  url = await t.listen();
  for (const name of ['zhaojing', 'zhouqiang', 'sunyue']) as[name] = await signedIn(t, name);
  for (const name of ['wanglei', 'guomin', 'lihua', 'linqiang', 'secadmin']) as[name] = await signedInWithMfa(t, name);
});
afterAll(async () => t.close());

const id = (username: string) => ids.users[username]!;

async function noticesOf(username: string, kind?: string) {
  return t.app.svc.db.notification.findMany({
    where: { userId: id(username), ...(kind ? { kind } : {}) },
    orderBy: { createdAt: 'asc' },
  });
}

/** 赵静 (区政府办, 秘密) drafts a 秘密 document. */
async function secretDocument(title: string): Promise<string> {
  const res = await as.zhaojing!.post('/api/documents', { kind: 'draft', title, classification: 'secret' });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

async function setClearance(username: string, clearance: 'internal' | 'secret') {
  expect((await as.secadmin!.put(`/api/users/${id(username)}/clearance`, { clearance })).statusCode).toBe(200);
}

describe('mentions in a 秘密 document', () => {
  it.each([
    ['孙悦, of the same unit but cleared only for 内部', 'sunyue'],
    ['周强, cleared but of another unit and without a share', 'zhouqiang'],
    ['the audit administrator', 'auditadmin'],
  ])('refuses the whole comment when it mentions %s, naming who cannot read it', async (_who, username) => {
    const documentId = await secretDocument(`人事调整方案（${username}）`);
    const before = await t.app.svc.db.notification.count();
    const res = await as.zhaojing!.post(`/api/documents/${documentId}/threads`, {
      quote: '',
      body: '请审阅第二条。',
      mentions: [id('wanglei'), id(username)],
    });
    expect(res.statusCode).toBe(422);
    const displayName = (await t.app.svc.db.user.findUniqueOrThrow({ where: { id: id(username) } })).displayName;
    expect(res.json()).toMatchObject({
      code: 'mention_not_readable',
      details: { users: [{ id: id(username), displayName }] },
    });
    // Named in both languages, without the document's title.
    expect(res.json().message).toContain(displayName);
    expect(res.json().message).toContain('无权查看');
    expect(res.json().message).not.toContain('人事调整方案');
    // Nothing written: no thread, and no notice for anyone (wanglei, who may read it, neither).
    expect(await t.app.svc.db.commentThread.count({ where: { documentId } })).toBe(0);
    expect(await t.app.svc.db.notification.count()).toBe(before);
  });

  it('lets the author mention a colleague who may read it', async () => {
    const documentId = await secretDocument('机构编制调整意见');
    const res = await as.zhaojing!.post(`/api/documents/${documentId}/threads`, {
      quote: '',
      body: '请王主任把关。',
      mentions: [id('wanglei')],
    });
    expect(res.statusCode).toBe(201);
    expect((await noticesOf('wanglei', 'comment.mention')).map((n) => n.link)).toContain(
      `/documents/${documentId}?thread=${res.json().threadId}`,
    );
  });
});

describe('the mention picker', () => {
  it('offers only people who may read the document', async () => {
    const documentId = await secretDocument('编制核定方案');
    const offered = async (q: string) => {
      const res = await as.zhaojing!.get(`/api/documents/${documentId}/mention-candidates?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      return (res.json().items as Array<{ id: string; displayName: string }>).map((u) => u.id);
    };
    const all = await offered('');
    expect(all).toContain(id('wanglei'));
    for (const who of ['sunyue', 'zhouqiang', 'sysadmin', 'secadmin', 'auditadmin']) expect(all).not.toContain(id(who));
    expect(await offered('王磊')).toEqual([id('wanglei')]);
    expect(await offered('孙悦')).toEqual([]);
    // Someone who may not comment on it learns nothing from the picker.
    const outsider = await as.zhouqiang!.get(`/api/documents/${documentId}/mention-candidates`);
    expect(outsider.statusCode).toBeGreaterThanOrEqual(403);
    expect(outsider.body).not.toContain('王磊');
  });
});

describe('replies after a share was withdrawn', () => {
  it('tell the people still in the thread, not the former grantee', async () => {
    const documentId = await secretDocument('专项督查工作方案');
    const share = (shares: unknown[]) => as.zhaojing!.put(`/api/documents/${documentId}/shares`, { shares });
    expect((await share([{ granteeType: 'user', granteeId: id('zhouqiang'), access: 'comment' }])).statusCode).toBe(
      200,
    );
    const { threadId } = (
      await as.zhaojing!.post(`/api/documents/${documentId}/threads`, { quote: '', body: '请提意见。', mentions: [] })
    ).json();
    for (const who of ['zhouqiang', 'wanglei']) {
      const res = await as[who]!.post(`/api/documents/${documentId}/threads/${threadId}/comments`, {
        body: `${who}：同意。`,
        mentions: [],
      });
      expect(res.statusCode, who).toBe(201);
    }
    expect((await share([])).statusCode).toBe(200);

    const replies = async (username: string) =>
      (await noticesOf(username, 'comment.reply')).filter((n) => n.link?.startsWith(`/documents/${documentId}?`));
    const before = (await replies('zhouqiang')).length;
    const res = await as.zhaojing!.post(`/api/documents/${documentId}/threads/${threadId}/comments`, {
      body: '第三条已按周主任意见修改，涉及人员名单见附件。',
      mentions: [],
    });
    expect(res.statusCode).toBe(201);
    expect(await replies('zhouqiang')).toHaveLength(before);
    expect((await replies('wanglei')).at(-1)?.params).toContain('第三条已按周主任意见修改');
  });
});

describe('workflow notices', () => {
  it('skip a grantee whose clearance no longer covers the document', async () => {
    const documentId = await secretDocument('干部考核办法');
    expect(
      (
        await as.zhaojing!.put(`/api/documents/${documentId}/shares`, {
          shares: [
            { granteeType: 'user', granteeId: id('guomin'), access: 'comment' },
            { granteeType: 'user', granteeId: id('lihua'), access: 'comment' },
          ],
        })
      ).statusCode,
    ).toBe(200);
    await setClearance('guomin', 'internal');
    try {
      const res = await as.zhaojing!.post(`/api/documents/${documentId}/workflow`, { action: 'submit', note: '' });
      expect(res.statusCode).toBe(200);
      const submitted = async (username: string) =>
        (await noticesOf(username, 'document.submit')).filter((n) => n.link === `/documents/${documentId}`);
      expect(await submitted('lihua')).toHaveLength(1);
      expect(await submitted('guomin')).toHaveLength(0);
    } finally {
      await setClearance('guomin', 'secret');
    }
  });
});

describe('meeting notices', () => {
  it('reach the participants who may read the meeting; someone taken off still hears so', async () => {
    const res = await as.zhaojing!.post('/api/meetings', {
      title: '干部任免研究会',
      type: 'zhuanti',
      mode: 'online',
      classification: 'secret',
      startAt: shanghai(t, 3, '09:00'),
      endAt: shanghai(t, 3, '10:00'),
      hostId: id('zhaojing'),
      participants: {
        users: [{ userId: id('lihua') }, { userId: id('guomin') }, { userId: id('linqiang') }],
        units: [],
      },
    });
    expect(res.statusCode).toBe(201);
    const meetingId = res.json().id as string;
    const about = async (username: string, kind: string) =>
      (await noticesOf(username, kind)).filter((n) => n.link === `/meetings/${meetingId}`);
    expect(await about('lihua', 'meeting.scheduled')).toHaveLength(1);

    // 李华 is taken off: told so, though his seat is gone by the time the notice is written.
    const edited = await as.zhaojing!.put(`/api/meetings/${meetingId}/participants`, {
      users: [{ userId: id('guomin') }, { userId: id('linqiang') }],
      units: [],
    });
    expect(edited.statusCode).toBe(200);
    expect(await about('lihua', 'meeting.uninvited')).toHaveLength(1);

    // 郭敏's clearance drops to 内部: the cancellation of a 秘密 meeting is not his to read any more.
    await setClearance('guomin', 'internal');
    try {
      const cancelled = await as.zhaojing!.post(`/api/meetings/${meetingId}/cancel`, { reason: '人选另行研究' });
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      expect(await about('linqiang', 'meeting.cancelled')).toHaveLength(1);
      expect(await about('guomin', 'meeting.cancelled')).toHaveLength(0);
    } finally {
      await setClearance('guomin', 'secret');
    }
  });
});

describe('live meeting broadcasts', () => {
  it('reach only the watchers who may still read the meeting when it changes', async () => {
    const res = await as.zhaojing!.post('/api/meetings', {
      title: '人才引进工作会',
      type: 'zhuanti',
      mode: 'online',
      classification: 'secret',
      startAt: shanghai(t, 4, '09:00'),
      endAt: shanghai(t, 4, '10:00'),
      hostId: id('zhaojing'),
      participants: {
        users: [{ userId: id('lihua') }, { userId: id('guomin') }, { userId: id('linqiang') }],
        units: [],
      },
    });
    expect(res.statusCode).toBe(201);
    const meetingId = res.json().id as string;
    const reader = await socketAs(url, as.lihua!);
    const former = await socketAs(url, as.guomin!);
    try {
      for (const socket of [reader, former])
        expect(await socket.emitWithAck('meeting:watch', { meetingId })).toEqual({ ok: true });
      const heard: unknown[] = [];
      former.on('meeting:rsvp', (e: unknown) => heard.push(e));

      // 郭敏 watched while cleared; his clearance drops to 内部 before 林强 replies.
      await setClearance('guomin', 'internal');
      const counted = nextEvent<{ meetingId: string }>(reader, 'meeting:rsvp', (e) => e.meetingId === meetingId);
      expect((await as.linqiang!.post(`/api/meetings/${meetingId}/rsvp`, { answer: 'attend' })).statusCode).toBe(200);
      await counted;
      // Anything sent to 郭敏's socket before this answer would have arrived first.
      await former.emitWithAck('meeting:unwatch', { meetingId });
      expect(heard).toEqual([]);
    } finally {
      reader.close();
      former.close();
      await setClearance('guomin', 'secret');
    }
  });
});

describe('administrators', () => {
  it('never receive a business notice', async () => {
    const admins = await t.app.svc.db.user.findMany({ where: { adminRole: { not: null } }, select: { id: true } });
    const business = await t.app.svc.db.notification.findMany({
      where: { userId: { in: admins.map((a) => a.id) }, NOT: { kind: { startsWith: 'account.' } } },
    });
    expect(business).toEqual([]);
  });
});
