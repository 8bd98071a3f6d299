// The 待办 centre live: when an item appears or goes for someone, their open sockets hear `todo:changed` (nothing in
// it) and their counts, asked again, have moved — a 公文 distributed to the unit (its clerk), signed for, a 收文's 拟办
// assigned and handled (the next handler), a supervision task raised for the unit and signed for; someone with no
// part in it hears nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { givenOfficialDoc, givenStep, givenSubmitted, OFFICIAL_DOCS } from '../../../tests/support/officialDocs.ts';
import { nextEvent, socketAs } from '../../../tests/support/sockets.ts';
import { refreshStepDueCopies } from '../../commands/officialDocs/stepDueCopies.ts';
import { stepDueInstant } from '../../domain/officialDocs/stepDeadlines.ts';
import {
  createTestApp,
  signedIn,
  signedInWithMfa,
  type TestApp,
  type TestClient,
} from '../../../tests/support/testApp.ts';

let t: TestApp;
let url: string;
const ids: Record<string, string> = {};
const units: Record<string, string> = {};
const as: Record<string, TestClient> = {};
const sockets: Record<string, Socket> = {};
/** Every `todo:changed` each person's socket heard. */
const heard: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp({ clockAt: new Date('2026-03-10T01:00:00Z'), config: { supervisionTickSeconds: 0 } });
  url = await t.listen();
  for (const u of await t.app.svc.db.user.findMany()) ids[u.username] = u.id;
  for (const u of await t.app.svc.db.unit.findMany()) units[u.shortName ?? u.name] = u.id;
  for (const name of ['sunyue', 'zhaojing', 'qianwen', 'zhouqiang', 'wuli']) as[name] = await signedIn(t, name);
  for (const name of ['chenming', 'lihua']) as[name] = await signedInWithMfa(t, name);
  for (const name of ['qianwen', 'lihua', 'wuli']) {
    const socket = await socketAs(url, as[name]!);
    heard[name] = 0;
    socket.on('todo:changed', () => (heard[name]! += 1));
    sockets[name] = socket;
  }
});
afterAll(async () => {
  for (const socket of Object.values(sockets)) socket.close();
  await t.close();
});

const counts = async (name: string) => (await as[name]!.get('/api/todo/counts')).json();
/** The next nudge to a person: subscribed before the action that causes it. */
const nudged = (name: string) => nextEvent(sockets[name]!, 'todo:changed');

describe('the 待办 centre live', () => {
  it('nudges exactly the people whose 待办 moved, and their counts follow', { timeout: 60_000 }, async () => {
    // A sealed 通知 distributed to 区发改委: its clerk has it to sign for.
    const office = await t.app.svc.db.user.findUniqueOrThrow({ where: { username: 'zhaojing' } });
    const seal = await as.zhaojing!.post('/api/seals', {
      unitId: office.unitId,
      name: '某某区人民政府办公室',
      holderIds: [ids.sunyue],
    });
    expect(seal.statusCode).toBe(201);
    const sentId = await givenOfficialDoc(as.sunyue!, { attachmentNotes: [], mainRecipients: ['区发改委'] });
    await givenSubmitted(as.sunyue!, sentId, {
      steps: [
        { id: 'signoff', name: '签发', kind: 'single', opinion: 'signoff', handlers: [{ userId: ids.chenming }] },
      ],
    });
    expect((await as.chenming!.post(`${OFFICIAL_DOCS}/${sentId}/sign-off`, { opinion: '同意' })).statusCode).toBe(200);
    expect((await as.zhaojing!.post(`${OFFICIAL_DOCS}/${sentId}/number`, {})).statusCode).toBe(200);
    expect((await as.sunyue!.post(`${OFFICIAL_DOCS}/${sentId}/seal`, { sealId: seal.json().id })).statusCode).toBe(200);

    let arrived = nudged('qianwen');
    const sent = await as.zhaojing!.post(`${OFFICIAL_DOCS}/${sentId}/distribute`, {
      recipients: [{ unitId: units['区发改委'], role: 'main' }],
    });
    expect(sent.statusCode).toBe(200);
    await arrived;
    expect(await counts('qianwen')).toMatchObject({ doc_sign_for: 1 });

    // Signed for: it leaves the clerk's 待办, and the 收文 it became goes into a route whose 拟办 is hers.
    arrived = nudged('qianwen');
    const rowId = sent.json().distributionIds[0] as string;
    expect((await as.qianwen!.post(`${OFFICIAL_DOCS}/distributions/${rowId}/sign-for`, {})).statusCode).toBe(200);
    await arrived;
    expect(await counts('qianwen')).toMatchObject({ doc_sign_for: 0, doc_handle: 0 });
    const row = await t.app.svc.db.officialDocumentDistribution.findUniqueOrThrow({ where: { id: rowId } });
    const incomingId = row.incomingDocumentId!;

    arrived = nudged('qianwen');
    await givenSubmitted(as.qianwen!, incomingId, {
      steps: [
        { id: 'propose', name: '拟办', kind: 'single', opinion: 'propose', handlers: [{ userId: ids.qianwen }] },
        { id: 'instruct', name: '批办', kind: 'single', opinion: 'instruct', handlers: [{ userId: ids.lihua }] },
        { id: 'conclude', name: '办结', kind: 'single', opinion: 'conclude', handlers: [{ userId: ids.qianwen }] },
      ],
    });
    await arrived;
    expect(await counts('qianwen')).toMatchObject({ doc_handle: 1 });
    expect(await counts('lihua')).toMatchObject({ doc_handle: 0 });

    // 拟办 done: the step leaves the clerk's 待办 and reaches the leader's.
    const [gone, reached] = [nudged('qianwen'), nudged('lihua')];
    await givenStep(as.qianwen!, incomingId, { action: 'approve', opinion: '拟请李主任阅示' });
    await Promise.all([gone, reached]);
    expect(await counts('qianwen')).toMatchObject({ doc_handle: 0 });
    expect(await counts('lihua')).toMatchObject({ doc_handle: 1 });
    // The rows written by the route carry their 公文's classification, deletion and urgency (the centre reads those).
    const rows = await t.app.svc.db.officialDocumentHandler.findMany({
      include: { officialDocument: { select: { urgency: true, document: true } } },
    });
    expect(rows.length).toBeGreaterThan(0);
    for (const h of rows)
      expect([h.classification, h.documentDeleted, h.urgency]).toEqual([
        h.officialDocument.document.classification,
        h.officialDocument.document.deletedAt !== null,
        h.officialDocument.urgency,
      ]);

    // A supervision task for 区发改委: its clerk (and leader) have it to sign for; signed, it goes for both.
    arrived = nudged('qianwen');
    const task = await as.zhouqiang!.post('/api/supervision/tasks', {
      title: '城镇燃气安全排查',
      basisType: 'other',
      basisText: '安全生产专项行动',
      leadUnitId: units['区发改委'],
      requirement: '完成排查并报送结果',
      dueDate: '2026-03-31',
      classification: 'internal',
      supervisorId: ids.zhouqiang,
    });
    expect(task.statusCode).toBe(201);
    await arrived;
    expect(await counts('qianwen')).toMatchObject({ task_sign: 1 });
    const [signedHere, signedThere] = [nudged('qianwen'), nudged('lihua')];
    const signed = await as.qianwen!.post(`/api/supervision/tasks/${task.json().id}/sign`, {});
    expect(signed.statusCode, signed.body).toBe(200);
    await Promise.all([signedHere, signedThere]);
    expect(await counts('qianwen')).toMatchObject({ task_sign: 0 });

    // 吴丽 had no part in any of it: nothing reached her.
    expect(heard.wuli).toBe(0);
  });

  it('dates a step by the 办理时限 copied on its rows, at submission and when the 公文 moves on', async () => {
    const id = await givenOfficialDoc(as.sunyue!);
    await givenSubmitted(as.sunyue!, id, {
      steps: [
        { id: 'review', name: '审核', kind: 'single', handlers: [{ userId: ids.zhaojing }], deadlineDays: 2 },
        { id: 'signoff', name: '签发', kind: 'single', handlers: [{ userId: ids.chenming }], deadlineDays: 3 },
      ],
    });
    const rows = async () =>
      (
        await t.app.svc.db.officialDocumentHandler.findMany({
          where: { officialDocumentId: id },
          select: { userId: true, stepId: true, workingDays: true, since: true, dueAt: true },
        })
      ).map(({ since, ...row }) => ({
        ...row,
        due: row.workingDays === null ? null : stepDueInstant(since, row.workingDays),
      }));
    // The due instant is written with the 办理时限: the end of the China day so many working days after arrival.
    const [review] = await rows();
    expect(review).toEqual({
      userId: ids.zhaojing,
      stepId: 'review',
      workingDays: 2,
      dueAt: review!.due,
      due: review!.due,
    });
    expect(review!.dueAt).toBeInstanceOf(Date);
    const listed = await as.zhaojing!.get('/api/todo?pageSize=50');
    const item = listed.json().items.find((i: { id: string }) => i.id === id);
    expect(item?.dueAt, listed.body).toBe(review!.due!.toISOString());
    await givenStep(as.zhaojing!, id, { action: 'approve', opinion: '同意' });
    const [signoff] = await rows();
    expect(signoff).toEqual({
      userId: ids.chenming,
      stepId: 'signoff',
      workingDays: 3,
      dueAt: signoff!.due,
      due: signoff!.due,
    });
    expect(signoff!.dueAt).toBeInstanceOf(Date);

    // A row whose copy is missing (written before the column) or out of date (an older holiday schedule) is put right
    // at the next start; a row without 办理时限 keeps none.
    const db = t.app.svc.db;
    await db.officialDocumentHandler.updateMany({ where: { officialDocumentId: id }, data: { dueAt: null } });
    expect(await refreshStepDueCopies(db)).toBe(1);
    expect((await rows())[0]!.dueAt).toEqual(signoff!.due);
    await db.officialDocumentHandler.updateMany({
      where: { officialDocumentId: id },
      data: { dueAt: new Date('2027-01-01T00:00:00Z') },
    });
    expect(await refreshStepDueCopies(db)).toBe(1);
    expect((await rows())[0]!.dueAt).toEqual(signoff!.due);
    expect(await refreshStepDueCopies(db)).toBe(0);
    await db.officialDocumentHandler.updateMany({ where: { officialDocumentId: id }, data: { workingDays: null } });
    expect(await refreshStepDueCopies(db)).toBe(1);
    expect((await rows())[0]!.dueAt).toBeNull();
  });
});
