// Minutes, stage 1: the template. Who may open the minutes, the header filled from the meeting, a change of
// minute-taker followed, and what each person may do. Each test starts from its own meeting (tests/support/cityRenewalMinutes.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { pmDoc } from '../../../tests/support/collabClient.ts';
import { cityRenewalMeeting, givenOpenedMinutes, type CityRenewal } from '../../../tests/support/cityRenewalMinutes.ts';

let w: CityRenewal;
beforeEach(async () => {
  w = await cityRenewalMeeting();
});
afterEach(async () => {
  await w.close();
});

describe('the minutes template', () => {
  it('is opened by the minute-taker, host or organisers only', async () => {
    const res = await w.as.hejun!.post(w.minutesUrl());
    expect(res.statusCode).toBe(403);
    expect((await w.as.zhaojing!.get(w.minutesUrl())).statusCode).toBe(404);
  });

  it('creates the minutes once, with the header filled from the meeting', async () => {
    const { t, as, ids, meetingId } = w;
    const first = await as.sunyue!.post(w.minutesUrl());
    expect(first.statusCode).toBe(201);
    const documentId = first.json().documentId as string;
    const again = await as.zhaojing!.post(w.minutesUrl());
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ documentId, created: false });

    const doc = await t.app.svc.db.document.findUniqueOrThrow({ where: { id: documentId } });
    expect(doc).toMatchObject({
      kind: 'minutes',
      title: '城市更新工作专题会纪要',
      ownerId: ids.users.sunyue,
      contextType: 'meeting',
      contextId: meetingId,
      classification: 1,
    });
    const state = new Y.Doc();
    Y.applyUpdate(state, await t.app.svc.collab.currentState(documentId));
    const pm = pmDoc(state);
    expect(pm.child(0).textContent).toBe('城市更新工作专题会纪要');
    const rows: Record<string, string> = {};
    pm.child(1).forEach((row) => {
      rows[row.child(0).textContent] = row.child(1).textContent;
    });
    expect(rows).toMatchObject({
      会议名称: '城市更新工作专题会',
      地点: '线上会议',
      主持: '赵静',
      出席: '张伟、马涛、徐燕',
      列席: '区财政局何军',
      请假: '郑凯',
      记录: '孙悦',
    });
    expect(rows['时间']).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}–\d{2}:\d{2}$/);
    expect(await t.app.svc.db.auditEvent.count({ where: { action: 'minutes.create', resourceId: meetingId } })).toBe(1);
  });

  it('follows a change of minute-taker, so the one the meeting names can write', async () => {
    const { t, as, ids, meetingId } = w;
    const documentId = await givenOpenedMinutes(w);
    const owner = async () => (await t.app.svc.db.document.findUniqueOrThrow({ where: { id: documentId } })).ownerId;
    expect(
      (await as.zhaojing!.patch(`/api/meetings/${meetingId}`, { minuteTakerId: ids.users.xuyan })).statusCode,
    ).toBe(200);
    expect((await as.xuyan!.post(w.minutesUrl())).statusCode).toBe(200);
    expect(await owner()).toBe(ids.users.xuyan);
    expect((await as.xuyan!.get(w.minutesUrl())).json().me).toMatchObject({ canEdit: true, canFinalise: true });
    expect((await as.sunyue!.get(w.minutesUrl())).json().me).toMatchObject({ canEdit: false, canFinalise: false });
    expect(
      (await as.zhaojing!.patch(`/api/meetings/${meetingId}`, { minuteTakerId: ids.users.sunyue })).statusCode,
    ).toBe(200);
    expect((await as.sunyue!.post(w.minutesUrl())).statusCode).toBe(200);
    expect(await owner()).toBe(ids.users.sunyue);
  });

  it('tells the minute-taker what they may do', async () => {
    const { as } = w;
    const documentId = await givenOpenedMinutes(w);
    expect((await as.guomin!.get(`/api/documents/${documentId}`)).statusCode).toBe(404);
    const view = (await as.sunyue!.get(w.minutesUrl())).json();
    expect(view).toMatchObject({ documentId, status: 'drafting', round: 0, version: null, confirmations: [] });
    expect(view.me).toMatchObject({
      canEdit: true,
      canFinalise: true,
      canConfirm: false,
      canClose: false,
      canReopen: false,
    });
    expect((await as.zhangwei!.get(w.minutesUrl())).json().me).toMatchObject({ canEdit: false, canFinalise: false });
    expect((await as.wuli!.get(w.minutesUrl())).statusCode).toBe(404);
  });
});
