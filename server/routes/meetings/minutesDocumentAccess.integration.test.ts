// A meeting's minutes document follows the minutes read rule on every path that names it: the documents API, the
// document list (page and total) and /collab. A colleague of the organising unit who was not at the meeting reads it
// on none of them; the people at the table read it on all of them (issue #14).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { issueCollabToken } from '../../auth/collabToken.ts';
import { subjectFromUser } from '../../auth/subject.ts';
import { documentWithAccess } from '../../queries/documents/documentAccess.ts';
import { listDocuments } from '../../queries/documents/documentList.ts';
import { connectCollaborator, type Collaborator } from '../../../tests/support/collabClient.ts';
import { demoIds, givenMeeting } from '../../../tests/support/meetings.ts';
import { givenMinutes } from '../../../tests/support/minutes.ts';
import {
  createTestApp,
  signedIn,
  signedInWithMfa,
  type TestApp,
  type TestClient,
} from '../../../tests/support/testApp.ts';

let t: TestApp;
let base: string;
let ids: Awaited<ReturnType<typeof demoIds>>;
const as: Record<string, TestClient> = {};
const open: Collaborator[] = [];
let documentId: string;
const TITLE = '重点片区更新规划研究会纪要';

beforeAll(async () => {
  t = await createTestApp({ clockAt: new Date('2026-11-18T09:05:00+08:00') });
  base = await t.listen();
  ids = await demoIds(t);
  // 李华 (区发改委主任) calls the meeting; 张伟 of the same unit is not at it. 何军 (区财政局) takes the minutes.
  as.lihua = await signedInWithMfa(t, 'lihua');
  for (const name of ['zhangwei', 'hejun', 'matao', 'xuyan']) as[name] = await signedIn(t, name);
  const startAt = new Date('2026-11-18T10:00:00+08:00');
  const { id: meetingId } = await givenMeeting(as.lihua, {
    title: '重点片区更新规划研究会',
    type: 'zhuanti',
    mode: 'online',
    classification: 'internal',
    hostId: ids.users.lihua,
    minuteTakerId: ids.users.hejun,
    startAt: startAt.toISOString(),
    endAt: new Date(startAt.getTime() + 3600_000).toISOString(),
    participants: { users: [{ userId: ids.users.matao }], units: [] },
  });
  documentId = await givenMinutes(as.hejun!, meetingId);
  const doc = await t.app.svc.db.document.findUniqueOrThrow({ where: { id: documentId } });
  // The minutes belong to the organising unit, 张伟's.
  expect(await t.app.svc.db.user.findUniqueOrThrow({ where: { id: ids.users.zhangwei } })).toMatchObject({
    unitId: doc.unitId,
  });
  await t.app.svc.db.document.update({ where: { id: documentId }, data: { title: TITLE } });
});

afterAll(async () => {
  for (const c of open) c.destroy();
  await t.close();
});

async function subjectOf(username: string) {
  const user = await t.app.svc.db.user.findFirstOrThrow({ where: { username }, include: { roles: true } });
  return subjectFromUser(user);
}

/** Opens /collab with a token minted for this person's session, bypassing the API's own check of the token request. */
async function collabRefuses(username: string): Promise<string> {
  const session = await t.app.svc.db.session.findFirstOrThrow({
    where: { userId: ids.users[username]!, revokedAt: null },
    orderBy: { createdAt: 'desc' },
  });
  const { token } = issueCollabToken(
    t.app.svc.keys.master,
    { sid: session.id, uid: session.userId, doc: documentId },
    t.clock.now(),
  );
  const wsp = new HocuspocusProviderWebsocket({
    url: `${base.replace(/^http/, 'ws')}/collab`,
    WebSocketPolyfill: WebSocket,
    maxAttempts: 1,
  });
  try {
    return await new Promise<string>((resolve, reject) => {
      const p = new HocuspocusProvider({
        websocketProvider: wsp,
        name: `doc:${documentId}`,
        token,
        document: new Y.Doc(),
        onAuthenticationFailed: ({ reason }) => resolve(reason),
        onSynced: () => reject(new Error(`${username} was let into the minutes on /collab`)),
      });
      p.attach();
    });
  } finally {
    wsp.destroy();
  }
}

describe('the minutes document', () => {
  it('is not read by a colleague of the organising unit who was not at the meeting, on any path', async () => {
    const zhangwei = as.zhangwei!;
    const res = await zhangwei.get(`/api/documents/${documentId}`);
    expect(res.statusCode).not.toBe(200);
    expect(res.body).not.toContain(TITLE);
    expect((await zhangwei.post(`/api/documents/${documentId}/collab-token`)).statusCode).not.toBe(200);
    for (const scope of ['all', 'unit']) {
      const list = (await zhangwei.get(`/api/documents?scope=${scope}&pageSize=100`)).json() as {
        items: Array<{ id: string }>;
        total: number;
      };
      expect(list.items.map((d) => d.id)).not.toContain(documentId);
      expect(list.total).toBe(list.items.length);
    }
    expect(await collabRefuses('zhangwei')).toMatch(/denied|access/i);
  });

  it('is read by the people at the table, on every path, and listed for them', async () => {
    for (const name of ['matao', 'lihua', 'hejun']) {
      const res = await as[name]!.get(`/api/documents/${documentId}`);
      expect(res.statusCode, name).toBe(200);
      const list = (await as[name]!.get('/api/documents?scope=all&pageSize=100')).json() as {
        items: Array<{ id: string }>;
      };
      expect(
        list.items.map((d) => d.id),
        name,
      ).toContain(documentId);
    }
    expect((await as.matao!.get(`/api/documents/${documentId}`)).json()).toMatchObject({ access: 'view' });
    const reader = await connectCollaborator(base, as.matao!, documentId);
    open.push(reader);
    // connectCollaborator resolves once the document is synced: the attendee is in, read-only.
    expect(reader.provider.isSynced).toBe(true);
  });

  it('is listed exactly as the single-document check answers, for everyone concerned', async () => {
    for (const name of ['zhangwei', 'lihua', 'hejun', 'matao', 'xuyan', 'guomin', 'zhaojing']) {
      const subject = await subjectOf(name);
      const single = await documentWithAccess(t.app.svc.db, subject, documentId);
      const listed = await listDocuments(t.app.svc.db, subject, { scope: 'all', page: 1, pageSize: 500 });
      const row = listed.items.find((x) => x.doc.id === documentId);
      expect(row?.access ?? 'none', name).toBe(single?.access ?? 'none');
      expect(listed.total, name).toBe(listed.items.length);
    }
  });
});
