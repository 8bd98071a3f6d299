// Minutes, stage 4: closing once the meeting has ended (frozen, signed, the meeting finalised, tasks proposed to the
// supervisors), the signature and content hash verified, and the signed minutes exported as PDF.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../common/calendar/isoDate.ts';
import {
  cityRenewalMeeting,
  givenClosed,
  givenEveryoneConfirmed,
  type CityRenewal,
} from '../../../tests/support/cityRenewalMinutes.ts';
import { minutesStateHash } from '../../../tests/support/minutes.ts';
import { pdfText } from '../../../tests/support/pdfText.ts';
import { nextEvent as once } from '../../../tests/support/sockets.ts';

let w: CityRenewal;
beforeEach(async () => {
  w = await cityRenewalMeeting();
});
afterEach(async () => {
  await w.close();
});

describe('closing', () => {
  it('waits for the end of the meeting', async () => {
    await givenEveryoneConfirmed(w);
    const res = await w.as.zhaojing!.post(w.minutesUrl('/close'));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('meeting_not_ended');
  });

  it('freezes and signs the final version, finalises the meeting and proposes tasks', async () => {
    const { t, as, ids, meetingId } = w;
    const documentId = await givenEveryoneConfirmed(w);
    t.clock.advance(15 * 60_000);
    expect((await as.zhaojing!.post(`/api/meetings/${meetingId}/start`)).statusCode).toBe(200);
    expect((await as.zhaojing!.post(`/api/meetings/${meetingId}/end`)).statusCode).toBe(200);
    const supervisor = await w.socketFor(as.zhouqiang!);
    const told = once<{ kind: string; link: string }>(
      supervisor,
      'notification:new',
      (n) => n.kind === 'minutes.proposals',
    );
    const res = await as.zhaojing!.post(w.minutesUrl('/close'));
    expect(res.statusCode).toBe(200);
    const closed = res.json();
    expect(closed).toMatchObject({
      status: 'closed',
      closedBy: { id: ids.users.zhaojing, displayName: '赵静' },
      proposals: { created: 4, updated: 0, withdrawn: 0 },
    });
    expect(closed.version.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(closed.version.signature).toMatch(/^v1:[0-9a-f]{64}$/);
    expect(closed.version.contentHash).toBe(await minutesStateHash(t, documentId));
    expect((await told).link).toBe(`/supervision/proposals?meetingId=${meetingId}`);
    // The supervisors' office may read the minutes it reviews proposals from.
    expect((await as.zhouqiang!.get(`/api/documents/${documentId}`)).statusCode).toBe(200);
    expect((await t.app.svc.db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe(
      'minutes_finalised',
    );
    expect(await t.app.svc.db.auditEvent.count({ where: { action: 'minutes.close', resourceId: meetingId } })).toBe(1);
    expect((await as.zhaojing!.post(w.minutesUrl('/close'))).json().code).toBe('minutes_closed');
  });

  it('verifies the signature and the content hash', async () => {
    const { t, as, meetingId } = w;
    await givenClosed(w);
    const res = await as.zhangwei!.get(w.minutesUrl('/verify'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ valid: true, hashMatches: true, signatureValid: true });
    await t.app.svc.db.meetingMinutes.update({ where: { meetingId }, data: { contentHash: 'f'.repeat(64) } });
    expect((await as.zhangwei!.get(w.minutesUrl('/verify'))).json()).toMatchObject({
      valid: false,
      hashMatches: false,
      signatureValid: false,
    });
    await t.app.svc.db.meetingMinutes.update({ where: { meetingId }, data: { contentHash: res.json().contentHash } });
  });

  it('exports the signed minutes as PDF', async () => {
    const { t, as, meetingId, today } = w;
    const documentId = await givenClosed(w);
    const res = await as.zhangwei!.get(w.minutesUrl('/pdf'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Lines wrapped by the layout are joined again before looking for phrases.
    const text = (await pdfText(res.rawPayload)).join('').replace(/\n/g, '');
    for (const expected of [
      '城市更新工作专题会纪要',
      '主持 赵静',
      '出席 张伟、马涛、徐燕',
      '列席 区财政局何军',
      '请假 郑凯',
      '记录 孙悦',
      '1. 由区住建委牵头',
      `牵头单位：区住建委；配合单位：区财政局；责任人：郭敏；协办人：何军；完成时限：${addDays(today, 30)}`,
      '3. 区卫健委牵头做好冬季传染病防控工作。',
      '牵头单位：区卫健委；完成时限：待定',
      '签发：赵静',
      `内容摘要（SHA-256）：${await minutesStateHash(t, documentId)}`,
      '签名（HMAC-SM3）：v1:',
    ])
      expect(text).toContain(expected);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('城市更新工作专题会纪要.pdf'));
    expect(await t.app.svc.db.auditEvent.count({ where: { action: 'minutes.export', resourceId: meetingId } })).toBe(1);
  });
});
