// Reminders before meetings on the test clock: each offset once, never twice (not after a restart either), people
// who have not replied asked to reply, people on leave left alone, stale reminders skipped after downtime, and a
// reschedule arming them again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { demoIds, shanghai } from '../../tests/support/meetings.ts';
import { createTestApp, signedIn, type TestApp } from '../../tests/support/testApp.ts';
import { presentNotification } from '../presenters/notification.ts';
import { MeetingReminderJob } from './meetingReminders.ts';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;

const as = (username: string) => signedIn(t, username);

/** Moves the test clock to a moment (forward only). */
function moveTo(at: Date): void {
  t.clock.advance(at.getTime() - t.clock.now().getTime());
}

async function schedule(
  title: string,
  startAt: string,
  endAt: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await (
    await as('zhaojing')
  ).post('/api/meetings', {
    title,
    type: 'weekly',
    mode: 'online',
    startAt,
    endAt,
    participants: {
      users: [{ userId: ids.users.zhangwei }, { userId: ids.users.hejun }, { userId: ids.users.xuyan }],
      units: [],
    },
    acceptClashes: true,
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id as string;
}

/** The reminders sent about a meeting, as their recipients read them (zh-CN). */
const reminders = async (meetingId: string) =>
  (
    await t.app.svc.db.notification.findMany({
      where: { link: `/meetings/${meetingId}`, kind: { in: ['meeting.reminder', 'meeting.rsvp_reminder'] } },
      orderBy: { createdAt: 'asc' },
    })
  ).map((row) => presentNotification(row, 'zh-CN'));

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t);
});
afterAll(async () => {
  await t.close();
});

describe('meeting reminders', () => {
  it('sends the day-before and the 15-minute reminders once each, even across a restart', async () => {
    const start = shanghai(t, 3, '09:00');
    const id = await schedule('周例会', start, shanghai(t, 3, '10:00'));
    expect((await (await as('zhangwei')).post(`/api/meetings/${id}/rsvp`, { answer: 'attend' })).statusCode).toBe(200);
    expect(
      (await (await as('xuyan')).post(`/api/meetings/${id}/rsvp`, { answer: 'leave', reason: '下乡检查' })).statusCode,
    ).toBe(200);
    const job = new MeetingReminderJob(t.app.svc);
    await job.runOnce();
    expect(await reminders(id)).toEqual([]);

    moveTo(new Date(new Date(start).getTime() - 1440 * 60_000 + 30_000));
    await job.runOnce();
    const dayBefore = await reminders(id);
    expect(dayBefore.map((n) => [n.userId, n.kind])).toEqual(
      expect.arrayContaining([
        [ids.users.zhangwei, 'meeting.reminder'],
        [ids.users.hejun, 'meeting.rsvp_reminder'],
      ]),
    );
    expect(dayBefore).toHaveLength(2);
    expect(dayBefore.find((n) => n.kind === 'meeting.reminder')).toMatchObject({
      title: '会议提醒：周例会',
      body: expect.stringContaining('距开始还有 1 天'),
    });
    expect(dayBefore.find((n) => n.kind === 'meeting.rsvp_reminder')).toMatchObject({ title: '请回执：周例会' });

    await job.runOnce();
    await new MeetingReminderJob(t.app.svc).runOnce();
    // A real restart: a second app on the same data directory.
    const restarted = await buildApp({
      config: { dataDir: t.dataDir, publicUrl: 'http://localhost:3000' },
      clock: t.clock,
      serveClient: false,
      logger: false,
    });
    await restarted.ready();
    await new MeetingReminderJob(restarted.svc).runOnce();
    await restarted.close();
    expect(await reminders(id)).toHaveLength(2);

    moveTo(new Date(new Date(start).getTime() - 15 * 60_000));
    await Promise.all([job.runOnce(), new MeetingReminderJob(t.app.svc).runOnce()]);
    const all = await reminders(id);
    expect(all).toHaveLength(4);
    expect(all.slice(2).map((n) => n.body)).toEqual([
      expect.stringContaining('距开始还有 15 分钟'),
      expect.stringContaining('距开始还有 15 分钟'),
    ]);
    expect(all.some((n) => n.userId === ids.users.xuyan)).toBe(false);
    const rows = await t.app.svc.db.meetingReminder.findMany({
      where: { meetingId: id },
      orderBy: { offsetMinutes: 'desc' },
    });
    expect(rows.map((r) => [r.offsetMinutes, r.recipients])).toEqual([
      [1440, 2],
      [15, 2],
    ]);
    expect(await t.app.svc.db.auditEvent.count({ where: { action: 'meeting.remind', resourceId: id } })).toBe(2);
  });

  it('after downtime sends only the nearest reminder; a meeting announced late skips the one whose moment had passed', async () => {
    const start = shanghai(t, 2, '10:00');
    const id = await schedule('专题会', start, shanghai(t, 2, '11:00'));
    // The server was down from two days before until ten minutes before the start.
    moveTo(new Date(new Date(start).getTime() - 10 * 60_000));
    await new MeetingReminderJob(t.app.svc).runOnce();
    const sent = await reminders(id);
    expect(sent).toHaveLength(3);
    expect(sent.every((n) => n.body.includes('15 分钟'))).toBe(true);
    expect(
      (await t.app.svc.db.meetingReminder.findMany({ where: { meetingId: id } }))
        .map((r) => [r.offsetMinutes, r.recipients])
        .sort(),
    ).toEqual(
      [
        [1440, 0],
        [15, 3],
      ].sort(),
    );

    const lateStart = new Date(t.clock.now().getTime() + 2 * 3600_000);
    const late = await schedule(
      '临时会议',
      lateStart.toISOString(),
      new Date(lateStart.getTime() + 3600_000).toISOString(),
    );
    await new MeetingReminderJob(t.app.svc).runOnce();
    expect(await reminders(late)).toEqual([]);
    moveTo(new Date(lateStart.getTime() - 14 * 60_000));
    await new MeetingReminderJob(t.app.svc).runOnce();
    expect(await reminders(late)).toHaveLength(3);
  });

  it('arms the reminders again after a reschedule, and reminds nobody of a cancelled meeting', async () => {
    const start = new Date(t.clock.now().getTime() + 20 * 60_000);
    const id = await schedule('调度会', start.toISOString(), new Date(start.getTime() + 3600_000).toISOString(), {
      reminderMinutes: [30],
    });
    await new MeetingReminderJob(t.app.svc).runOnce();
    expect(await reminders(id)).toEqual([]);
    const clerk = await as('zhaojing');
    const newStart = new Date(start.getTime() + 3 * 3600_000);
    expect(
      (
        await clerk.post(`/api/meetings/${id}/reschedule`, {
          startAt: newStart.toISOString(),
          endAt: new Date(newStart.getTime() + 3600_000).toISOString(),
          acceptClashes: true,
        })
      ).statusCode,
    ).toBe(200);
    moveTo(new Date(newStart.getTime() - 29 * 60_000));
    await new MeetingReminderJob(t.app.svc).runOnce();
    expect(await reminders(id)).toHaveLength(3);

    const cancelledStart = new Date(t.clock.now().getTime() + 40 * 60_000);
    const cancelled = await schedule(
      '取消的会',
      cancelledStart.toISOString(),
      new Date(cancelledStart.getTime() + 3600_000).toISOString(),
      { reminderMinutes: [30] },
    );
    expect(
      (await (await as('zhaojing')).post(`/api/meetings/${cancelled}/cancel`, { reason: '取消' })).statusCode,
    ).toBe(200);
    moveTo(new Date(cancelledStart.getTime() - 29 * 60_000));
    await new MeetingReminderJob(t.app.svc).runOnce();
    expect(await reminders(cancelled)).toEqual([]);
  });
});
