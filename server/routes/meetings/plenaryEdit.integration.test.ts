// Making a meeting a plenary (全体会议) or an ordinary meeting after it was scheduled: before the start only (refused,
// in both languages, once its online room is open, once it started, once it is over), by its managers, online only,
// its room's door count following it, audited, shown in the list and on the meeting page, and safe under parallel requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp, type TestClient } from '../../../tests/support/testApp.ts';
import { MeetingSocket, scheduleOnlineMeeting, userIdOf } from '../../../tests/support/onlineMeeting.ts';

const CAPACITY = 3;

let t: TestApp;
let url: string;
let clerk: TestClient;
const sockets: MeetingSocket[] = [];

beforeAll(async () => {
  t = await createTestApp({
    config: {
      mediaPort: 0,
      mediaWorkers: 1,
      mediaListenIp: '127.0.0.1',
      mediaAnnouncedIp: '127.0.0.1',
      plenaryCapacity: CAPACITY,
    },
  });
  url = await t.listen();
  clerk = await signedIn(t, 'zhaojing');
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

/** An online meeting starting in five minutes, hosted by 王磊, with 张伟 and 何军 invited. */
const schedule = (plenary = false) =>
  scheduleOnlineMeeting(t, { host: 'wanglei', participants: ['zhangwei', 'hejun'], plenary });

const plenaryAudits = async (meetingId: string) =>
  (
    await t.app.svc.db.auditEvent.findMany({
      where: { action: 'meeting.update', resourceId: meetingId },
      orderBy: { seq: 'asc' },
    })
  )
    .map((a) => JSON.parse(a.detail) as { fields: string[]; plenary?: { from: boolean; to: boolean } })
    .filter((d) => d.plenary);

const plenaryOf = async (meetingId: string) =>
  (await t.app.svc.db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { plenary: true } })).plenary;

/** The meeting's day on the Shanghai wall clock, for the calendar list. */
const shanghaiDay = (at: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(at));

describe('changing whether a meeting is a plenary', () => {
  it('turns a scheduled meeting into a plenary and back: shown in the list and on the page, audited, participants told', async () => {
    const { meetingId } = await schedule();
    const before = (await clerk.get(`/api/meetings/${meetingId}`)).json();
    expect(before).toMatchObject({ plenary: false, me: { can: { changePlenary: true } } });

    const res = await clerk.patch(`/api/meetings/${meetingId}`, { plenary: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ plenary: true, me: { can: { changePlenary: true } } });
    expect(await plenaryOf(meetingId)).toBe(true);
    expect(await plenaryAudits(meetingId)).toEqual([
      expect.objectContaining({ fields: ['plenary'], plenary: { from: false, to: true } }),
    ]);

    // The list carries the mark, for the organiser and for a participant.
    const zhang = await signedIn(t, 'zhangwei');
    for (const [who, scope] of [
      [clerk, 'organised'],
      [zhang, 'mine'],
    ] as const) {
      const list = await who.get(`/api/meetings?scope=${scope}&view=day&date=${shanghaiDay(before.startAt)}`);
      expect(list.statusCode, list.body).toBe(200);
      const item = (list.json().items as Array<{ id: string; plenary: boolean }>).find((m) => m.id === meetingId);
      expect(item).toMatchObject({ plenary: true });
    }
    // How they take part changes (they watch until given the floor), so participants are told.
    const notices = await t.app.svc.db.notification.count({
      where: { userId: await userIdOf(t, 'zhangwei'), kind: 'meeting.updated', link: `/meetings/${meetingId}` },
    });
    expect(notices).toBe(1);

    // And back to an ordinary meeting, by its host this time.
    const host = await signedIn(t, 'wanglei');
    const back = await host.patch(`/api/meetings/${meetingId}`, { plenary: false });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ plenary: false });
    expect((await plenaryAudits(meetingId)).map((d) => d.plenary)).toEqual([
      { from: false, to: true },
      { from: true, to: false },
    ]);
  });

  it('refuses the change once the online room is open, once the meeting started and once it is over, in both languages', async () => {
    const { meetingId } = await schedule();
    const refusedWith = async (code: string) => {
      const res = await clerk.patch(`/api/meetings/${meetingId}`, { plenary: true });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toMatchObject({ code });
      expect(res.json().message).toMatch(/plenary.*\(.*全体会议.*\)/);
    };

    // People join a scheduled meeting early: its room was set up as an ordinary meeting, so the kind is settled.
    const early = await MeetingSocket.connect(t, url, 'zhangwei');
    sockets.push(early);
    expect((await early.request('join', { meetingId })).status).toBe('joined');
    await refusedWith('plenary_locked');
    // The page says so too.
    expect((await clerk.get(`/api/meetings/${meetingId}`)).json()).toMatchObject({ status: 'scheduled' });

    expect((await clerk.post(`/api/meetings/${meetingId}/start`)).statusCode).toBe(200);
    await refusedWith('plenary_locked');
    expect((await clerk.get(`/api/meetings/${meetingId}`)).json()).toMatchObject({
      me: { can: { changePlenary: false } },
    });
    // Other edits of a live meeting still go through, a form sending the plenary box unchanged included.
    const titled = await clerk.patch(`/api/meetings/${meetingId}`, { title: '线上专题会议（续）', plenary: false });
    expect(titled.statusCode, titled.body).toBe(200);

    expect((await clerk.post(`/api/meetings/${meetingId}/end`)).statusCode).toBe(200);
    // Over: refused for this reason, not as an edit of an ended meeting.
    await refusedWith('plenary_locked');

    expect(await plenaryOf(meetingId)).toBe(false);
    expect(await plenaryAudits(meetingId)).toEqual([]);
  });

  it('lets only the managers change it: a participant is refused and nothing is written', async () => {
    const { meetingId } = await schedule(true);
    const zhang = await signedIn(t, 'zhangwei');
    const res = await zhang.patch(`/api/meetings/${meetingId}`, { plenary: false });
    expect(res.statusCode).toBe(403);
    expect((await zhang.get(`/api/meetings/${meetingId}`)).json()).toMatchObject({
      plenary: true,
      me: { can: { changePlenary: false } },
    });
    expect(await plenaryOf(meetingId)).toBe(true);
    expect(await plenaryAudits(meetingId)).toEqual([]);
  });

  it('keeps a plenary online and within its capacity', async () => {
    // A draft held in a room only.
    const draft = await clerk.post('/api/meetings', {
      title: '现场办公会',
      type: 'bangong',
      mode: 'in_room',
      startAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
      endAt: new Date(t.clock.now().getTime() + 90_000_000).toISOString(),
      schedule: false,
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const inRoom = await clerk.patch(`/api/meetings/${draft.json().id}`, { plenary: true });
    expect(inRoom.statusCode).toBe(400);
    expect(inRoom.json()).toMatchObject({ code: 'plenary_needs_online' });
    expect(inRoom.json().message).toContain('全体会议');

    // Invitations are not capped (a hybrid plenary seats people in its room): the door count holds online. An online
    // meeting inviting more than it lets in becomes a plenary, and its room, opened after the change, takes exactly
    // its capacity besides the host when everyone joins at once.
    const full = await scheduleOnlineMeeting(t, {
      host: 'wanglei',
      participants: ['zhangwei', 'hejun', 'tangmin', 'matao'],
    });
    expect((await clerk.patch(`/api/meetings/${full.meetingId}`, { plenary: true })).statusCode).toBe(200);
    const people = await Promise.all(
      ['zhangwei', 'hejun', 'tangmin', 'matao'].map((u) => MeetingSocket.connect(t, url, u)),
    );
    sockets.push(...people);
    const joins = await Promise.all(people.map((p) => p.ask('join', { meetingId: full.meetingId })));
    expect(joins.filter((j) => j.ok && j.data.status === 'joined')).toHaveLength(CAPACITY);
    expect(joins.filter((j) => !j.ok).map((j) => !j.ok && j.code)).toEqual(['meeting_full']);
    const host = await MeetingSocket.connect(t, url, 'wanglei');
    sockets.push(host);
    expect(await host.request('join', { meetingId: full.meetingId })).toMatchObject({
      status: 'joined',
      room: { plenary: true, capacity: CAPACITY },
    });
    for (const p of [...people, host]) p.close();

    // A plenary cannot move into a room only.
    const moved = await clerk.post(`/api/meetings/${full.meetingId}/reschedule`, {
      startAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString(),
      endAt: new Date(t.clock.now().getTime() + 7_200_000).toISOString(),
      mode: 'in_room',
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json()).toMatchObject({ code: 'plenary_needs_online' });
  });

  it('changes once under parallel requests: one audited change, the others see it done', async () => {
    const { meetingId } = await schedule();
    const host = await signedIn(t, 'wanglei');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? host : clerk).patch(`/api/meetings/${meetingId}`, { plenary: true }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await plenaryOf(meetingId)).toBe(true);
    expect(await plenaryAudits(meetingId)).toEqual([expect.objectContaining({ plenary: { from: false, to: true } })]);
  });
});
