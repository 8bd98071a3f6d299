// Minutes, stage 3: finalising (read-only for everyone, enforced by the collab server, attendees asked live), then
// confirming: answers only from those asked, an objection to the minute-taker that blocks closing, its answer, a
// reopening and a second round that everyone confirms. Each test builds the stage it starts from.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paragraph, updateRefused, connectCollaborator } from '../../../tests/support/collabClient.ts';
import {
  cityRenewalMeeting,
  CONFIRMERS,
  givenFinalised,
  givenObjected,
  givenObjectionResolved,
  givenSecondRound,
  givenWrittenMinutes,
  OBJECTION,
  RESOLUTION,
  type CityRenewal,
} from '../../../tests/support/cityRenewalMinutes.ts';
import { minutesStateHash, writeMinutes } from '../../../tests/support/minutes.ts';
import { nextEvent as once } from '../../../tests/support/sockets.ts';

let w: CityRenewal;
beforeEach(async () => {
  w = await cityRenewalMeeting();
});
afterEach(async () => {
  await w.close();
});

describe('finalising', () => {
  it('is for the minute-taker only', async () => {
    await givenWrittenMinutes(w);
    expect((await w.as.zhangwei!.post(w.minutesUrl('/finalise'))).statusCode).toBe(403);
    expect((await w.as.zhaojing!.post(w.minutesUrl('/finalise'))).statusCode).toBe(403);
  });

  it('makes the document read-only for everyone and asks the attendees, live', async () => {
    const { as, meetingId } = w;
    const { documentId, writer } = await givenWrittenMinutes(w);
    const zhangSocket = await w.socketFor(as.zhangwei!);
    const asked = once<{ kind: string; title: string; link: string }>(
      zhangSocket,
      'notification:new',
      (n) => n.kind === 'minutes.confirm_request',
    );
    const board = await w.socketFor(as.zhaojing!);
    expect(await board.emitWithAck('meeting:watch', { meetingId })).toEqual({ ok: true });
    const changed = once<{ meetingId: string; status: string; round: number }>(board, 'minutes:changed');
    const res = await as.sunyue!.post(w.minutesUrl('/finalise'));
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ status: 'confirming', round: 1 });
    expect(view.confirmations.map((c: { name: string; state: string }) => `${c.name}:${c.state}`)).toEqual([
      '张伟:pending',
      '马涛:pending',
      '徐燕:pending',
      '何军:pending',
    ]);
    expect(await asked).toMatchObject({
      title: '请确认会议纪要：城市更新工作专题会',
      link: `/documents/${documentId}`,
    });
    expect(await changed).toEqual({ meetingId, status: 'confirming', round: 1 });
    // The minute-taker's open connection is closed so that it reconnects read-only.
    expect((await writer.closed).reason).toContain('4409');
  });

  it('refuses writes on the collab server after finalising', async () => {
    const { documentId } = await givenFinalised(w);
    const before = await minutesStateHash(w.t, documentId);
    const reader = await connectCollaborator(w.base, w.as.sunyue!, documentId);
    w.collaborators.push(reader);
    const refused = updateRefused(reader.provider);
    reader.edit((s) => s.tr.insert(s.doc.content.size, paragraph('定稿后偷偷加的一段。')));
    await refused;
    expect(await minutesStateHash(w.t, documentId)).toBe(before);
    const attendee = await connectCollaborator(w.base, w.as.zhangwei!, documentId);
    w.collaborators.push(attendee);
    expect(attendee.text()).toContain('老旧小区改造实施方案');
  });

  it('cannot be bypassed through the document workflow', async () => {
    const { documentId } = await givenFinalised(w);
    const res = await w.as.sunyue!.post(`/api/documents/${documentId}/workflow`, { action: 'reopen' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('minutes_flow');
  });

  it('cannot be done twice', async () => {
    await givenFinalised(w);
    const res = await w.as.sunyue!.post(w.minutesUrl('/finalise'));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('minutes_confirming');
  });
});

describe('confirming', () => {
  it('takes answers only from attendees who were asked', async () => {
    const { as } = w;
    await givenFinalised(w);
    const leave = await as.zhengkai!.post(w.minutesUrl('/confirmations'), { decision: 'confirm' });
    expect(leave.statusCode).toBe(403);
    expect(leave.json().code).toBe('confirmation_not_requested');
    expect((await as.wuli!.post(w.minutesUrl('/confirmations'), { decision: 'confirm' })).statusCode).toBe(404);
    expect((await as.zhangwei!.post(w.minutesUrl('/confirmations'), { decision: 'maybe' })).statusCode).toBe(400);
    const noComment = await as.zhangwei!.post(w.minutesUrl('/confirmations'), { decision: 'object', comment: '  ' });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().code).toBe('comment_required');
  });

  it('sends an objection to the minute-taker, and the host cannot close while it is open', async () => {
    const { as } = w;
    await givenFinalised(w);
    const minuteTaker = await w.socketFor(as.sunyue!);
    const told = once<{ kind: string; body: string }>(
      minuteTaker,
      'notification:new',
      (n) => n.kind === 'minutes.objection',
    );
    const res = await as.zhangwei!.post(w.minutesUrl('/confirmations'), { decision: 'object', comment: OBJECTION });
    expect(res.statusCode).toBe(200);
    expect(res.json().me).toMatchObject({ confirmation: 'objected', canConfirm: true });
    expect((await told).body).toBe(OBJECTION);
    // Another attendee sees that there is an objection, not what it says.
    const other = (await as.xuyan!.get(w.minutesUrl())).json();
    expect(other.confirmations.find((c: { name: string }) => c.name === '张伟')).toMatchObject({
      state: 'objected',
      comment: null,
    });
    // Only whoever may close is told why closing waits.
    expect(other.me).toMatchObject({ canClose: false, closeBlockers: [] });
    expect((await as.sunyue!.get(w.minutesUrl())).json().me).toMatchObject({ canClose: false, closeBlockers: [] });

    expect((await as.sunyue!.post(w.minutesUrl('/close'))).statusCode).toBe(403);
    const hostView = (await as.zhaojing!.get(w.minutesUrl())).json();
    expect(hostView.me).toMatchObject({ canClose: false, closeBlockers: ['objections_open', 'meeting_not_ended'] });
    const close = await as.zhaojing!.post(w.minutesUrl('/close'));
    expect(close.statusCode).toBe(409);
    expect(close.json().code).toBe('objections_open');
  });

  it('lets the minute-taker answer an objection, and only an objection', async () => {
    const { as, ids } = w;
    await givenObjected(w);
    expect(
      (await as.sunyue!.post(w.minutesUrl(`/objections/${ids.users.xuyan}/resolve`), { resolution: '无' })).json().code,
    ).toBe('not_objected');
    expect(
      (await as.sunyue!.post(w.minutesUrl(`/objections/${ids.users.zhangwei}/resolve`), { resolution: '' })).statusCode,
    ).toBe(400);
    expect(
      (await as.zhangwei!.post(w.minutesUrl(`/objections/${ids.users.zhangwei}/resolve`), { resolution: '自己解决' }))
        .statusCode,
    ).toBe(403);
    const res = await as.sunyue!.post(w.minutesUrl(`/objections/${ids.users.zhangwei}/resolve`), {
      resolution: RESOLUTION,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().confirmations.find((c: { name: string }) => c.name === '张伟')).toMatchObject({
      state: 'objected',
      resolution: RESOLUTION,
    });
  });

  it('reopens for changes and asks everyone again on the next finalisation', async () => {
    const { as } = w;
    const documentId = await givenObjectionResolved(w);
    expect((await as.zhangwei!.post(w.minutesUrl('/reopen'), {})).statusCode).toBe(403);
    const reopened = await as.sunyue!.post(w.minutesUrl('/reopen'), { reason: '按意见修改第二项' });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'drafting', me: { canEdit: true, canFinalise: true } });
    await writeMinutes(
      w.base,
      as.sunyue!,
      documentId,
      (s) => {
        let pos = -1;
        s.doc.forEach((n, offset) => {
          if (n.attrs.id === 'dec-ndrc-00000002') pos = offset;
        });
        return s.tr.insertText('（会同区财政局办理）', pos + 1 + s.doc.nodeAt(pos)!.content.size);
      },
      w.collaborators,
    );
    const again = await as.sunyue!.post(w.minutesUrl('/finalise'));
    expect(again.json()).toMatchObject({ status: 'confirming', round: 2 });
    expect(again.json().confirmations.every((c: { state: string }) => c.state === 'pending')).toBe(true);
  });

  it('tells the host when everyone has confirmed', async () => {
    const { as } = w;
    await givenSecondRound(w);
    const host = await w.socketFor(as.zhaojing!);
    const ready = once<{ kind: string }>(host, 'notification:new', (n) => n.kind === 'minutes.ready_to_close');
    for (const name of CONFIRMERS) {
      const res = await as[name]!.post(w.minutesUrl('/confirmations'), {
        decision: 'confirm',
        comment: name === 'hejun' ? '无意见' : null,
      });
      expect(res.statusCode).toBe(200);
    }
    await ready;
    expect((await as.zhaojing!.get(w.minutesUrl())).json().me).toMatchObject({
      canClose: false,
      closeBlockers: ['meeting_not_ended'],
    });
  });
});
