// Replies (请假 with reason and substitute), live counts over socket.io, sign-in by rotating QR code and by button,
// the host's view of who is present, late, absent or on leave, and online access by link and passcode.
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addRoom, demoIds } from '../../../tests/support/meetings.ts';
import { readNotice } from '../../../tests/support/notices.ts';
import { nextEvent as once, socketAs } from '../../../tests/support/sockets.ts';
import {
  createTestApp,
  signedIn,
  signedInWithMfa,
  type TestApp,
  type TestClient,
} from '../../../tests/support/testApp.ts';

let t: TestApp;
let url: string;
let ids: Awaited<ReturnType<typeof demoIds>>;
let clerk: TestClient;
let meetingId: string;
let passcode: string;
let joinCode: string;
let startAt: Date;
let sockets: Socket[] = [];

/** 杨帆 is a leader: he signs in with signedInWithMfa. */
const as = (username: string) => signedIn(t, username);

async function socketFor(client: TestClient): Promise<Socket> {
  const socket = await socketAs(url, client);
  sockets.push(socket);
  return socket;
}

// Every test on its own app and meeting (40 minutes ahead); a test that needs the meeting further on builds it below.
beforeEach(async () => {
  t = await createTestApp();
  sockets = [];
  url = await t.listen();
  ids = await demoIds(t);
  clerk = await as('zhaojing');
  const roomId = await addRoom(clerk, '第三会议室', 20);
  startAt = new Date(Math.ceil((t.clock.now().getTime() + 40 * 60_000) / 60_000) * 60_000);
  const res = await clerk.post('/api/meetings', {
    title: '安全生产专题会',
    type: 'zhuanti',
    mode: 'hybrid',
    roomId,
    classification: 'internal',
    hostId: ids.users.zhaojing,
    startAt: startAt.toISOString(),
    endAt: new Date(startAt.getTime() + 2 * 3600_000).toISOString(),
    participants: {
      users: [{ userId: ids.users.zhangwei }, { userId: ids.users.xuyan }],
      units: [{ unitId: ids.units['区财政局'], role: 'non_voting' }],
    },
  });
  expect(res.statusCode).toBe(201);
  ({ id: meetingId, passcode } = res.json() as { id: string; passcode: string });
  joinCode = (res.json().joinUrl as string).split('/').pop()!;
});
afterEach(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

/** A quarter of an hour later: sign-in has opened (half an hour before the start). */
function givenSignInOpen(): void {
  t.clock.advance(15 * 60_000);
}

/** Sign-in open, and 张伟 signed in by the room screen's QR code. */
async function givenZhangSignedIn(): Promise<void> {
  givenSignInOpen();
  const { code } = (await clerk.get(`/api/meetings/${meetingId}/sign-in-code`)).json() as { code: string };
  expect((await (await as('zhangwei')).post(`/api/meetings/${meetingId}/sign-in`, { code })).json()).toMatchObject({
    state: 'present',
  });
}

/**
 * The meeting under way: 张伟 present, 徐燕 on leave, 何军 absent by reply, the host started it six minutes after its
 * start, and 杨帆 signed in late by the tablet button.
 */
async function givenUnderWay(): Promise<void> {
  await givenZhangSignedIn();
  expect(
    (await (await as('xuyan')).post(`/api/meetings/${meetingId}/rsvp`, { answer: 'leave', reason: '值班' })).statusCode,
  ).toBe(200);
  expect(
    (await (await as('hejun')).post(`/api/meetings/${meetingId}/rsvp`, { answer: 'absent', reason: '另有安排' }))
      .statusCode,
  ).toBe(200);
  t.clock.advance(startAt.getTime() + 6 * 60_000 - t.clock.now().getTime());
  expect((await (await as('zhaojing')).post(`/api/meetings/${meetingId}/start`)).statusCode).toBe(200);
  expect(
    (await (await signedInWithMfa(t, 'yangfan')).post(`/api/meetings/${meetingId}/sign-in`, {})).json(),
  ).toMatchObject({ state: 'late' });
}

describe('replies (参会回执)', () => {
  it('takes a leave request only with a reason, and the organiser sees the count change live', async () => {
    const board = await socketFor(clerk);
    expect(await board.emitWithAck('meeting:watch', { meetingId })).toEqual({ ok: true });
    const zhang = await as('zhangwei');
    const missing = await zhang.post(`/api/meetings/${meetingId}/rsvp`, { answer: 'leave' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('reason_required');

    const pushed = once<{
      meetingId: string;
      summary: { counts: Record<string, number>; byUnit: Array<{ unitName: string; counts: Record<string, number> }> };
    }>(board, 'meeting:rsvp');
    const res = await zhang.post(`/api/meetings/${meetingId}/rsvp`, { answer: 'leave', reason: '赴市里参加培训' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ answer: 'leave', substitute: null });
    const live = await pushed;
    expect(live.meetingId).toBe(meetingId);
    expect(live.summary.counts).toMatchObject({ total: 6, leave: 1, pending: 5, attend: 0 });
    expect(live.summary.byUnit.find((u) => u.unitName === '区发展和改革委员会')!.counts).toMatchObject({
      total: 1,
      leave: 1,
    });
    expect(live.summary.byUnit.find((u) => u.unitName === '区财政局')!.counts).toMatchObject({ total: 3, pending: 3 });

    const db = t.app.svc.db;
    expect(await readNotice(db, { userId: ids.users.zhaojing, kind: 'meeting.leave_requested' })).toMatchObject({
      title: '请假：张伟（安全生产专题会）',
      body: '理由：赴市里参加培训',
    });
    const organiserView = (await clerk.get(`/api/meetings/${meetingId}`)).json();
    expect(organiserView.participants.find((p: { userId: string }) => p.userId === ids.users.zhangwei)).toMatchObject({
      rsvp: 'leave',
      rsvpReason: '赴市里参加培训',
    });
    expect(organiserView.rsvpSummary.counts).toMatchObject({ leave: 1 });
    const colleague = (await (await as('hejun')).get(`/api/meetings/${meetingId}`)).json();
    expect(colleague.participants.find((p: { userId: string }) => p.userId === ids.users.zhangwei)).toMatchObject({
      rsvp: 'leave',
      rsvpReason: null,
      signedInAt: null,
    });
    expect(colleague.rsvpSummary).toBeNull();
    expect(
      await db.auditEvent.count({
        where: { action: 'meeting.rsvp', resourceId: meetingId, actorId: ids.users.zhangwei },
      }),
    ).toBe(1);
  });

  it('invites a substitute from the same unit, refuses one from elsewhere, and releases them when the reply changes', async () => {
    const zhang = await as('zhangwei');
    const other = await zhang.post(`/api/meetings/${meetingId}/rsvp`, {
      answer: 'leave',
      reason: '出差',
      substituteId: ids.users.hejun,
    });
    expect(other.json().code).toBe('substitute_other_unit');
    const self = await zhang.post(`/api/meetings/${meetingId}/rsvp`, {
      answer: 'leave',
      reason: '出差',
      substituteId: ids.users.zhangwei,
    });
    expect(self.json().code).toBe('substitute_self');
    const noLeave = await zhang.post(`/api/meetings/${meetingId}/rsvp`, {
      answer: 'attend',
      substituteId: ids.users.lihua,
    });
    expect(noLeave.json().code).toBe('substitute_needs_leave');

    const res = await zhang.post(`/api/meetings/${meetingId}/rsvp`, {
      answer: 'leave',
      reason: '出差',
      substituteId: ids.users.lihua,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().substitute).toEqual({ userId: ids.users.lihua, displayName: '李华' });
    const db = t.app.svc.db;
    const seat = await db.meetingParticipant.findFirstOrThrow({
      where: { meetingId, userId: ids.users.lihua },
      include: { substituteFor: true },
    });
    expect(seat.substituteFor?.userId).toBe(ids.users.zhangwei);
    expect(await readNotice(db, { userId: ids.users.lihua, kind: 'meeting.substitute' })).toMatchObject({
      title: '代为参会：安全生产专题会',
    });
    const detail = (await clerk.get(`/api/meetings/${meetingId}`)).json();
    expect(detail.participants.find((p: { userId: string }) => p.userId === ids.users.zhangwei).substitute).toEqual({
      userId: ids.users.lihua,
      displayName: '李华',
    });

    const back = await zhang.post(`/api/meetings/${meetingId}/rsvp`, { answer: 'attend' });
    expect(back.statusCode).toBe(200);
    expect(await db.meetingParticipant.count({ where: { meetingId, userId: ids.users.lihua } })).toBe(0);
    expect(
      await db.notification.count({ where: { userId: ids.users.lihua, kind: 'meeting.substitute_released' } }),
    ).toBe(1);
    expect(await db.meetingParticipant.findFirst({ where: { meetingId, userId: ids.users.zhangwei } })).toMatchObject({
      rsvp: 'attend',
      rsvpReason: null,
    });
  });

  it('lets only people who may see the meeting follow its counts', async () => {
    const outsider = await socketFor(await as('matao'));
    expect(await outsider.emitWithAck('meeting:watch', { meetingId })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await outsider.emitWithAck('meeting:watch', { meetingId: '' })).toMatchObject({
      ok: false,
      code: 'invalid_message',
    });
    const staff = await as('matao');
    expect((await staff.post(`/api/meetings/${meetingId}/rsvp`, { answer: 'attend' })).statusCode).toBe(404);
  });
});

describe('sign-in (签到)', () => {
  it('opens half an hour before the start; only the host and organisers get the room screen’s code', async () => {
    expect((await clerk.get(`/api/meetings/${meetingId}/sign-in-code`)).json().code).toBe('sign_in_not_open');
    expect((await (await as('zhangwei')).post(`/api/meetings/${meetingId}/sign-in`, {})).json().code).toBe(
      'sign_in_not_open',
    );
    t.clock.advance(15 * 60_000);
    const code = await clerk.get(`/api/meetings/${meetingId}/sign-in-code`);
    expect(code.statusCode).toBe(200);
    expect(code.json()).toMatchObject({
      code: expect.stringMatching(/^\d+\.[\w-]{22}$/),
      qr: expect.stringMatching(/^data:image\/png;base64,/),
    });
    expect(code.json().url).toBe(
      `http://localhost:3000/meetings/${meetingId}/sign-in?code=${encodeURIComponent(code.json().code)}`,
    );
    expect((await (await as('hejun')).get(`/api/meetings/${meetingId}/sign-in-code`)).statusCode).toBe(403);
  });

  it('signs a participant in by the QR code and tells the host live; an expired or forged code is refused and audited', async () => {
    givenSignInOpen();
    const board = await socketFor(clerk);
    expect(await board.emitWithAck('meeting:watch', { meetingId })).toEqual({ ok: true });
    const { code } = (await clerk.get(`/api/meetings/${meetingId}/sign-in-code`)).json() as { code: string };
    const zhang = await as('zhangwei');
    const pushed = once<{ summary: { counts: Record<string, number> } }>(board, 'meeting:attendance');
    const res = await zhang.post(`/api/meetings/${meetingId}/sign-in`, { code });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'present', already: false });
    expect((await pushed).summary.counts).toMatchObject({ present: 1 });
    expect((await zhang.post(`/api/meetings/${meetingId}/sign-in`, { code })).json()).toMatchObject({
      state: 'present',
      already: true,
    });

    t.clock.advance(61_000);
    const fei = await signedInWithMfa(t, 'yangfan');
    const expired = await fei.post(`/api/meetings/${meetingId}/sign-in`, { code });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().code).toBe('invalid_sign_in_code');
    const forged = await fei.post(`/api/meetings/${meetingId}/sign-in`, {
      code: `${code.split('.')[0]}.AAAAAAAAAAAAAAAAAAAAAA`,
    });
    expect(forged.json().code).toBe('invalid_sign_in_code');
    expect(
      await t.app.svc.db.auditEvent.count({
        where: { action: 'meeting.sign_in', outcome: 'failure', actorId: ids.users.yangfan },
      }),
    ).toBe(2);
    expect(
      await t.app.svc.db.meetingParticipant.findFirst({ where: { meetingId, userId: ids.users.yangfan } }),
    ).toMatchObject({ signedInAt: null });
  });

  it('signs in by the tablet button too; the host sees present, late, on leave, absent', async () => {
    await givenZhangSignedIn();
    const xu = await as('xuyan');
    expect((await xu.post(`/api/meetings/${meetingId}/rsvp`, { answer: 'leave', reason: '值班' })).statusCode).toBe(
      200,
    );
    const he = await as('hejun');
    expect(
      (await he.post(`/api/meetings/${meetingId}/rsvp`, { answer: 'absent', reason: '另有安排' })).statusCode,
    ).toBe(200);
    // Past the start and its grace period: the meeting is under way.
    t.clock.advance(startAt.getTime() + 6 * 60_000 - t.clock.now().getTime());
    const host = await as('zhaojing');
    expect((await host.post(`/api/meetings/${meetingId}/start`)).statusCode).toBe(200);
    expect((await (await as('xuyan')).post(`/api/meetings/${meetingId}/rsvp`, { answer: 'attend' })).json().code).toBe(
      'rsvp_closed',
    );
    const fei = await signedInWithMfa(t, 'yangfan');
    expect((await fei.post(`/api/meetings/${meetingId}/sign-in`, {})).json()).toMatchObject({ state: 'late' });
    const view = (await host.get(`/api/meetings/${meetingId}`)).json();
    const states = Object.fromEntries(
      view.participants.map((p: { displayName: string; attendance: string }) => [p.displayName, p.attendance]),
    );
    expect(states).toEqual({
      张伟: 'present',
      杨帆: 'late',
      何军: 'absent',
      唐敏: 'absent',
      徐燕: 'leave',
      赵静: 'absent',
    });
    expect(view.attendanceSummary.counts).toMatchObject({ total: 6, present: 1, late: 1, leave: 1, absent: 3 });
    expect(
      await t.app.svc.db.meetingParticipant.findFirst({ where: { meetingId, userId: ids.users.yangfan } }),
    ).toMatchObject({ signInMethod: 'button' });
  });
});

describe('online access', () => {
  it('lets participants straight in and signs them in; colleagues outside the list go to the lobby after the passcode', async () => {
    await givenUnderWay();
    const he = await as('hejun');
    expect((await he.get(`/api/meetings/join/${joinCode}`)).json()).toMatchObject({
      meetingId,
      decision: 'admit',
      title: '安全生产专题会',
    });
    expect((await he.post(`/api/meetings/join/${joinCode}`, {})).json()).toEqual({ meetingId, result: 'admitted' });
    expect(
      await t.app.svc.db.meetingParticipant.findFirst({ where: { meetingId, userId: ids.users.hejun } }),
    ).toMatchObject({ signInMethod: 'online' });

    const outsider = await as('matao');
    expect((await outsider.get(`/api/meetings/join/${joinCode}`)).json()).toMatchObject({ decision: 'lobby' });
    expect((await outsider.post(`/api/meetings/join/${joinCode}`, {})).json().code).toBe('passcode_required');
    expect((await outsider.post(`/api/meetings/join/${joinCode}`, { passcode })).json()).toEqual({
      meetingId,
      result: 'lobby',
    });
    expect((await outsider.get('/api/meetings/join/no-such-meeting-code')).statusCode).toBe(404);
  });

  it('limits wrong passcodes per person and meeting, audits each, and lets a new passcode replace the old', async () => {
    await givenUnderWay();
    const guesser = await as('zhengkai');
    const wrong = passcode === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const res = await guesser.post(`/api/meetings/join/${joinCode}`, { passcode: wrong });
      expect([res.statusCode, res.json().code]).toEqual([403, 'wrong_passcode']);
    }
    const blocked = await guesser.post(`/api/meetings/join/${joinCode}`, { passcode });
    expect([blocked.statusCode, blocked.json().code]).toEqual([429, 'passcode_attempts']);
    const db = t.app.svc.db;
    expect(
      await db.auditEvent.count({
        where: { action: 'meeting.passcode_check', actorId: ids.users.zhengkai, outcome: 'failure' },
      }),
    ).toBe(6);
    // Someone else is not held up by the guesser.
    expect((await (await as('xuyan')).post(`/api/meetings/join/${joinCode}`, {})).json().result).toBe('admitted');

    t.clock.advance(16 * 60_000);
    const later = await as('zhengkai');
    expect((await later.post(`/api/meetings/join/${joinCode}`, { passcode })).json().result).toBe('lobby');

    const organiser = await as('zhaojing');
    const issued = await organiser.post(`/api/meetings/${meetingId}/passcode`);
    expect(issued.statusCode).toBe(200);
    expect(issued.json().joinUrl.endsWith(joinCode)).toBe(true);
    expect(
      (await later.post(`/api/meetings/join/${joinCode}`, { passcode: issued.json().passcode })).json().result,
    ).toBe('lobby');
    if (issued.json().passcode !== passcode)
      expect((await later.post(`/api/meetings/join/${joinCode}`, { passcode })).json().code).toBe('wrong_passcode');
    expect(await db.auditEvent.count({ where: { action: 'meeting.passcode_issue', resourceId: meetingId } })).toBe(1);
    expect((await (await as('hejun')).post(`/api/meetings/${meetingId}/passcode`)).statusCode).toBe(403);
  });
});
