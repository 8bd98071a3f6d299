// No oracles, and every refused access is audited: an object one may not read answers exactly as a missing one, over
// HTTP, socket.io and /collab; the clash check and the join link say nothing of meetings the caller may not see; each
// refusal leaves an `access.denied` event naming the object by id, never by its title.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { demoIds, shanghai } from '../support/meetings.ts';
import { MeetingSocket } from '../support/onlineMeeting.ts';
import { socketAs } from '../support/sockets.ts';
import { givenTask } from '../support/supervision.ts';
import { createTestApp, signedIn, type TestApp, type TestClient } from '../support/testApp.ts';
import { addDays, shanghaiDateOf } from '../../common/calendar/isoDate.ts';

let t: TestApp;
let base: string;
let ids: Awaited<ReturnType<typeof demoIds>>;
const as: Record<string, TestClient> = {};

const DOCUMENT_TITLE = '关于调整专项资金的请示（内部）';
const SECRET_TITLE = '涉密专题研究会';

beforeAll(async () => {
  t = await createTestApp({ clockAt: new Date('2026-03-02T01:00:00Z') });
  base = await t.listen();
  ids = await demoIds(t);
  for (const name of ['zhangwei', 'hejun', 'matao', 'sunyue', 'zhaojing', 'zhouqiang', 'lihua'])
    as[name] = await signedIn(t, name);
});
afterAll(async () => t.close());

/** The access.denied events one person caused about one object. */
async function denials(username: string, resourceId: string) {
  return t.app.svc.db.auditEvent.findMany({
    where: { action: 'access.denied', actorId: ids.users[username], resourceId },
    orderBy: { seq: 'asc' },
  });
}

/** The status and body of an answer, for comparing a hidden object's answer with a missing one's. */
const answer = (res: { statusCode: number; body: string }) => ({ status: res.statusCode, body: res.body });

describe('documents', () => {
  let documentId: string;
  beforeAll(async () => {
    const res = await as.zhangwei!.post('/api/documents', { kind: 'draft', title: DOCUMENT_TITLE });
    documentId = res.json().id;
  });

  /** Every document route, as an outsider would call it on document `id` with a well-formed request. */
  const routes = (id: string): Array<[string, string, unknown?]> => [
    ['GET', `/api/documents/${id}`],
    ['PATCH', `/api/documents/${id}`, { title: '改名' }],
    ['POST', `/api/documents/${id}/workflow`, { action: 'submit' }],
    ['GET', `/api/documents/${id}/shares`],
    ['PUT', `/api/documents/${id}/shares`, { shares: [] }],
    ['POST', `/api/documents/${id}/collab-token`],
    ['GET', `/api/documents/${id}/versions`],
    ['POST', `/api/documents/${id}/versions`, { name: '定稿前' }],
    ['GET', `/api/documents/${id}/versions/${randomUUID()}`],
    ['GET', `/api/documents/${id}/diff?from=${randomUUID()}`],
    ['POST', `/api/documents/${id}/versions/${randomUUID()}/restore`],
    ['GET', `/api/documents/${id}/suggestions`],
    ['POST', `/api/documents/${id}/suggestions/decide`, { decision: 'accept', all: true }],
    ['GET', `/api/documents/${id}/threads`],
    ['GET', `/api/documents/${id}/mention-candidates`],
    ['POST', `/api/documents/${id}/threads`, { quote: '', body: '请核实。', mentions: [] }],
    ['POST', `/api/documents/${id}/threads/${randomUUID()}/comments`, { body: '同意。', mentions: [] }],
    ['GET', `/api/documents/${id}/authors`],
    ['GET', `/api/documents/${id}/export?format=docx`],
    ['GET', `/api/documents/${id}/images/${'a'.repeat(64)}`],
  ];

  it('answers an unreadable document exactly as a missing one on every route', async () => {
    const missing = randomUUID();
    const hidden = routes(documentId);
    const absent = routes(missing);
    for (const [i, [method, url, body]] of hidden.entries()) {
      const [, absentUrl, absentBody] = absent[i]!;
      const refused = answer(await as.hejun!.request(method as 'GET', url, body));
      const notThere = answer(await as.hejun!.request(method as 'GET', absentUrl, absentBody));
      expect({ route: `${method} ${url}`, ...refused }).toEqual({
        route: `${method} ${url}`,
        status: 404,
        body: notThere.body,
      });
    }
    // Each refusal is audited with the document's id and why, and never its title.
    const events = await denials('hejun', documentId);
    expect(events).toHaveLength(hidden.length);
    expect(events[0]).toMatchObject({ resourceType: 'document', outcome: 'failure' });
    expect(JSON.parse(events[0]!.detail)).toEqual({ action: 'document.view', reason: 'not_involved' });
    for (const e of events) expect(JSON.stringify(e)).not.toContain(DOCUMENT_TITLE);
    // A missing document is no refusal of anything that exists.
    expect(await denials('hejun', missing)).toEqual([]);
  });

  it('still answers 403 to a reader who may not edit: that tells them nothing they do not know', async () => {
    await as.zhangwei!.put(`/api/documents/${documentId}/shares`, {
      shares: [{ granteeType: 'user', granteeId: ids.users.matao, access: 'view' }],
    });
    expect((await as.matao!.get(`/api/documents/${documentId}`)).statusCode).toBe(200);
    const res = await as.matao!.patch(`/api/documents/${documentId}`, { title: '改名' });
    expect([res.statusCode, res.json().code]).toEqual([403, 'document_forbidden']);
  });

  it('refuses a /collab connection to a document one may not open, and audits it', async () => {
    const other = (await as.hejun!.post('/api/documents', { kind: 'draft', title: '预算科工作要点' })).json().id;
    const grant = (await as.hejun!.post(`/api/documents/${other}/collab-token`)).json() as { token: string };
    // A token for one's own document, offered for someone else's.
    expect(await collabRefusal(documentId, grant.token)).toMatch(/denied|access/i);
    const events = await denials('hejun', documentId);
    expect(JSON.parse(events.at(-1)!.detail)).toEqual({
      action: 'document.collab',
      reason: 'token_for_other_document',
    });

    // A token issued while the share held, used after it was withdrawn.
    const shared = (await as.zhangwei!.post('/api/documents', { kind: 'draft', title: DOCUMENT_TITLE })).json().id;
    await as.zhangwei!.put(`/api/documents/${shared}/shares`, {
      shares: [{ granteeType: 'user', granteeId: ids.users.hejun, access: 'edit' }],
    });
    const token = ((await as.hejun!.post(`/api/documents/${shared}/collab-token`)).json() as { token: string }).token;
    await as.zhangwei!.put(`/api/documents/${shared}/shares`, { shares: [] });
    expect(await collabRefusal(shared, token)).toMatch(/denied|access/i);
    const [event] = await denials('hejun', shared);
    expect(event).toMatchObject({ resourceType: 'document', outcome: 'failure' });
    expect(JSON.parse(event!.detail)).toEqual({ action: 'document.collab', reason: 'not_involved' });
    expect(JSON.stringify(event)).not.toContain(DOCUMENT_TITLE);
  });
});

/** Opens document `id` on /collab with `token` and resolves with the reason the server refused it. */
async function collabRefusal(id: string, token: string): Promise<string> {
  const { HocuspocusProvider, HocuspocusProviderWebsocket } = await import('@hocuspocus/provider');
  const wsp = new HocuspocusProviderWebsocket({
    url: `${base.replace('http', 'ws')}/collab`,
    WebSocketPolyfill: WebSocket,
    maxAttempts: 1,
  });
  try {
    return await new Promise<string>((resolve) => {
      const provider = new HocuspocusProvider({
        websocketProvider: wsp,
        name: `doc:${id}`,
        token,
        document: new Y.Doc(),
        onAuthenticationFailed: ({ reason }) => resolve(reason),
      });
      provider.attach();
    });
  } finally {
    wsp.destroy();
  }
}

describe('meetings', () => {
  let secretId: string;
  let joinCode: string;
  beforeAll(async () => {
    // A 秘密 online meeting of the office, with 李华 (cleared for 秘密) at the table.
    const res = await as.zhaojing!.post('/api/meetings', {
      title: SECRET_TITLE,
      type: 'zhuanti',
      mode: 'online',
      classification: 'secret',
      startAt: shanghai(t, 3, '09:00'),
      endAt: shanghai(t, 3, '10:00'),
      participants: { users: [{ userId: ids.users.lihua }], units: [] },
    });
    expect(res.statusCode).toBe(201);
    secretId = res.json().id;
    joinCode = (await t.app.svc.db.meeting.findUniqueOrThrow({ where: { id: secretId } })).joinCode!;
  });

  it('answers a meeting one may not see exactly as a missing one, and audits it', async () => {
    const missing = randomUUID();
    for (const path of ['', '/minutes', '/readers', '/ics', '/whiteboards']) {
      const refused = answer(await as.sunyue!.get(`/api/meetings/${secretId}${path}`));
      const notThere = answer(await as.sunyue!.get(`/api/meetings/${missing}${path}`));
      expect(refused).toEqual({ status: 404, body: notThere.body });
    }
    const events = await denials('sunyue', secretId);
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events[0]).toMatchObject({ resourceType: 'meeting' });
    expect(JSON.parse(events[0]!.detail)).toEqual({ action: 'meeting.view', reason: 'not_cleared' });
    for (const e of events) expect(JSON.stringify(e)).not.toContain(SECRET_TITLE);
  });

  it('says a person is busy, without the id, title or time of a meeting the clerk may not see', async () => {
    const res = await as.sunyue!.post('/api/meetings/clash-check', {
      startAt: shanghai(t, 3, '09:30'),
      endAt: shanghai(t, 3, '11:00'),
      participants: { users: [{ userId: ids.users.lihua }], units: [] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().clashes).toEqual([
      {
        userId: ids.users.lihua,
        displayName: '李华',
        unitName: expect.any(String),
        meetings: [],
        busyElsewhere: true,
      },
    ]);
    const secret = await t.app.svc.db.meeting.findUniqueOrThrow({ where: { id: secretId } });
    for (const leak of [secretId, SECRET_TITLE, secret.startAt.toISOString(), secret.endAt.toISOString()])
      expect(res.body).not.toContain(leak);

    // Someone who may see it is told which meeting it is.
    const cleared = await as.zhaojing!.post('/api/meetings/clash-check', {
      startAt: shanghai(t, 3, '09:30'),
      endAt: shanghai(t, 3, '11:00'),
      participants: { users: [{ userId: ids.users.lihua }], units: [] },
    });
    expect(cleared.json().clashes[0]).toMatchObject({
      meetings: [{ id: secretId, title: SECRET_TITLE }],
      busyElsewhere: false,
    });
  });

  it('answers a join link the caller may never use exactly as an unknown one, and audits it', async () => {
    const before = (await denials('sunyue', secretId)).length;
    const refused = answer(await as.sunyue!.get(`/api/meetings/join/${joinCode}`));
    const unknown = answer(await as.sunyue!.get(`/api/meetings/join/${'x'.repeat(joinCode.length)}`));
    expect(refused).toEqual({ status: 404, body: unknown.body });
    const tried = await as.sunyue!.post(`/api/meetings/join/${joinCode}`, { passcode: '123456' });
    expect(answer(tried)).toEqual(
      answer(await as.sunyue!.post(`/api/meetings/join/${'x'.repeat(joinCode.length)}`, { passcode: '123456' })),
    );
    const events = await denials('sunyue', secretId);
    expect(events.length).toBe(before + 2);
    expect(JSON.parse(events.at(-1)!.detail)).toEqual({ action: 'meeting.join', reason: 'not_cleared' });
    // Someone cleared still learns what the link leads to.
    expect((await as.zhaojing!.get(`/api/meetings/join/${joinCode}`)).json()).toMatchObject({
      meetingId: secretId,
      title: SECRET_TITLE,
    });
  });

  it('refuses socket.io joins alike for a hidden and a missing meeting, and audits them', async () => {
    const socket = await socketAs(base, as.sunyue!);
    try {
      const before = (await denials('sunyue', secretId)).length;
      const watched = await socket.emitWithAck('meeting:watch', { meetingId: secretId });
      const watchedMissing = await socket.emitWithAck('meeting:watch', { meetingId: randomUUID() });
      expect(watched).toEqual(watchedMissing);
      expect(watched).toMatchObject({ ok: false, code: 'forbidden' });
      expect((await denials('sunyue', secretId)).length).toBe(before + 1);
    } finally {
      socket.close();
    }

    const media = await MeetingSocket.connect(t, base, 'sunyue');
    try {
      const before = (await denials('sunyue', secretId)).length;
      const joined = await media.ask('join', { meetingId: secretId });
      const joinedMissing = await media.ask('join', { meetingId: randomUUID() });
      expect(joined).toEqual(joinedMissing);
      expect(joined).toMatchObject({ ok: false, code: 'not_found' });
      const events = await denials('sunyue', secretId);
      expect(events.length).toBe(before + 1);
      expect(JSON.parse(events.at(-1)!.detail)).toEqual({ action: 'meeting.join', reason: 'not_cleared' });
    } finally {
      media.socket.close();
    }
  });
});

describe('supervision tasks', () => {
  it('audits a task one may not see, which answers as a missing one', async () => {
    const today = shanghaiDateOf(t.clock.now());
    const taskId = await givenTask(as.zhouqiang!, {
      title: '推进老旧小区改造项目前期工作',
      basisType: 'leader_instruction',
      basisText: '请发改委牵头，月底前拿出方案。',
      instructedById: ids.users.chenming,
      leadUnitId: ids.units['区发展和改革委员会'],
      coUnitIds: [],
      requirement: '形成改造方案',
      dueDate: addDays(today, 20),
      priority: 'urgent',
    });
    const refused = answer(await as.matao!.get(`/api/supervision/tasks/${taskId}`));
    const notThere = answer(await as.matao!.get(`/api/supervision/tasks/${randomUUID()}`));
    expect(refused).toEqual({ status: 404, body: notThere.body });
    const [event] = await denials('matao', taskId);
    expect(event).toMatchObject({ resourceType: 'supervision_task', outcome: 'failure' });
    expect(JSON.parse(event!.detail)).toEqual({ action: 'task.view', reason: 'not_involved' });
    expect(JSON.stringify(event)).not.toContain('老旧小区');
  });
});
