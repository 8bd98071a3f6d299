// Minutes → supervision tasks, end to end on a real database, collab server and socket.io: the template, decision
// items typed through a real provider (bad attributes refused), finalise (read-only, enforced by the collab server),
// confirm and object, resolve, reopen, close (frozen, signed, PDF), proposals reviewed and confirmed into tasks, and
// closing again without duplicates. Bad input and wrong roles along the way.
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addDays } from '../../domain/calendar/isoDate.ts';
import { localDate } from '../../domain/meetings/localTime.ts';
import { contentHash } from '../../domain/documents/contentHash.ts';
import { connectCollaborator, paragraph, pmDoc, updateRefused, type Collaborator } from '../../../tests/support/collabClient.ts';
import { demoIds } from '../../../tests/support/meetings.ts';
import { pdfText } from '../../../tests/support/pdfText.ts';
import { nextEvent as once, socketAs } from '../../../tests/support/sockets.ts';
import { createTestApp, signInWithMfa, TestClient, type TestApp } from '../../../tests/support/testApp.ts';

let t: TestApp;
let base: string;
let ids: Awaited<ReturnType<typeof demoIds>>;
let meetingId: string;
let documentId: string;
let today: string;
const as: Record<string, TestClient> = {};
const sockets: Socket[] = [];
const collaborators: Collaborator[] = [];

async function signedIn(username: string): Promise<TestClient> {
  const c = new TestClient(t.app);
  const res = await c.signIn(username);
  if (res.statusCode !== 200) throw new Error(`${username}: ${res.body}`);
  return c;
}

async function socketFor(client: TestClient): Promise<Socket> {
  const socket = await socketAs(base, client);
  sockets.push(socket);
  return socket;
}

async function collaborate(user: string): Promise<Collaborator> {
  const c = await connectCollaborator(base, as[user]!, documentId);
  collaborators.push(c);
  return c;
}

const minutesUrl = (path = '') => `/api/meetings/${meetingId}/minutes${path}`;

async function stateHash(): Promise<string> {
  return contentHash(await t.app.svc.collab.currentState(documentId), 'minutes');
}

beforeAll(async () => {
  process.env.TONGBAN_AUTH_RATE_LIMIT = '1000';
  // A fixed morning: the meeting below (40 minutes ahead, two hours long) then falls on one day at any real hour.
  // The header of a meeting across midnight is covered by localTime.test.ts (describeRange).
  t = await createTestApp({ clockAt: new Date('2026-11-18T09:05:00+08:00') });
  base = await t.listen();
  ids = await demoIds(t);
  for (const name of ['zhaojing', 'sunyue', 'zhangwei', 'xuyan', 'matao', 'hejun', 'zhengkai', 'zhouqiang', 'wuli']) as[name] = await signedIn(name);
  as.guomin = new TestClient(t.app);
  await signInWithMfa(t, as.guomin, 'guomin');
  today = localDate(t.clock.now());
  const startAt = new Date(Math.ceil((t.clock.now().getTime() + 40 * 60_000) / 60_000) * 60_000);
  const res = await as.zhaojing!.post('/api/meetings', {
    title: '城市更新工作专题会', type: 'zhuanti', mode: 'online', classification: 'internal', hostId: ids.users.zhaojing, minuteTakerId: ids.users.sunyue,
    startAt: startAt.toISOString(), endAt: new Date(startAt.getTime() + 2 * 3600_000).toISOString(),
    participants: {
      users: [
        { userId: ids.users.zhangwei }, { userId: ids.users.xuyan }, { userId: ids.users.matao }, { userId: ids.users.zhengkai },
        { userId: ids.users.hejun, role: 'non_voting' },
      ],
      units: [],
    },
  });
  expect(res.statusCode).toBe(201);
  meetingId = res.json().id as string;
  expect((await as.zhengkai!.post(`/api/meetings/${meetingId}/rsvp`, { answer: 'leave', reason: '赴市卫健委开会' })).statusCode).toBe(200);
});

afterAll(async () => {
  for (const c of collaborators) c.destroy();
  for (const s of sockets) s.close();
  delete process.env.TONGBAN_AUTH_RATE_LIMIT;
  await t.close();
});

describe('the minutes template', () => {
  it('is opened by the minute-taker, host or organisers only', async () => {
    const res = await as.hejun!.post(minutesUrl());
    expect(res.statusCode).toBe(403);
    expect((await as.zhaojing!.get(minutesUrl())).statusCode).toBe(404);
  });

  it('creates the minutes once, with the header filled from the meeting', async () => {
    const first = await as.sunyue!.post(minutesUrl());
    expect(first.statusCode).toBe(201);
    documentId = first.json().documentId as string;
    const again = await as.zhaojing!.post(minutesUrl());
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ documentId, created: false });

    const doc = await t.app.svc.db.document.findUniqueOrThrow({ where: { id: documentId } });
    expect(doc).toMatchObject({ kind: 'minutes', title: '城市更新工作专题会纪要', ownerId: ids.users.sunyue, contextType: 'meeting', contextId: meetingId, classification: 1 });
    const state = new Y.Doc();
    Y.applyUpdate(state, await t.app.svc.collab.currentState(documentId));
    const pm = pmDoc(state);
    expect(pm.child(0).textContent).toBe('城市更新工作专题会纪要');
    const rows: Record<string, string> = {};
    pm.child(1).forEach((row) => { rows[row.child(0).textContent] = row.child(1).textContent; });
    expect(rows).toMatchObject({ 会议名称: '城市更新工作专题会', 地点: '线上会议', 主持: '赵静', 出席: '张伟、马涛、徐燕', 列席: '区财政局何军', 请假: '郑凯', 记录: '孙悦' });
    expect(rows['时间']).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}–\d{2}:\d{2}$/);
    expect(await t.app.svc.db.auditEvent.count({ where: { action: 'minutes.create', resourceId: meetingId } })).toBe(1);
  });

  it('follows a change of minute-taker, so the one the meeting names can write', async () => {
    const owner = async () => (await t.app.svc.db.document.findUniqueOrThrow({ where: { id: documentId } })).ownerId;
    expect((await as.zhaojing!.patch(`/api/meetings/${meetingId}`, { minuteTakerId: ids.users.xuyan })).statusCode).toBe(200);
    expect((await as.xuyan!.post(minutesUrl())).statusCode).toBe(200);
    expect(await owner()).toBe(ids.users.xuyan);
    expect((await as.xuyan!.get(minutesUrl())).json().me).toMatchObject({ canEdit: true, canFinalise: true });
    expect((await as.sunyue!.get(minutesUrl())).json().me).toMatchObject({ canEdit: false, canFinalise: false });
    expect((await as.zhaojing!.patch(`/api/meetings/${meetingId}`, { minuteTakerId: ids.users.sunyue })).statusCode).toBe(200);
    expect((await as.sunyue!.post(minutesUrl())).statusCode).toBe(200);
    expect(await owner()).toBe(ids.users.sunyue);
  });

  it('tells the minute-taker what they may do', async () => {
    expect((await as.guomin!.get(`/api/documents/${documentId}`)).statusCode).toBe(403);
    const view = (await as.sunyue!.get(minutesUrl())).json();
    expect(view).toMatchObject({ documentId, status: 'drafting', round: 0, version: null, confirmations: [] });
    expect(view.me).toMatchObject({ canEdit: true, canFinalise: true, canConfirm: false, canClose: false, canReopen: false });
    expect((await as.zhangwei!.get(minutesUrl())).json().me).toMatchObject({ canEdit: false, canFinalise: false });
    expect((await as.wuli!.get(minutesUrl())).statusCode).toBe(404);
  });
});

let writer: Collaborator;
const decisions = () => {
  const d1 = addDays(today, 30);
  const d2 = addDays(today, 45);
  return [
    {
      text: `由区住建委牵头，区财政局配合，${d1}前完成老旧小区改造实施方案。`,
      attrs: {
        id: 'dec-housing-0001', confirmed: true, leadUnits: [{ unitId: ids.units['区住房和城乡建设委员会'], name: '区住建委' }], coUnits: [{ unitId: ids.units['区财政局'], name: '区财政局' }],
        owners: [{ userId: ids.users.guomin, name: '郭敏' }], coOwners: [{ userId: ids.users.hejun, name: '何军' }], due: d1, noDeadline: false,
      },
    },
    {
      text: `区发改委负责，会同区财政局，${d2}前报送重大项目储备清单。`,
      attrs: { id: 'dec-ndrc-00000002', confirmed: true, leadUnits: [{ unitId: null, name: '区发改委' }], coUnits: [{ unitId: null, name: '区财政局' }], due: d2 },
    },
    {
      text: '区卫健委牵头做好冬季传染病防控工作。',
      attrs: { id: 'dec-health-000003', confirmed: true, leadUnits: [{ unitId: ids.units['区卫生健康委员会'], name: '区卫健委' }], noDeadline: true },
    },
  ];
};

describe('decision items through the collab server', () => {
  it('accepts decision items with well-typed fields and a plain numbered item', async () => {
    writer = await collaborate('sunyue');
    writer.edit((s) => {
      let tr = s.tr;
      for (const d of decisions()) tr = tr.insert(tr.doc.content.size, s.schema.nodes.decisionItem!.create(d.attrs, s.schema.text(d.text)));
      return tr.insert(tr.doc.content.size, paragraph('四、区文旅局牵头，5个工作日内制定景区安全检查方案。'));
    });
    await writer.acked();
    const stored = new Y.Doc();
    Y.applyUpdate(stored, await t.app.svc.collab.currentState(documentId));
    const items: Array<Record<string, unknown>> = [];
    pmDoc(stored).forEach((n) => { if (n.type.name === 'decisionItem') items.push(n.attrs); });
    expect(items.map((a) => a.id)).toEqual(['dec-housing-0001', 'dec-ndrc-00000002', 'dec-health-000003']);
    expect(items[0]).toMatchObject({ leadUnits: [{ name: '区住建委' }], owners: [{ name: '郭敏' }] });
  });

  it('refuses a badly typed attribute and closes that connection, keeping the document as it was', async () => {
    const before = await stateHash();
    const bad = await collaborate('sunyue');
    bad.edit((s) => {
      let pos = -1;
      s.doc.forEach((n, offset) => { if (pos < 0 && n.type.name === 'decisionItem') pos = offset; });
      return s.tr.setNodeMarkup(pos, undefined, { ...s.doc.nodeAt(pos)!.attrs, due: '明年三月' });
    });
    const closed = await bad.closed;
    expect(closed.reason).toContain('decision item attribute due');
    expect(await stateHash()).toBe(before);
  });
});

describe('finalising', () => {
  it('is for the minute-taker only', async () => {
    expect((await as.zhangwei!.post(minutesUrl('/finalise'))).statusCode).toBe(403);
    expect((await as.zhaojing!.post(minutesUrl('/finalise'))).statusCode).toBe(403);
  });

  it('makes the document read-only for everyone and asks the attendees, live', async () => {
    const zhangSocket = await socketFor(as.zhangwei!);
    const asked = once<{ kind: string; title: string; link: string }>(zhangSocket, 'notification:new', (n) => n.kind === 'minutes.confirm_request');
    const board = await socketFor(as.zhaojing!);
    expect(await board.emitWithAck('meeting:watch', { meetingId })).toEqual({ ok: true });
    const changed = once<{ meetingId: string; status: string; round: number }>(board, 'minutes:changed');
    const res = await as.sunyue!.post(minutesUrl('/finalise'));
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ status: 'confirming', round: 1 });
    expect(view.confirmations.map((c: { name: string; state: string }) => `${c.name}:${c.state}`)).toEqual(['张伟:pending', '马涛:pending', '徐燕:pending', '何军:pending']);
    expect(await asked).toMatchObject({ title: '请确认会议纪要：城市更新工作专题会', link: `/documents/${documentId}` });
    expect(await changed).toEqual({ meetingId, status: 'confirming', round: 1 });
    // The minute-taker's open connection is closed so that it reconnects read-only.
    expect((await writer.closed).reason).toContain('4409');
  });

  it('refuses writes on the collab server after finalising', async () => {
    const before = await stateHash();
    const reader = await collaborate('sunyue');
    const refused = updateRefused(reader.provider);
    reader.edit((s) => s.tr.insert(s.doc.content.size, paragraph('定稿后偷偷加的一段。')));
    await refused;
    expect(await stateHash()).toBe(before);
    const attendee = await collaborate('zhangwei');
    expect(attendee.text()).toContain('老旧小区改造实施方案');
  });

  it('cannot be bypassed through the document workflow', async () => {
    const res = await as.sunyue!.post(`/api/documents/${documentId}/workflow`, { action: 'reopen' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('minutes_flow');
  });

  it('cannot be done twice', async () => {
    const res = await as.sunyue!.post(minutesUrl('/finalise'));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('minutes_confirming');
  });
});

describe('confirming', () => {
  it('takes answers only from attendees who were asked', async () => {
    const leave = await as.zhengkai!.post(minutesUrl('/confirmations'), { decision: 'confirm' });
    expect(leave.statusCode).toBe(403);
    expect(leave.json().code).toBe('confirmation_not_requested');
    expect((await as.wuli!.post(minutesUrl('/confirmations'), { decision: 'confirm' })).statusCode).toBe(404);
    expect((await as.zhangwei!.post(minutesUrl('/confirmations'), { decision: 'maybe' })).statusCode).toBe(400);
    const noComment = await as.zhangwei!.post(minutesUrl('/confirmations'), { decision: 'object', comment: '  ' });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().code).toBe('comment_required');
  });

  it('sends an objection to the minute-taker, and the host cannot close while it is open', async () => {
    const minuteTaker = await socketFor(as.sunyue!);
    const told = once<{ kind: string; body: string }>(minuteTaker, 'notification:new', (n) => n.kind === 'minutes.objection');
    const res = await as.zhangwei!.post(minutesUrl('/confirmations'), { decision: 'object', comment: '第二项应由区发改委会同区财政局办理' });
    expect(res.statusCode).toBe(200);
    expect(res.json().me).toMatchObject({ confirmation: 'objected', canConfirm: true });
    expect((await told).body).toBe('第二项应由区发改委会同区财政局办理');
    // Another attendee sees that there is an objection, not what it says.
    const other = (await as.xuyan!.get(minutesUrl())).json();
    expect(other.confirmations.find((c: { name: string }) => c.name === '张伟')).toMatchObject({ state: 'objected', comment: null });
    // Only whoever may close is told why closing waits.
    expect(other.me).toMatchObject({ canClose: false, closeBlockers: [] });
    expect((await as.sunyue!.get(minutesUrl())).json().me).toMatchObject({ canClose: false, closeBlockers: [] });

    expect((await as.sunyue!.post(minutesUrl('/close'))).statusCode).toBe(403);
    const hostView = (await as.zhaojing!.get(minutesUrl())).json();
    expect(hostView.me).toMatchObject({ canClose: false, closeBlockers: ['objections_open', 'meeting_not_ended'] });
    const close = await as.zhaojing!.post(minutesUrl('/close'));
    expect(close.statusCode).toBe(409);
    expect(close.json().code).toBe('objections_open');
  });

  it('lets the minute-taker answer an objection, and only an objection', async () => {
    expect((await as.sunyue!.post(minutesUrl(`/objections/${ids.users.xuyan}/resolve`), { resolution: '无' })).json().code).toBe('not_objected');
    expect((await as.sunyue!.post(minutesUrl(`/objections/${ids.users.zhangwei}/resolve`), { resolution: '' })).statusCode).toBe(400);
    expect((await as.zhangwei!.post(minutesUrl(`/objections/${ids.users.zhangwei}/resolve`), { resolution: '自己解决' })).statusCode).toBe(403);
    const res = await as.sunyue!.post(minutesUrl(`/objections/${ids.users.zhangwei}/resolve`), { resolution: '将重新打开修改第二项的表述' });
    expect(res.statusCode).toBe(200);
    expect(res.json().confirmations.find((c: { name: string }) => c.name === '张伟')).toMatchObject({ state: 'objected', resolution: '将重新打开修改第二项的表述' });
  });

  it('reopens for changes and asks everyone again on the next finalisation', async () => {
    expect((await as.zhangwei!.post(minutesUrl('/reopen'), {})).statusCode).toBe(403);
    const reopened = await as.sunyue!.post(minutesUrl('/reopen'), { reason: '按意见修改第二项' });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'drafting', me: { canEdit: true, canFinalise: true } });
    const editor = await collaborate('sunyue');
    editor.edit((s) => {
      let pos = -1;
      s.doc.forEach((n, offset) => { if (n.attrs.id === 'dec-ndrc-00000002') pos = offset; });
      return s.tr.insertText('（会同区财政局办理）', pos + 1 + s.doc.nodeAt(pos)!.content.size);
    });
    await editor.acked();
    const again = await as.sunyue!.post(minutesUrl('/finalise'));
    expect(again.json()).toMatchObject({ status: 'confirming', round: 2 });
    expect(again.json().confirmations.every((c: { state: string }) => c.state === 'pending')).toBe(true);
  });

  it('tells the host when everyone has confirmed', async () => {
    const host = await socketFor(as.zhaojing!);
    const ready = once<{ kind: string }>(host, 'notification:new', (n) => n.kind === 'minutes.ready_to_close');
    for (const name of ['zhangwei', 'xuyan', 'matao', 'hejun']) {
      const res = await as[name]!.post(minutesUrl('/confirmations'), { decision: 'confirm', comment: name === 'hejun' ? '无意见' : null });
      expect(res.statusCode).toBe(200);
    }
    await ready;
    expect((await as.zhaojing!.get(minutesUrl())).json().me).toMatchObject({ canClose: false, closeBlockers: ['meeting_not_ended'] });
  });
});

describe('closing', () => {
  it('waits for the end of the meeting', async () => {
    const res = await as.zhaojing!.post(minutesUrl('/close'));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('meeting_not_ended');
  });

  it('freezes and signs the final version, finalises the meeting and proposes tasks', async () => {
    t.clock.advance(15 * 60_000);
    expect((await as.zhaojing!.post(`/api/meetings/${meetingId}/start`)).statusCode).toBe(200);
    expect((await as.zhaojing!.post(`/api/meetings/${meetingId}/end`)).statusCode).toBe(200);
    const supervisor = await socketFor(as.zhouqiang!);
    const told = once<{ kind: string; link: string }>(supervisor, 'notification:new', (n) => n.kind === 'minutes.proposals');
    const res = await as.zhaojing!.post(minutesUrl('/close'));
    expect(res.statusCode).toBe(200);
    const closed = res.json();
    expect(closed).toMatchObject({ status: 'closed', closedBy: { id: ids.users.zhaojing, displayName: '赵静' }, proposals: { created: 4, updated: 0, withdrawn: 0 } });
    expect(closed.version.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(closed.version.signature).toMatch(/^v1:[0-9a-f]{64}$/);
    expect(closed.version.contentHash).toBe(await stateHash());
    expect((await told).link).toBe(`/supervision/proposals?meetingId=${meetingId}`);
    // The supervisors' office may read the minutes it reviews proposals from.
    expect((await as.zhouqiang!.get(`/api/documents/${documentId}`)).statusCode).toBe(200);
    expect((await t.app.svc.db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe('minutes_finalised');
    expect(await t.app.svc.db.auditEvent.count({ where: { action: 'minutes.close', resourceId: meetingId } })).toBe(1);
    expect((await as.zhaojing!.post(minutesUrl('/close'))).json().code).toBe('minutes_closed');
  });

  it('verifies the signature and the content hash', async () => {
    const res = await as.zhangwei!.get(minutesUrl('/verify'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ valid: true, hashMatches: true, signatureValid: true });
    await t.app.svc.db.meetingMinutes.update({ where: { meetingId }, data: { contentHash: 'f'.repeat(64) } });
    expect((await as.zhangwei!.get(minutesUrl('/verify'))).json()).toMatchObject({ valid: false, hashMatches: false, signatureValid: false });
    await t.app.svc.db.meetingMinutes.update({ where: { meetingId }, data: { contentHash: res.json().contentHash } });
  });

  it('exports the signed minutes as PDF', async () => {
    const res = await as.zhangwei!.get(minutesUrl('/pdf'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Lines wrapped by the layout are joined again before looking for phrases.
    const text = (await pdfText(res.rawPayload)).join('').replace(/\n/g, '');
    for (const expected of [
      '城市更新工作专题会纪要', '主持 赵静', '出席 张伟、马涛、徐燕', '列席 区财政局何军', '请假 郑凯', '记录 孙悦',
      '1. 由区住建委牵头', `牵头单位：区住建委；配合单位：区财政局；责任人：郭敏；协办人：何军；完成时限：${addDays(today, 30)}`,
      '3. 区卫健委牵头做好冬季传染病防控工作。', '牵头单位：区卫健委；完成时限：待定',
      '签发：赵静', `内容摘要（SHA-256）：${await stateHash()}`, '签名（HMAC-SM3）：v1:',
    ]) expect(text).toContain(expected);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('城市更新工作专题会纪要.pdf'));
    expect(await t.app.svc.db.auditEvent.count({ where: { action: 'minutes.export', resourceId: meetingId } })).toBe(1);
  });
});

interface Proposal {
  id: string; decisionId: string | null; origin: string; title: string; status: string; due: string | null; needsReview: boolean; taskIds: string[];
  leadUnits: Array<{ unitId: string | null; name: string }>; coUnits: Array<{ unitId: string | null; name: string }>; owners: Array<{ userId: string | null; name: string }>;
}

async function proposals(status = 'pending'): Promise<Proposal[]> {
  const res = await as.zhouqiang!.get(`/api/supervision/proposals?meetingId=${meetingId}&status=${status}`);
  expect(res.statusCode).toBe(200);
  return res.json().items as Proposal[];
}

describe('task proposals', () => {
  it('are for supervisors', async () => {
    expect((await as.zhangwei!.get('/api/supervision/proposals')).statusCode).toBe(403);
    expect((await as.sunyue!.get('/api/supervision/proposals')).statusCode).toBe(403);
  });

  it('come from the decision items as confirmed and from the plain numbered item', async () => {
    const items = await proposals();
    expect(items.map((p) => [p.origin, p.decisionId])).toEqual([
      ['decision', 'dec-housing-0001'], ['decision', 'dec-ndrc-00000002'], ['decision', 'dec-health-000003'], ['extracted', null],
    ]);
    const [housing, ndrc, health, culture] = items;
    expect(housing).toMatchObject({
      leadUnits: [{ unitId: ids.units['区住房和城乡建设委员会'], name: '区住建委' }], coUnits: [{ unitId: ids.units['区财政局'], name: '区财政局' }],
      owners: [{ userId: ids.users.guomin, name: '郭敏' }], due: addDays(today, 30), needsReview: false,
    });
    // Names typed rather than picked are matched to the directory.
    expect(ndrc).toMatchObject({ leadUnits: [{ unitId: ids.units['区发展和改革委员会'], name: '区发改委' }], coUnits: [{ unitId: ids.units['区财政局'] }], due: addDays(today, 45) });
    expect(health).toMatchObject({ due: null, needsReview: false });
    expect(culture).toMatchObject({ leadUnits: [{ unitId: null, name: '区文旅局' }], needsReview: true });
    expect(culture!.due).not.toBeNull();
  });

  it('refuse to become tasks without a lead unit from the directory or a deadline (422, naming the field)', async () => {
    const [, , health, culture] = await proposals();
    const noLead = await as.zhouqiang!.post('/api/supervision/proposals/confirm', { ids: [culture!.id] });
    expect(noLead.statusCode).toBe(422);
    expect(noLead.json()).toMatchObject({ code: 'lead_unit_unresolved', details: { proposalId: culture!.id, field: 'leadUnits' } });
    const noDue = await as.zhouqiang!.post('/api/supervision/proposals/confirm', { ids: [health!.id] });
    expect(noDue.statusCode).toBe(422);
    expect(noDue.json()).toMatchObject({ code: 'due_required', details: { field: 'due' } });
    expect(await t.app.svc.db.supervisionTask.count()).toBe(0);
  });

  it('are corrected by the supervisor (a deadline, a unit), and bad edits are refused', async () => {
    const [, , health] = await proposals();
    expect((await as.zhouqiang!.patch(`/api/supervision/proposals/${health!.id}`, {})).statusCode).toBe(400);
    expect((await as.zhouqiang!.patch(`/api/supervision/proposals/${health!.id}`, { due: '2026-02-30x' })).statusCode).toBe(400);
    expect((await as.zhouqiang!.patch(`/api/supervision/proposals/${health!.id}`, { leadUnits: [{ unitId: 'no-such-unit', name: '某局' }] })).json().code).toBe('unknown_unit');
    expect((await as.zhangwei!.patch(`/api/supervision/proposals/${health!.id}`, { due: addDays(today, 20) })).statusCode).toBe(403);
    const res = await as.zhouqiang!.patch(`/api/supervision/proposals/${health!.id}`, { due: addDays(today, 20) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ due: addDays(today, 20), edited: true });
  });

  it('are split, merged, dropped and added, with the rules checked', async () => {
    const [, , , culture] = await proposals();
    const url = `/api/supervision/proposals/${culture!.id}/split`;
    expect((await as.zhouqiang!.post(url, { parts: [{ title: '只有一部分' }] })).statusCode).toBe(400);
    expect((await as.zhouqiang!.post(url, { parts: [{ title: '甲' }, { title: '   ' }] })).statusCode).toBe(400);
    const split = await as.zhouqiang!.post(url, { parts: [{ title: '制定景区安全检查方案' }, { title: '组织景区安全检查', sourceText: '组织开展检查' }] });
    expect(split.statusCode).toBe(200);
    const parts = split.json().items as Proposal[];
    expect(parts.map((p) => [p.origin, p.title, p.leadUnits[0]!.name])).toEqual([['split', '制定景区安全检查方案', '区文旅局'], ['split', '组织景区安全检查', '区文旅局']]);
    expect((await as.zhouqiang!.post(url, { parts: [{ title: '甲' }, { title: '乙' }] })).json().code).toBe('proposal_not_pending');

    expect((await as.zhouqiang!.post('/api/supervision/proposals/merge', { ids: [parts[0]!.id] })).statusCode).toBe(400);
    expect((await as.zhouqiang!.post('/api/supervision/proposals/merge', { ids: [parts[0]!.id, parts[0]!.id] })).json().code).toBe('merge_ids');
    expect((await as.zhouqiang!.post('/api/supervision/proposals/merge', { ids: [parts[0]!.id, 'no-such-proposal'] })).statusCode).toBe(404);
    const merged = await as.zhouqiang!.post('/api/supervision/proposals/merge', { ids: parts.map((p) => p.id) });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ origin: 'merged', title: '制定景区安全检查方案', leadUnits: [{ name: '区文旅局' }], status: 'pending' });
    expect((await as.zhouqiang!.post(`/api/supervision/proposals/${merged.json().id}/drop`)).json().status).toBe('dropped');

    const added = await as.zhouqiang!.post('/api/supervision/proposals', {
      meetingId, title: '景区安全检查', leadUnits: [{ unitId: ids.units['区应急管理局'], name: '区应急局' }], due: addDays(today, 10),
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ origin: 'manual', status: 'pending', meetingTitle: '城市更新工作专题会' });
    expect((await as.zhouqiang!.post('/api/supervision/proposals', { meetingId: 'no-such-meeting', title: '甲' })).statusCode).toBe(404);
  });

  it('become supervision tasks linked to their decision items, and the lead unit is told live', async () => {
    const pending = await proposals();
    const decisionProposals = pending.filter((p) => p.origin === 'decision');
    expect(decisionProposals).toHaveLength(3);
    const lead = await socketFor(as.guomin!);
    const assigned = once<{ kind: string; link: string }>(lead, 'notification:new', (n) => n.kind.startsWith('supervision.'));
    expect((await as.zhangwei!.post('/api/supervision/proposals/confirm', { ids: [decisionProposals[0]!.id] })).statusCode).toBe(403);
    const res = await as.zhouqiang!.post('/api/supervision/proposals/confirm', { ids: decisionProposals.map((p) => p.id) });
    expect(res.statusCode).toBe(200);
    const tasks = res.json().tasks as Array<{ id: string; proposalId: string }>;
    expect(tasks).toHaveLength(3);
    const rows = await t.app.svc.db.supervisionTask.findMany({ where: { id: { in: tasks.map((x) => x.id) } }, include: { coUnits: true, coOwners: true } });
    const housingTask = rows.find((r) => r.decisionAnchor === 'dec-housing-0001')!;
    expect(housingTask).toMatchObject({
      basisType: 'meeting_decision', minutesDocumentId: documentId, leadUnitId: ids.units['区住房和城乡建设委员会'], ownerId: ids.users.guomin,
      dueDate: addDays(today, 30), status: 'pending_sign', supervisorId: ids.users.zhouqiang,
    });
    expect(housingTask.coUnits.map((u) => u.unitId)).toEqual([ids.units['区财政局']]);
    // The co-owner named in the minutes works in a co-unit: recorded on the task by account, not only by name.
    expect(housingTask.coOwners.map((c) => [c.userId, c.unitId])).toEqual([[ids.users.hejun, ids.units['区财政局']]]);
    expect(housingTask.requirement).not.toContain('何军');
    expect(rows.find((r) => r.decisionAnchor === 'dec-health-000003')!.dueDate).toBe(addDays(today, 20));
    expect((await assigned).link).toBe(`/supervision/tasks/${housingTask.id}`);
    // "Open in minutes" from the task works for the lead unit.
    expect((await as.guomin!.get(`/api/documents/${documentId}`)).json()).toMatchObject({ id: documentId, access: 'view' });
    expect((await proposals('confirmed')).map((p) => p.taskIds)).toEqual(decisionProposals.map((p) => [tasks.find((x) => x.proposalId === p.id)!.id]));

    const again = await as.zhouqiang!.post('/api/supervision/proposals/confirm', { ids: decisionProposals.map((p) => p.id) });
    expect(again.json().tasks).toEqual(expect.arrayContaining(tasks));
    expect(await t.app.svc.db.supervisionTask.count()).toBe(3);
  });

  it('are not made twice when the minutes are reopened, changed and closed again', async () => {
    const before = await t.app.svc.db.taskProposal.count({ where: { meetingId } });
    expect((await as.sunyue!.post(minutesUrl('/reopen'), { reason: '补充一项' })).json().status).toBe('drafting');
    const editor = await collaborate('sunyue');
    editor.edit((s) => s.tr.insert(s.doc.content.size, s.schema.nodes.decisionItem!.create(
      { id: 'dec-market-000004', confirmed: true, leadUnits: [{ unitId: ids.units['区市场监督管理局'], name: '区市场监管局' }], due: addDays(today, 60) },
      s.schema.text('区市场监管局牵头开展食品安全专项整治。'),
    )));
    await editor.acked();
    await as.sunyue!.post(minutesUrl('/finalise'));
    for (const name of ['zhangwei', 'xuyan', 'matao', 'hejun']) await as[name]!.post(minutesUrl('/confirmations'), { decision: 'confirm' });
    const res = await as.zhaojing!.post(minutesUrl('/close'));
    expect(res.statusCode).toBe(200);
    // The new item is added; confirmed, dropped and split ones stay as the supervisor left them.
    expect(res.json().proposals).toEqual({ created: 1, updated: 0, withdrawn: 0 });
    expect(await t.app.svc.db.taskProposal.count({ where: { meetingId } })).toBe(before + 1);
    expect((await proposals('pending')).map((p) => p.origin).sort()).toEqual(['decision', 'manual']);
    expect((await proposals('pending')).find((p) => p.origin === 'decision')!.decisionId).toBe('dec-market-000004');
    expect(await t.app.svc.db.supervisionTask.count()).toBe(3);
    expect((await as.zhangwei!.get(minutesUrl('/verify'))).json().valid).toBe(true);
  });
});

describe('API description', () => {
  it('lists the minutes and proposal routes in OpenAPI with their statuses', async () => {
    const spec = (await t.app.inject({ url: '/api/docs/json' })).json();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining([
      '/api/meetings/{id}/minutes', '/api/meetings/{id}/minutes/finalise', '/api/meetings/{id}/minutes/confirmations',
      '/api/meetings/{id}/minutes/objections/{userId}/resolve', '/api/meetings/{id}/minutes/reopen', '/api/meetings/{id}/minutes/close',
      '/api/meetings/{id}/minutes/pdf', '/api/meetings/{id}/minutes/verify', '/api/minutes/extract',
      '/api/supervision/proposals/', '/api/supervision/proposals/{id}', '/api/supervision/proposals/{id}/split', '/api/supervision/proposals/merge',
      '/api/supervision/proposals/{id}/drop', '/api/supervision/proposals/confirm',
    ]));
    expect(Object.keys(spec.paths['/api/supervision/proposals/confirm'].post.responses)).toEqual(expect.arrayContaining(['200', '403', '404', '409', '422']));
    expect(spec.paths['/api/meetings/{id}/minutes/confirmations'].post.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
  });

  it('proposes structured fields for typed minutes items, matched to the directory', async () => {
    const res = await as.sunyue!.post('/api/minutes/extract', { text: '一、由区住建委牵头，区财政局配合，3个工作日内报送改造清单。\n二、会议听取了汇报。', meetingDate: '2026-11-20' });
    expect(res.statusCode).toBe(200);
    expect(res.json().tasks).toHaveLength(1);
    expect(res.json().tasks[0]).toMatchObject({
      leadUnits: [{ unitId: ids.units['区住房和城乡建设委员会'], name: '区住建委' }], coUnits: [{ unitId: ids.units['区财政局'], name: '区财政局' }], due: '2026-11-25',
    });
    expect((await as.sunyue!.post('/api/minutes/extract', { text: 'x', meetingDate: '2026-02-30' })).statusCode).toBe(400);
    expect((await as.sunyue!.post('/api/minutes/extract', { text: 'x'.repeat(50_001), meetingDate: '2026-11-20' })).statusCode).toBe(400);
  });
});
